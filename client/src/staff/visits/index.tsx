import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import DateChips, { ChoiceChips } from '../../components/date-chips';
import LabelledInput from '../../components/labelled-input';
import PageShell from '../../components/page-shell';
import RoleGate from '../../components/role-gate';
import StateView from '../../components/state-view';
import { TapButton } from '../../components/tap';
import { api, messageOf } from '../../services/api';
import { dateLabel, DOOR_REASON_LABELS, VISIT_STATUS_LABELS } from '../../services/format';
import { getSession } from '../../services/session';
import { useLoad } from '../../services/use-load';
import { useCenterToday, useDayChoice } from '../../services/clock';

/** Dials a number: WeChat's phone sheet in the mini-program, a tel: link in H5. */
function dial(phone: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.location.href = `tel:${phone}`;
    return;
  }
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined); // the user closed the sheet
}

/** The times a visit may start, as chips by half hours (issue 11, instead of a time wheel). */
const half = (from: number, to: number): string[] => Array.from({ length: (to - from) * 2 }, (_, i) => `${String(from + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
const MORNING = half(9, 12);
const AFTERNOON = [...half(13, 17), '17:00'];

/**
 * Door-to-door requests of the staff member's window (R-BOOK-5): schedule or decline with a
 * reason. Phones come masked; "拨打" asks the server for the whole number (each reveal is
 * audited), shows it and dials it.
 */
function Visits() {
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.booking.visitBoard({}), String(tick));
  const [open, setOpen] = useState<{ id: string; mode: 'schedule' | 'decline' } | null>(null);
  const today = useCenterToday();
  const [date, setDate] = useDayChoice();
  const [time, setTime] = useState('14:00');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const isStaff = getSession()?.user.role === 'staff';

  const call = async (visitId: string) => {
    setMessage(null);
    try {
      const r = await api.booking.revealVisitPhone({ visitId });
      setRevealed((m) => ({ ...m, [visitId]: r.phone }));
      dial(r.phone);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  const submit = async () => {
    if (!open) return;
    setMessage(null);
    try {
      if (open.mode === 'schedule') await api.booking.scheduleVisit({ visitId: open.id, date, time });
      else await api.booking.declineVisit({ visitId: open.id, reason });
      setMessage(open.mode === 'schedule' ? '已安排,并已通知申请人。' : '已答复申请人。');
      setOpen(null);
      setReason('');
      setTick((t) => t + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  return (
    <PageShell>
      {message && <View className="card">{message}</View>}
      <StateView loading={res.loading && !res.data} error={res.error} onRetry={res.reload} next={res.next} empty={res.data?.visits.length === 0 ? '暂无上门服务申请。' : null} />
      {res.data?.visits.map((v) => (
        <View key={v.id} className="card">
          <View className="row">
            <View className="item-row__name">
              {v.applicantName} · {v.itemName}
            </View>
            <Text className={v.status === 'pending' ? 'tag tag--warn' : 'tag'}>{VISIT_STATUS_LABELS[v.status]}</Text>
          </View>
          <View>地址:{v.address}</View>
          <View className="row">
            <Text>电话:{revealed[v.id] ?? v.phone}</Text>
            {isStaff && (v.status === 'pending' || v.status === 'scheduled') && (
              <TapButton label={`拨打${v.applicantName}的电话`} onTap={() => void call(v.id)}>
                拨打
              </TapButton>
            )}
          </View>
          <View>
            原因:{DOOR_REASON_LABELS[v.reason]}
            {v.note ? `(${v.note})` : ''}
          </View>
          {v.agentId && <View className="muted">村代办员代为申请</View>}
          {v.status === 'scheduled' && (
            <View className="muted">
              已安排:{dateLabel(v.scheduledDate ?? '')} {v.scheduledTime},{v.handledByName}
            </View>
          )}
          {v.status === 'declined' && <View className="muted">答复:{v.declineReason}</View>}
          {isStaff && v.status === 'pending' && open?.id !== v.id && (
            <View className="actions">
              <TapButton type="primary" label={`安排上门:${v.applicantName}`} onTap={() => setOpen({ id: v.id, mode: 'schedule' })}>
                安排上门
              </TapButton>
              <TapButton label={`不能安排:${v.applicantName}`} onTap={() => setOpen({ id: v.id, mode: 'decline' })}>
                不能安排
              </TapButton>
            </View>
          )}
          {open?.id === v.id && (
            <View>
              {open.mode === 'schedule' ? (
                <View>
                  <DateChips label="上门日期" today={today} min={today} value={date} onChange={setDate} />
                  <View className="chips__chosen">上门时间:{time}</View>
                  <View className="muted">上午</View>
                  <ChoiceChips label="上门时间(上午)" options={MORNING.map((t) => ({ value: t, label: t }))} value={time} onChange={setTime} />
                  <View className="muted">下午</View>
                  <ChoiceChips label="上门时间(下午)" options={AFTERNOON.map((t) => ({ value: t, label: t }))} value={time} onChange={setTime} />
                </View>
              ) : (
                <LabelledInput label="不能安排的原因和建议" value={reason} placeholder="请写明原因和建议,如:请预约到窗口办理" onInput={(e) => setReason(e.detail.value)} />
              )}
              <View className="actions">
                <TapButton type="primary" onTap={() => void submit()}>
                  {open.mode === 'schedule' ? '确定安排上门' : '确定答复不能安排'}
                </TapButton>
                <TapButton onTap={() => setOpen(null)}>返回</TapButton>
              </View>
            </View>
          )}
        </View>
      ))}
    </PageShell>
  );
}

export default function Page() {
  return (
    <RoleGate roles={['staff', 'office', 'admin']} who="中心工作人员">
      <Visits />
    </RoleGate>
  );
}
