import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DEADLINE_BADGE_LABELS } from '@shared/domain/cases';
import { PETITION_FORM_LABELS } from '@shared/domain/petitions';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { badgeClass } from '../../services/complaint-office';
import { dateLabel } from '../../services/format';
import { petitionsApi } from '../../services/fn/petitions';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import '../petition.scss';
import Tap, { TapButton } from '../../components/tap';

/** The main issue in a line: the register shows the start, the detail the whole text. */
const short = (s: string, n = 40): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * 信访登记簿 (R-PET-1..3): the center's petitions as the server lists them for this viewer —
 * overdue first, then by due date — each with its form, the main issue, its state, the due date
 * written out and its badge. Window staff see those of their unit or assigned to them.
 */
function Register() {
  const res = useLoad(async () => (await petitionsApi.list({})).petitions, 'list');
  const role = getSession()?.user.role;
  const list = res.data ?? [];
  return (
    <PageShell>
      <TapButton type="primary" onTap={() => void Taro.navigateTo({ url: '/petition/new/index' })}>
        登记信访(来访、来信、来电、网上)
      </TapButton>
      {role === 'staff' && <View className="muted para">您好,这里列出交由您或您所在窗口办理的信访件;您登记的信访件会立即送中心管理办公室交办。</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data && list.length === 0 ? '目前没有信访件。群众来访、来信、来电时,请点上方按钮登记,谢谢。' : null} />
      {list.length > 0 && (
        <View className="card">
          <View className="title">信访件 {list.length} 件(超期的在前)</View>
          {list.map((p) => (
            <Tap role="link" onTap={() => void Taro.navigateTo({ url: `/petition/detail/index?id=${encodeURIComponent(p.id)}` })} key={p.id} className="pet-row">
              <View className="pet-tags">
                {p.badge && p.badge !== 'on_time' && <Text className={badgeClass(p.badge)}>{DEADLINE_BADGE_LABELS[p.badge]}</Text>}
                <Text className="tag">{p.stateLabel}</Text>
                {p.collective && <Text className="tag tag--danger">集体访 {p.headcount}人</Text>}
                {p.urgent && <Text className="tag tag--danger">紧急</Text>}
              </View>
              <View className="item-row__name">
                {p.number} · {PETITION_FORM_LABELS[p.form]}
              </View>
              <View className="pet-issue">{short(p.mainIssue)}</View>
              <View className="muted">
                {p.state === 'replied' || p.state === 'closed' ? `已答复` : `${p.deadlineKind === 'leader' ? '领导接待后答复期限' : '答复期限'}:${dateLabel(p.deadline)}`}
                {p.assigneeName ? ` · 承办:${p.unitName ?? ''} ${p.assigneeName}` : ' · 待交办'}
              </View>
            </Tap>
          ))}
        </View>
      )}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff', 'office', 'leader']} who="中心工作人员、管理办公室和中心领导">
      <Register />
    </RoleGate>
  );
}
