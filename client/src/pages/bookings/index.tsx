import { View, Text } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import PageShell from '../../components/page-shell';
import Tap from '../../components/tap';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api } from '../../services/api';
import { BOOKING_STATUS_LABELS, dateLabel, VISIT_STATUS_LABELS } from '../../services/format';
import { useLoad } from '../../services/use-load';
// .struck: a cancelled booking's time (the booking page's styles).
import '../booking/index.scss';

/** The caller's bookings (also those an agent made for them) and door-to-door requests. */
export default function Bookings() {
  const [tick, setTick] = useState(0);
  useDidShow(() => setTick((t) => t + 1));
  const res = useLoad(async () => {
    const [b, v] = await Promise.all([api.booking.mine({}), api.booking.myVisits({})]);
    return { bookings: b.bookings, visits: v.visits };
  }, String(tick));

  return (
    <PageShell>
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} />
      {res.data && (
        <Section title="我的预约">
          {res.data.bookings.length === 0 && <View className="muted">您还没有预约。在办事指南中点“预约办理”即可预约。</View>}
          {res.data.bookings.map((b) => (
            <Tap key={b.id} role="link" className="row booking-row" onTap={() => void Taro.navigateTo({ url: `/pages/booking/index?id=${encodeURIComponent(b.id)}` })}>
              <View>
                <View className="item-row__name">{b.itemName}</View>
                <Text className={b.status === 'cancelled' ? 'muted struck' : 'muted'}>
                  {dateLabel(b.date)} {b.start} · {b.applicantName} · {b.number}
                </Text>
              </View>
              <Text className={b.status === 'cancelled' ? 'tag tag--warn' : 'tag tag--ok'}>{BOOKING_STATUS_LABELS[b.status]}</Text>
            </Tap>
          ))}
        </Section>
      )}
      {res.data && res.data.visits.length > 0 && (
        <Section title="上门服务申请">
          {res.data.visits.map((v) => (
            <View key={v.id} className="para">
              <View className="item-row__name">
                {v.itemName} · {v.applicantName}
              </View>
              <View className="muted">
                {VISIT_STATUS_LABELS[v.status]}
                {v.status === 'scheduled' && `:${dateLabel(v.scheduledDate ?? '')} ${v.scheduledTime ?? ''},${v.handledByName ?? ''}上门`}
                {v.status === 'declined' && `:${v.declineReason ?? ''}`}
              </View>
            </View>
          ))}
        </Section>
      )}
    </PageShell>
  );
}
