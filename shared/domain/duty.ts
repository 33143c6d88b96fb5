/**
 * Leaders on duty (领导带班值班, R-DUTY-1..2): a month's roster names one or more leaders for
 * every working day of the center's calendar; publishing refuses gaps and non-leaders and names
 * the days. Pure: the caller passes the calendar and the center's people it loaded.
 */
import { z } from 'zod';
import type { WorkCalendar } from './calendar';
import type { Role } from './roles';
import { addDays, dayLabel, isIsoDate } from './time';

/** 'YYYY-MM'. */
export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
export const monthOf = (date: string): string => date.slice(0, 7);

/** '2026年3月'. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every date of the month, in order. */
export function monthDates(month: string): string[] {
  const out: string[] = [];
  for (let d = `${month}-01`; monthOf(d) === month; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The working days of the month on the center's calendar: the days a roster must cover. */
export const monthWorkingDays = (month: string, cal: WorkCalendar): string[] => monthDates(month).filter((d) => cal.isWorkingDay(d));

export const rosterEntrySchema = z.object({ date: z.string(), leaderIds: z.array(z.string()) });
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const ROSTER_STATUSES = ['draft', 'published'] as const;
export const ROSTER_STATUS_LABELS: Record<(typeof ROSTER_STATUSES)[number], string> = { draft: '草稿(未公示)', published: '已公示' };

/**
 * A center's roster of one month; id `roster:<centerId>:<month>`. `entries` is the latest
 * version the admin saved; while status is 'draft' after an earlier publication, the public
 * still sees the last published days (the `duty` documents) until the admin publishes again.
 */
export const rosterSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  month: z.string(),
  status: z.enum(ROSTER_STATUSES),
  entries: z.array(rosterEntrySchema),
  updatedAt: z.string(),
  updatedBy: z.string(),
  publishedAt: z.string().optional(),
  publishedBy: z.string().optional(),
});
export type Roster = z.infer<typeof rosterSchema>;

export const rosterId = (centerId: string, month: string): string => `roster:${centerId}:${month}`;
export const dutyId = (centerId: string, date: string): string => `duty:${centerId}:${date}`;

/** One reception by the leader on duty (带班值班接访记录); the visitor may stay unnamed. */
export const receptionSchema = z.object({ at: z.string(), visitorName: z.string().optional(), matter: z.string(), outcome: z.string() });
export type Reception = z.infer<typeof receptionSchema>;

/** A leader's record of one duty day; id `dutyrec:<centerId>:<date>:<leaderId>`. */
export const dutyRecordSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  month: z.string(),
  date: z.string(),
  leaderId: z.string(),
  presentAt: z.string(),
  receptions: z.array(receptionSchema),
});
export type DutyRecord = z.infer<typeof dutyRecordSchema>;
export const dutyRecordId = (centerId: string, date: string, leaderId: string): string => `dutyrec:${centerId}:${date}:${leaderId}`;

/**
 * The leaders of a published day. Documents written before several leaders per day were
 * allowed carry one `leaderId`; they are read as a list of one.
 */
export function dutyLeaderIds(duty: { leaderIds?: readonly string[]; leaderId?: string }): string[] {
  if (duty.leaderIds) return [...duty.leaderIds];
  return duty.leaderId ? [duty.leaderId] : [];
}

export type RosterProblemKind = 'gap' | 'not_leader' | 'unknown_person' | 'not_working_day' | 'outside_month' | 'bad_date' | 'duplicate_date' | 'duplicate_leader';

export interface RosterProblem {
  kind: RosterProblemKind;
  date: string;
  /** The field as the error details name it: `entries.<date>`. */
  field: string;
  message: string;
}

export interface RosterPerson {
  id: string;
  name: string;
  role: Role;
}

/**
 * What stands between a roster and its publication (R-DUTY-1), in date order: working days
 * without a leader, people who are not leaders of the center, days that are not working days
 * or not in the month, and repeated days or leaders. `people` are the center's users; only
 * those with the role 'leader' may be on duty. An empty list means the roster may be published.
 */
export function rosterProblems(month: string, entries: readonly RosterEntry[], cal: WorkCalendar, people: readonly RosterPerson[]): RosterProblem[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const out: RosterProblem[] = [];
  const add = (kind: RosterProblemKind, date: string, message: string) => out.push({ kind, date, field: `entries.${date}`, message });
  const covered = new Set<string>();
  const seen = new Set<string>();
  for (const e of entries) {
    if (!isIsoDate(e.date)) {
      add('bad_date', e.date, `日期“${e.date}”格式不正确,请按 年-月-日 重新选择。`);
      continue;
    }
    const day = dayLabel(e.date);
    if (monthOf(e.date) !== month) {
      add('outside_month', e.date, `${day}不在${monthLabel(month)},请只安排本月的日子。`);
      continue;
    }
    if (seen.has(e.date)) {
      add('duplicate_date', e.date, `${day}排了两次,请合并为一条后再保存。`);
      continue;
    }
    seen.add(e.date);
    if (!cal.isWorkingDay(e.date)) {
      if (e.leaderIds.length > 0) add('not_working_day', e.date, `${day}是休息日(${cal.closedReason(e.date) ?? '不办公'}),不需要安排带班,请取消这一天的安排。`);
      continue;
    }
    const ids = new Set<string>();
    for (const id of e.leaderIds) {
      if (ids.has(id)) {
        add('duplicate_leader', e.date, `${day}同一位领导选了两次,请只保留一次。`);
        continue;
      }
      ids.add(id);
      const p = byId.get(id);
      if (!p) add('unknown_person', e.date, `${day}安排的人员不在本中心名单中,请改选本中心的带班领导。`);
      else if (p.role !== 'leader') add('not_leader', e.date, `${day}安排的${p.name}不是本中心的带班领导,请改选一位领导。`);
    }
    if (ids.size > 0) covered.add(e.date);
  }
  for (const d of monthWorkingDays(month, cal)) {
    if (!covered.has(d)) add('gap', d, `${dayLabel(d)}是工作日,还没有安排带班领导,请至少选择一位领导。`);
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A draft may leave days open; everything else must be right before it is saved. */
export const draftProblems = (problems: readonly RosterProblem[]): RosterProblem[] => problems.filter((p) => p.kind !== 'gap');

/** The refusal's message: what is wrong, on which days, and what to do next (R-UX-1). */
export function rosterRefusal(problems: readonly RosterProblem[], publishing: boolean): string {
  const days = (kind: RosterProblemKind[]) => [...new Set(problems.filter((p) => kind.includes(p.kind)).map((p) => dayLabel(p.date).split(' ')[0]))];
  const parts: string[] = [];
  const gaps = days(['gap']);
  if (gaps.length) parts.push(`${gaps.join('、')}还没有安排带班领导`);
  const wrong = days(['not_leader', 'unknown_person']);
  if (wrong.length) parts.push(`${wrong.join('、')}安排了不是本中心带班领导的人员`);
  const other = days(['not_working_day', 'outside_month', 'bad_date', 'duplicate_date', 'duplicate_leader']);
  if (other.length) parts.push(`${other.join('、')}的安排需要修改`);
  const what = publishing ? '排班表暂不能公示' : '排班表暂不能保存';
  return `对不起,${what}:${parts.join(';')}。请按标出的日期修改后再${publishing ? '发布' : '保存'},谢谢。`;
}
