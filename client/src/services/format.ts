/** Display helpers shared by pages: labels come from shared/ so pages never re-word a rule. */
export { dateLabel } from '@shared/domain/time';
export { BOOKING_STATUS_LABELS, DOOR_REASON_LABELS, VISIT_STATUS_LABELS } from '@shared/domain/booking';
export { AUTH_METHOD_LABELS, AUTH_STATE_LABELS } from '@shared/domain/residents';

/** Today in Shanghai, as the center counts days. */
export const todayInShanghai = (): string => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
