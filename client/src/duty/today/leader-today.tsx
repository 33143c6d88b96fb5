import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { dateLabel } from '@shared/domain/time';
import Tap from '../../components/tap';
import { api } from '../../services/api';
import { useLoad } from '../../services/use-load';
import { dutyLine, windowLine, type DutyToday } from './summary';

/**
 * The leader's day at a glance (issue 11; R-DUTY-2), atop 今日概况 (the leader's home's first link):
 * on duty or not and the record, each window's bookings today (the overdue cases follow on the page).
 * `today` is duty.today's answer (the server's day). It lives in the duty subpackage: the main
 * package is at its 600 KB limit.
 */
export default function LeaderToday({ today, userId }: { today: DutyToday; userId: string }) {
  const month = today.date.slice(0, 7);
  const records = useLoad(async () => (await api.duty.records({ month })).records, month);
  const counts = useLoad(() => api.booking.dayCounts({ date: today.date }), today.date);
  const duty = dutyLine(today, userId, records.data ?? null);
  return (
    <View className="card leader-today">
      <View className="title">今日概况:{dateLabel(today.date)}</View>
      <View className="para">{duty.text}</View>
      <Tap role="link" className="row nav-row" onTap={() => void Taro.navigateTo({ url: '/duty/record/index' })}>
        <Text className="item-row__name">{duty.toRecord ? '登记到岗、接访' : '带班值班记录'}</Text>
        <Text className="link">›</Text>
      </Tap>
      <View className="title">各窗口今日预约</View>
      {counts.error && <View className="error">{counts.error}</View>}
      {counts.data?.windows.map((w) => (
        <View key={w.windowId} className="row window-count">
          <Text className="item-row__name">{w.windowName}</Text>
          <Text className="muted">{windowLine(w)}</Text>
        </View>
      ))}
    </View>
  );
}
