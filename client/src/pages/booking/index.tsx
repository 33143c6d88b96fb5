import { View, Text } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { copiesNote, MATERIAL_FORM_LABELS } from '@shared/domain/catalog';
import ConfirmDialog from '../../components/confirm-dialog';
import PageShell from '../../components/page-shell';
import PhoneLink from '../../components/phone-link';
import { TapButton } from '../../components/tap';
import Section from '../../components/section';
import StateView from '../../components/state-view';
import { api, messageOf } from '../../services/api';
import { BOOKING_STATUS_LABELS, dateLabel } from '../../services/format';
import { getSession } from '../../services/session';
import { canSubscribe, useConsent } from '../../services/subscribe';
import { useLoad } from '../../services/use-load';
import './index.scss';

/**
 * A booking: number, window, time, and the complete material checklist (one-time
 * notification). The booker may cancel or reschedule until the slot starts (R-BOOK-3).
 */
export default function BookingDetail() {
  const { params } = useRouter();
  const id = decodeURIComponent(params.id ?? '');
  const fresh = params.new === '1';
  const [tick, setTick] = useState(0);
  const res = useLoad(() => api.booking.get({ bookingId: id }), `${id}|${tick}`);
  const [message, setMessage] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const role = getSession()?.user.role;
  // Template ids load with the page; the tap asks WeChat at once (issue 7).
  const consent = useConsent(['booking', 'case'], fresh);

  if (!res.data) {
    return (
      <PageShell>
        <StateView loading={res.loading} error={res.error} onRetry={res.reload} next={res.next} />
      </PageShell>
    );
  }
  const { booking: b, window: w, materials } = res.data;
  const canChange = b.status === 'booked' && (role === 'villager' || role === 'agent');
  // A cancelled booking looks cancelled (issue 11): no "请带齐以下材料", the time struck through.
  const cancelled = b.status === 'cancelled';

  // Cancelling asks in the app's own large dialog (issue 11): red, worded as the act.
  const cancel = async () => {
    setCancelling(false);
    try {
      await api.booking.cancel({ bookingId: b.id });
      setMessage('预约已取消。如需办理,欢迎重新预约。');
      setTick((t) => t + 1);
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  return (
    <PageShell>
      {fresh && b.status === 'booked' && <View className="card success">预约成功!请按下面的清单备齐材料,准时前来,谢谢。</View>}
      {fresh && b.status === 'booked' && canSubscribe() && (
        <TapButton type="secondary" onTap={() => void consent.ask().then(setMessage)}>
          用微信接收预约和办理进度提醒
        </TapButton>
      )}
      <View className="card">
        <View className="muted">预约号</View>
        <View className="hero booking-number">{b.number}</View>
        <View className={`tag${cancelled ? ' tag--warn' : ' tag--ok'}`}>{BOOKING_STATUS_LABELS[b.status]}</View>
        {cancelled && <View className="card error booking-cancelled">此预约已取消,无需前往窗口。如仍需办理,请重新预约。</View>}
        <View className="guide-facts">
          <View>办理事项:{b.itemName}</View>
          <View>办事人:{b.applicantName}</View>
          <View className={cancelled ? 'struck' : undefined}>
            时间:{dateLabel(b.date)} {b.start}–{b.end}
            {cancelled ? '(已取消)' : ''}
          </View>
          <View>窗口:{w.name}</View>
          <View>
            窗口电话:<PhoneLink phone={w.phone} what={`${w.name}电话`} />
          </View>
          <View>地点:{res.data.centerName},{res.data.centerAddress}</View>
          {b.agentId && <View className="muted">由村代办员代为预约</View>}
          {b.cancelReason && <View className="error">取消原因:{b.cancelReason}</View>}
          {b.receivedByName && <View>接待人(首问责任人):{b.receivedByName}</View>}
        </View>
      </View>

      <Section title={cancelled ? `本事项所需材料(共${materials.length}项,供重新预约时参考)` : `请带齐以下材料(共${materials.length}项)`}>
        {materials.map((m, i) => (
          <View key={m.name} className="para">
            <Text className="material__name">
              {i + 1}. {m.name}
            </Text>
            <Text className="muted">
              {' '}
              {MATERIAL_FORM_LABELS[m.form]} · {m.count}份{m.notes ? ` · ${m.notes}` : ''}
            </Text>
          </View>
        ))}
        <View className="muted">以上是办理本事项需要的全部材料,窗口不会再另外要求其他材料。{copiesNote(materials)}</View>
      </Section>

      {message && <View className="card">{message}</View>}
      {canChange && (
        <View className="actions">
          <TapButton type="secondary" onTap={() => Taro.navigateTo({ url: `/pages/book/index?itemId=${encodeURIComponent(b.itemId)}&rescheduleId=${encodeURIComponent(b.id)}` })}>
            改期
          </TapButton>
          <TapButton type="secondary" onTap={() => setCancelling(true)}>
            取消预约
          </TapButton>
        </View>
      )}
      {cancelling && (
        <ConfirmDialog
          title={`确定取消${dateLabel(b.date)} ${b.start}的预约吗?`}
          message="取消后这个时段会让给其他群众;如需办理,可以重新预约。"
          act="确定取消预约"
          cancel="再想想,不取消"
          busy={false}
          onConfirm={() => void cancel()}
          onCancel={() => setCancelling(false)}
        />
      )}
      <View className="actions">
        <TapButton type="primary" onTap={() => Taro.redirectTo({ url: '/pages/bookings/index' })}>
          查看我的预约
        </TapButton>
      </View>
    </PageShell>
  );
}
