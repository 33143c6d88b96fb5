/**
 * Cases under promised time limits (R-CASE-1..7): reception outcomes, the one supplement
 * notice, deadlines on the working-day calendar, and which reminder is due when. Pure rules.
 */
import { z } from 'zod';
import type { WorkCalendar } from './calendar';

export const CASE_STATUSES = ['received', 'supplement', 'accepted', 'forwarded', 'done', 'rejected'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  received: '已接待,待受理',
  supplement: '待补正材料',
  accepted: '已受理,办理中',
  forwarded: '已转报上级部门',
  done: '已办结',
  rejected: '不予受理',
};

/** Statuses in which a case still runs against a time limit or awaits an outcome. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'supplement', 'accepted', 'forwarded'];
export const isOpen = (s: CaseStatus): boolean => OPEN_STATUSES.includes(s);

export const REMINDER_STAGES = ['due_soon', 'due_today', 'overdue'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];
export const REMINDER_STAGE_LABELS: Record<ReminderStage, string> = {
  due_soon: '即将到期提醒',
  due_today: '今日到期提醒',
  overdue: '超期督办',
};

export const caseSchema = z.object({
  id: z.string(),
  number: z.string(),
  centerId: z.string(),
  windowId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  /** The villager's own user, when they came themselves (or a resident on WeChat). */
  applicantUserId: z.string().optional(),
  residentId: z.string().optional(),
  agentId: z.string().optional(),
  bookingId: z.string().optional(),
  /** 首问责任人 (R-CASE-1): the staff member who received the visitor, for the whole life of the case. */
  firstAskId: z.string(),
  firstAskName: z.string(),
  /** The post (A/B) that handles the case and its A: reminders go to B while A is away (R-CASE-6). */
  postId: z.string().optional(),
  handlerId: z.string(),
  handlerName: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** One supplement notice at most (R-CASE-3). */
  supplementIssuedAt: z.string().optional(),
  missingMaterials: z.array(z.string()).optional(),
  acceptedOn: z.string().optional(),
  /** Acceptance date + promised working days (R-CASE-2); for 转报件 the committed date. */
  deadline: z.string().optional(),
  forwardedTo: z.string().optional(),
  rejectReasons: z.array(z.string()).optional(),
  result: z.string().optional(),
  finishedAt: z.string().optional(),
  /** The next date the deadline sweep must look at this case; absent when nothing more is due. */
  nextReminderOn: z.string().optional(),
  /** Reminder stages already sent for the current deadline (each once, R-CASE-5). */
  remindersSent: z.array(z.enum(REMINDER_STAGES)),
});
export type Case = z.infer<typeof caseSchema>;

/** How many working days before the deadline staff are first reminded (R-CASE-5). */
export const DUE_SOON_WORKING_DAYS = 2;

/** The working day `n` working days before `date` (date itself for n = 0). */
export function workingDaysBefore(cal: WorkCalendar, date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = shiftDay(d, -1);
    if (cal.isWorkingDay(d)) left -= 1;
  }
  return d;
}

const shiftDay = (date: string, by: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);

/** The date each reminder stage of a deadline falls on. Overdue: the first working day after it. */
export function reminderDates(cal: WorkCalendar, deadline: string): Record<ReminderStage, string> {
  return {
    due_soon: workingDaysBefore(cal, deadline, DUE_SOON_WORKING_DAYS),
    due_today: deadline,
    overdue: cal.addWorkingDays(deadline, 1),
  };
}

/**
 * The stages due on `today` that have not been sent yet, in order; a sweep that missed days
 * (a holiday, an outage) catches up, but never reminds "due soon" once the day has come.
 */
export function dueStages(cal: WorkCalendar, deadline: string, today: string, sent: readonly ReminderStage[]): ReminderStage[] {
  const dates = reminderDates(cal, deadline);
  const due = REMINDER_STAGES.filter((s) => dates[s] <= today && !sent.includes(s));
  if (due.includes('overdue')) return due.filter((s) => s === 'overdue');
  if (due.includes('due_today')) return due.filter((s) => s === 'due_today');
  return due;
}

/** The next date the sweep should look at a deadline, after `today`; null when none is left. */
export function nextReminderDate(cal: WorkCalendar, deadline: string, today: string): string | null {
  const dates = reminderDates(cal, deadline);
  const next = REMINDER_STAGES.map((s) => dates[s]).filter((d) => d > today).sort()[0];
  return next ?? null;
}

/** Working days left until the deadline (negative when overdue), for the staff's badges. */
export function workingDaysLeft(cal: WorkCalendar, deadline: string, today: string): number {
  if (today === deadline) return 0;
  let n = 0;
  if (today < deadline) {
    for (let d = today; d < deadline; d = shiftDay(d, 1)) if (cal.isWorkingDay(shiftDay(d, 1))) n += 1;
    return n;
  }
  for (let d = deadline; d < today; d = shiftDay(d, 1)) if (cal.isWorkingDay(shiftDay(d, 1))) n -= 1;
  return n;
}

export type DeadlineBadge = 'overdue' | 'due_today' | 'due_soon' | 'on_time';
export function deadlineBadge(cal: WorkCalendar, deadline: string, today: string): DeadlineBadge {
  const left = workingDaysLeft(cal, deadline, today);
  if (today > deadline) return 'overdue';
  if (left === 0) return 'due_today';
  if (left <= DUE_SOON_WORKING_DAYS) return 'due_soon';
  return 'on_time';
}
export const DEADLINE_BADGE_LABELS: Record<DeadlineBadge, string> = {
  overdue: '已超期',
  due_today: '今日到期',
  due_soon: '即将到期',
  on_time: '办理中',
};

/**
 * The supplement notice must list every missing material, checked against the item's own list
 * (R-CASE-3): names not on the list, or an empty list, are refused.
 */
export function supplementProblem(itemMaterials: readonly string[], missing: readonly string[]): string | null {
  if (missing.length === 0) return '请勾选群众缺少的全部材料;材料齐全的,请直接受理。';
  const unknown = missing.filter((m) => !itemMaterials.includes(m));
  if (unknown.length > 0) return `“${unknown.join('、')}”不在本事项的材料清单中,补正通知只能列清单内的材料。`;
  return null;
}

export const LEAVE_KINDS = ['leave', 'training', 'trip'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];
export const LEAVE_KIND_LABELS: Record<LeaveKind, string> = { leave: '请假', training: '培训', trip: '出差' };

export interface LeavePeriod {
  userId: string;
  from: string;
  to: string;
}

export const isAway = (userId: string, date: string, leaves: readonly LeavePeriod[]): boolean =>
  leaves.some((l) => l.userId === userId && l.from <= date && date <= l.to);

/**
 * Who acts for a case's handler on a date (R-CASE-6): the handler, or while they are away the
 * other member of their A/B post; null when both are away.
 */
export function actingHandler(handlerId: string, post: { aId: string; bId: string }, date: string, leaves: readonly LeavePeriod[]): string | null {
  if (!isAway(handlerId, date, leaves)) return handlerId;
  const other = handlerId === post.aId ? post.bId : post.aId;
  return isAway(other, date, leaves) ? null : other;
}
