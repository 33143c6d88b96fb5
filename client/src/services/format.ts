/** Display helpers shared by pages: labels come from shared/ so pages never re-word a rule. */
import type { NoticeKind } from '@shared/domain/notices';
import { dateLabel, shanghaiDate, shanghaiTime } from '@shared/domain/time';
export { dateLabel };
export { BOOKING_STATUS_LABELS, DOOR_REASON_LABELS, VISIT_STATUS_LABELS } from '@shared/domain/booking';
export { AUTH_METHOD_LABELS, AUTH_STATE_LABELS } from '@shared/domain/residents';

/** The center's day of an instant (stored as UTC ISO text), written out: '2026年10月8日 周四'. */
export const instantDay = (iso: string): string => dateLabel(shanghaiDate(new Date(iso)));
/** When, in words: '2026年10月8日 周四 07:30' (Asia/Shanghai). */
export const instantLabel = (iso: string): string => `${instantDay(iso)} ${shanghaiTime(new Date(iso))}`;


/** The kinds of notice as the office reads them (push status). */
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  booking: '预约',
  case: '办理进度',
  deadline: '办件到期',
  authorization: '代办授权',
  visit: '上门服务',
  complaint: '投诉',
  petition: '信访',
};
