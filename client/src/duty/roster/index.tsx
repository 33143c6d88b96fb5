import { View, Text } from '@tarojs/components';
import { useState } from 'react';
import { dayLabel } from '@shared/domain/time';
import { monthLabel, monthOf, nextMonth } from '@shared/domain/duty';
import PageShell from '../../components/page-shell';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import ChooseCenter from '../../components/choose-center';
import { usePublicCenter } from '../../services/public-center';
import { useLoad } from '../../services/use-load';
import Tap from '../../components/tap';

/**
 * The leaders on duty of a month, as published (公示, R-DUTY-1..2): anyone may see who is on
 * duty on which working day, today's row first marked.
 */
export default function Roster() {
  const centerId = usePublicCenter();
  const today = useLoad(async () => (centerId ? api.duty.today({ centerId }) : null), centerId ?? '');
  const thisMonth = today.data ? monthOf(today.data.date) : null;
  const [month, setMonth] = useState<string | null>(null);
  const shown = month ?? thisMonth;
  const roster = useLoad(async () => (centerId && shown ? (await api.duty.roster({ centerId, month: shown })).roster : null), `${centerId ?? ''}|${shown ?? ''}`);
  const r = roster.data;
  if (!centerId) {
    return (
      <PageShell>
        <ChooseCenter />
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className="muted">您好!中心每个工作日都有领导带班值班,您有困难或意见,可以当面找带班领导反映。</View>
      <StateView loading={today.loading} error={today.error} onRetry={today.reload} next={today.next} />
      {thisMonth && (
        <View className="day-tabs">
          {[thisMonth, nextMonth(thisMonth)].map((m) => (
            <Tap role="radio" checked={m === shown} label={monthLabel(m)} onTap={() => setMonth(m)} key={m} className={`day-tab${m === shown ? ' day-tab--on' : ''}`}>
              {monthLabel(m)}
            </Tap>
          ))}
        </View>
      )}
      <StateView loading={roster.loading && !r} error={roster.error} onRetry={roster.reload} next={roster.next} />
      {r && !r.published && (
        <View className="card">对不起,{monthLabel(r.month)}的带班值班表还没有公示,请稍后再来查看;如有急事,请拨打中心咨询电话,谢谢。</View>
      )}
      {r?.published && (
        <View className="card">
          <View className="title">{monthLabel(r.month)}带班值班表(已公示)</View>
          {r.published.days.map((d) => (
            <View key={d.date} className={`row duty-day${d.date === today.data?.date ? ' choice--on' : ''}`}>
              <Text>
                {dayLabel(d.date)}
                {d.date === today.data?.date ? '(今天)' : ''}
              </Text>
              <Text className="item-row__name">{d.leaders.map((l) => l.name).join('、')}</Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
