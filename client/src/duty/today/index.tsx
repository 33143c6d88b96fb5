import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { dateLabel } from '@shared/domain/time';
import CaseRow from '../../components/case-row';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import Tap from '../../components/tap';
import { api } from '../../services/api';
import { complaintsApi } from '../../services/fn/complaints';
import { petitionsApi } from '../../services/fn/petitions';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import LeaderToday from './leader-today';
import { openAlertPetitions, openMajorComplaints } from './summary';

/**
 * 今日概况 (issue 11; R-DUTY-2): the leader's page — the day at a glance, then what has been
 * escalated and is still open: the center's overdue cases, major complaints not yet answered
 * (R-CMP-7), collective or urgent petitions not yet answered (R-PET-2). Existing reads only.
 */
function Today() {
  const user = getSession()?.user;
  const centerId = user?.centerId ?? '';
  const today = useLoad(() => api.duty.today({ centerId }), centerId);
  const overdue = useLoad(() => api.cases.overdue({}), 'overdue');
  const complaints = useLoad(async () => openMajorComplaints((await complaintsApi.queue({ klass: 'major' })).complaints), 'major');
  const petitions = useLoad(async () => openAlertPetitions((await petitionsApi.list({})).petitions), 'petitions');
  return (
    <PageShell>
      <StateView loading={today.loading && !today.data} error={today.error} onRetry={today.reload} next={today.next} />
      {today.data && user && <LeaderToday today={today.data} userId={user.id} />}
      <Section title={`超期办件${overdue.data ? `(${overdue.data.cases.length}件)` : ''}`}>
        <StateView loading={overdue.loading && !overdue.data} error={overdue.error} onRetry={overdue.reload} next={overdue.next} empty={overdue.data?.cases.length === 0 ? '没有超期办件。' : null} />
        {overdue.data?.cases.map((c) => <CaseRow key={c.id} c={c} url={`/staff/case/index?id=${encodeURIComponent(c.id)}`} />)}
      </Section>
      <Section title={`未答复的重大投诉${complaints.data ? `(${complaints.data.length}件)` : ''}`}>
        <StateView loading={complaints.loading && !complaints.data} error={complaints.error} onRetry={complaints.reload} next={complaints.next} empty={complaints.data?.length === 0 ? '没有未答复的重大投诉。' : null} />
        {complaints.data?.map((c) => (
          <Tap key={c.id} role="link" className="row nav-row" onTap={() => void Taro.navigateTo({ url: `/office/complaint/index?id=${encodeURIComponent(c.id)}` })}>
            <View>
              <View className="item-row__name">
                {c.number} · {c.subject.label}
              </View>
              <Text className="muted">
                {c.stateLabel} · 答复期限 {dateLabel(c.deadline)}
              </Text>
            </View>
            <Text className="link">›</Text>
          </Tap>
        ))}
      </Section>
      <Section title={`未答复的集体访、紧急信访${petitions.data ? `(${petitions.data.length}件)` : ''}`}>
        <StateView loading={petitions.loading && !petitions.data} error={petitions.error} onRetry={petitions.reload} next={petitions.next} empty={petitions.data?.length === 0 ? '没有未答复的集体访或紧急信访。' : null} />
        {petitions.data?.map((p) => (
          <Tap key={p.id} role="link" className="row nav-row" onTap={() => void Taro.navigateTo({ url: `/petition/detail/index?id=${encodeURIComponent(p.id)}` })}>
            <View>
              <View className="item-row__name">
                {p.number} · {p.collective ? `集体访(${p.headcount}人)` : '紧急'} · {p.mainIssue}
              </View>
              <Text className="muted">
                {p.stateLabel} · 期限 {dateLabel(p.deadline)}
              </Text>
            </View>
            <Text className="link">›</Text>
          </Tap>
        ))}
      </Section>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['leader', 'office']} who="带班领导和管理办公室">
      <Today />
    </RoleGate>
  );
}
