import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import DateChips, { ChoiceChips } from '../../components/date-chips';
import LabelledInput from '../../components/labelled-input';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import Tap, { TapButton } from '../../components/tap';
import { api, messageOf } from '../../services/api';
import { BOOKING_STATUS_LABELS } from '../../services/format';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import { useCenterToday, useDayChoice } from '../../services/clock';

/**
 * A window's bookings of a day. Staff check a villager in when they arrive — the one who does
 * becomes the first-ask person (R-CASE-1) — or cancel with a reason the booker is told.
 */
function DayBoard() {
  const today = useCenterToday();
  const [date, setDate] = useDayChoice();
  const [windowId, setWindowId] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const isStaff = getSession()?.user.role === 'staff';
  const res = useLoad(() => api.booking.dayBoard({ date, ...(windowId ? { windowId } : {}) }), `${date}|${windowId ?? ''}|${tick}`);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await fn();
      setMessage(done);
      setCancelling(null);
      setReason('');
      setTick((t) => t + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  const windows = res.data?.windows ?? [];
  const current = res.data?.window;
  return (
    <PageShell>
      <View className="card">
        <DateChips label="日期" today={today} value={date} onChange={setDate} />
        <View className="chips__chosen">窗口:{current?.name ?? '请选择'}</View>
        <ChoiceChips label="窗口" options={windows.map((w) => ({ value: w.id, label: w.name }))} value={current?.id ?? null} onChange={setWindowId} />
      </View>
      {message && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data?.bookings.length === 0 ? '当天该窗口没有预约。' : null} />
      {res.data && res.data.bookings.length > 0 && (
        <View className="card">
          <View className="title">共{res.data.bookings.length}个预约</View>
          {res.data.bookings.map((b) => (
            <View key={b.id} className="para board-row">
              <View className="row">
                <View>
                  <View className="item-row__name">
                    {b.start} {b.applicantName}
                  </View>
                  <Text className="muted">
                    {b.itemName} · {b.number}
                    {b.agentId ? ' · 代办' : ''}
                  </Text>
                </View>
                <Text className={b.status === 'booked' ? 'tag' : b.status === 'arrived' ? 'tag tag--ok' : 'tag tag--warn'}>{BOOKING_STATUS_LABELS[b.status]}</Text>
              </View>
              {b.status === 'arrived' && <View className="muted">接待人(首问责任人):{b.receivedByName}</View>}
              {b.status === 'booked' && cancelling !== b.id && (
                <View className="actions">
                  {isStaff && (
                    <TapButton
                      type="primary"
                      label={`登记到达:${b.applicantName},${b.start}`}
                      onTap={() =>
                        void act(async () => {
                          const r = await api.booking.checkIn({ bookingId: b.id });
                          Taro.navigateTo({ url: `/staff/case/index?id=${encodeURIComponent(r.caseId)}` });
                        }, `已登记${b.applicantName}到达,您是本件的首问责任人。`)
                      }
                    >
                      登记到达
                    </TapButton>
                  )}
                  <TapButton label={`取消预约:${b.applicantName},${b.start}`} onTap={() => setCancelling(b.id)}>
                    取消预约
                  </TapButton>
                </View>
              )}
              {cancelling === b.id && (
                <View>
                  <LabelledInput label="取消原因(将告知群众)" value={reason} placeholder="请填写取消原因,将告知群众" onInput={(e) => setReason(e.detail.value)} />
                  <View className="actions">
                    <TapButton type="danger" onTap={() => void act(() => api.booking.centerCancel({ bookingId: b.id, reason }), '已取消,并已通知群众和代办员。')}>
                      确定取消预约
                    </TapButton>
                    <TapButton onTap={() => setCancelling(null)}>返回</TapButton>
                  </View>
                </View>
              )}
            </View>
          ))}
        </View>
      )}
      <Tap role="link" className="row nav-row" onTap={() => Taro.navigateTo({ url: '/staff/visits/index' })}>
        <Text className="item-row__name">上门服务申请</Text>
        <Text className="link">›</Text>
      </Tap>
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff', 'office', 'admin']} who="中心工作人员">
      <DayBoard />
    </RoleGate>
  );
}
