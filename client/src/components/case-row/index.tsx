import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CaseStatus, DeadlineBadge } from '@shared/domain/cases';
import { dateLabel } from '@shared/domain/time';
import CaseBadge from '../case-badge';

interface Row {
  id: string;
  number: string;
  itemName: string;
  applicantName: string;
  status: CaseStatus;
  badge: DeadlineBadge | null;
  workingDaysLeft: number | null;
  deadline?: string;
  actingHandlerName: string;
  windowName: string;
}

/** One case in a list; a tap opens it (staff: the case page; villagers: their timeline). */
export default function CaseRow({ c, url }: { c: Row; url: string }) {
  return (
    <View className="row case-row" onClick={() => Taro.navigateTo({ url })}>
      <View>
        <View className="item-row__name">
          {c.itemName} · {c.applicantName}
        </View>
        <Text className="muted">
          {c.number} · {c.windowName} {c.actingHandlerName}
          {c.deadline ? ` · 期限 ${dateLabel(c.deadline)}` : ''}
        </Text>
      </View>
      <CaseBadge status={c.status} badge={c.badge} daysLeft={c.workingDaysLeft} />
    </View>
  );
}
