/**
 * A month as rows of weeks (Monday first), for the month grid (issue 11). Pure: dates are
 * 'YYYY-MM-DD' strings on the center's calendar; cells outside the month are null.
 */
import { addDays, dateLabel, weekday } from '@shared/domain/time';

export const WEEKDAY_HEADERS = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** 'YYYY-MM' of a date, and the month before/after it. */
export const monthOf = (date: string): string => date.slice(0, 7);
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const idx = (y ?? 0) * 12 + ((m ?? 1) - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** '2026年10月' */
export function monthTitle(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

/** The weeks of a month: each row has seven cells, Monday to Sunday; null outside the month. */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const first = `${month}-01`;
  const lead = (weekday(first) + 6) % 7;
  const weeks: Array<Array<string | null>> = [];
  let row: Array<string | null> = Array.from({ length: lead }, () => null);
  for (let d = first; d.startsWith(month); d = addDays(d, 1)) {
    row.push(d);
    if (row.length === 7) {
      weeks.push(row);
      row = [];
    }
  }
  if (row.length > 0) weeks.push([...row, ...Array.from({ length: 7 - row.length }, () => null)]);
  return weeks;
}

/** What a screen reader says for a day cell: the full date, its mark, 今天 and whether chosen. */
export function daySpoken(date: string, options: { today?: string; mark?: string | null } = {}): string {
  return `${dateLabel(date)}${date === options.today ? '(今天)' : ''}${options.mark ? `,${options.mark}` : ''}`;
}
