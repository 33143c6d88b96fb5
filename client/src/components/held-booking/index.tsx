import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Booking } from '@shared/domain/booking';
import { dateLabel } from '../../services/format';
import { TapButton } from '../tap';
import './index.scss';

/**
 * "您已预约 …" with 查看预约 / 改约 (issue 11): a booking already held for the item, shown on the
 * guide and the booking page before a slot is picked — not a refusal after confirming.
 * `replace`: the booking page itself is replaced by the reschedule screen instead of stacking it.
 */
export default function HeldBookings({ bookings, forAgent, replace }: { bookings: readonly Booking[]; forAgent: boolean; replace?: boolean }) {
  if (bookings.length === 0) return null;
  const go = (url: string) => (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
  return (
    <View className="held-card" role="status">
      {bookings.map((b) => (
        <View key={b.id} className="held">
          <View className="held__text">
            {forAgent
              ? `您已为${b.applicantName}预约${dateLabel(b.date)} ${b.start}–${b.end}办理本事项,预约号 ${b.number}。${b.applicantName}同一天不能重复预约,如需换时间请改约;为其他群众预约不受影响。`
              : `您已预约${dateLabel(b.date)} ${b.start}–${b.end}办理本事项,预约号 ${b.number}。同一天不能重复预约;如需换时间,请改约。`}
          </View>
          <View className="actions">
            <TapButton label={`查看${dateLabel(b.date)} ${b.start}的预约`} onTap={() => void Taro.navigateTo({ url: `/pages/booking/index?id=${encodeURIComponent(b.id)}` })}>
              查看预约
            </TapButton>
            <TapButton label={`改约${dateLabel(b.date)} ${b.start}的预约`} onTap={() => void go(`/pages/book/index?itemId=${encodeURIComponent(b.itemId)}&rescheduleId=${encodeURIComponent(b.id)}`)}>
              改约
            </TapButton>
          </View>
        </View>
      ))}
    </View>
  );
}
