import { Text } from '@tarojs/components';
import { CASE_STATUS_LABELS, DEADLINE_BADGE_LABELS, type CaseStatus, type DeadlineBadge } from '@shared/domain/cases';

/** The status of a case, or how its deadline stands while it runs. */
export default function CaseBadge({ status, badge, daysLeft }: { status: CaseStatus; badge: DeadlineBadge | null; daysLeft: number | null }) {
  if (!badge) return <Text className={status === 'done' ? 'tag tag--ok' : status === 'rejected' ? 'tag tag--warn' : 'tag'}>{CASE_STATUS_LABELS[status]}</Text>;
  const cls = badge === 'overdue' ? 'tag tag--danger' : badge === 'on_time' ? 'tag' : 'tag tag--warn';
  const extra = badge === 'overdue' && daysLeft !== null ? `${-daysLeft}个工作日` : badge === 'due_soon' && daysLeft !== null ? `剩${daysLeft}个工作日` : '';
  return (
    <Text className={cls}>
      {DEADLINE_BADGE_LABELS[badge]}
      {extra ? ` ${extra}` : ''}
    </Text>
  );
}
