/**
 * The working-day calendar (R-BOOK-1): the official PRC holidays and adjusted working weekends
 * (调休), with chinese-days' data as the default, plus what the center's admin enters: the
 * official schedule of a year the library does not know yet (published each winter), and the
 * center's own closure days. Pure: the caller passes the entries it loaded.
 */
import { addDays, weekday } from './time';

export const CALENDAR_KINDS = ['holiday', 'workday', 'closure'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];
export const CALENDAR_KIND_LABELS: Record<CalendarKind, string> = {
  holiday: '法定节假日(放假)',
  workday: '调休上班日',
  closure: '中心闭馆日',
};

export interface CalendarEntry {
  date: string;
  kind: CalendarKind;
  note: string;
}

/** The official schedule as published: holidays (days off) and adjusted working days. */
export interface OfficialSchedule {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
  /**
   * The days off by law of the years whose arrangement is not published yet (statutory-holidays.ts):
   * days off, but the year stays unknown (`yearKnown`) until the admin enters its arrangement.
   */
  provisional?: Readonly<Record<string, string>>;
}

export class WorkCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  private readonly closures = new Set<string>();
  private readonly years = new Set<number>();

  constructor(official: OfficialSchedule, entries: readonly CalendarEntry[] = []) {
    for (const d of Object.keys(official.holidays)) {
      this.holidays.add(d);
      this.years.add(Number(d.slice(0, 4)));
    }
    for (const d of Object.keys(official.workdays)) this.workdays.add(d);
    for (const d of Object.keys(official.provisional ?? {})) this.holidays.add(d);
    // An admin's entry for a date overrides the library's (a corrected or newly published year).
    for (const e of entries) {
      if (e.kind === 'closure') {
        this.closures.add(e.date);
        continue;
      }
      this.holidays.delete(e.date);
      this.workdays.delete(e.date);
      (e.kind === 'holiday' ? this.holidays : this.workdays).add(e.date);
      if (e.kind === 'holiday') this.years.add(Number(e.date.slice(0, 4)));
    }
  }

  /** Whether the official holidays of that year are known (from the library or the admin). */
  yearKnown(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: string): boolean {
    if (this.closures.has(date) || this.holidays.has(date)) return false;
    if (this.workdays.has(date)) return true;
    const wd = weekday(date);
    return wd !== 0 && wd !== 6;
  }

  /** Why a date is not a working day, for the villager; null when it is one. */
  closedReason(date: string): string | null {
    if (this.closures.has(date)) return '中心闭馆';
    if (this.holidays.has(date)) return '法定节假日';
    return this.isWorkingDay(date) ? null : '周末休息';
  }

  /**
   * The date n working days after `date` (n ≥ 1), or `date` itself for n = 0: the deadline of
   * an item accepted on `date` with a promise of n working days (R-CASE-2).
   */
  addWorkingDays(date: string, n: number): string {
    let d = date;
    let left = n;
    while (left > 0) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left -= 1;
    }
    return d;
  }

  /** The first `count` working days from `from` on, `from` included when it is one. */
  nextWorkingDays(from: string, count: number): string[] {
    const out: string[] = [];
    // A bound no real calendar reaches (the longest official break is 9 days).
    for (let d = from, guard = 0; out.length < count && guard < 366; d = addDays(d, 1), guard += 1) {
      if (this.isWorkingDay(d)) out.push(d);
    }
    return out;
  }
}
