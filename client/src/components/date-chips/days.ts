/**
 * The words of the date chips (issue 11: readable date choices instead of wheel pickers). Pure:
 * the caller passes the center's today, so nothing here reads the clock.
 */
import { addDays, dateLabel, dayLabel, weekday } from '@shared/domain/time';

const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'];

/** Monday of the week a date falls in (the center's weeks start on Monday). */
export const mondayOf = (date: string): string => addDays(date, -((weekday(date) + 6) % 7));

/**
 * How a person says a day: 昨天, 今天, 明天, 后天, 本周五, 下周一; further off, the date itself.
 * Other past days are written out.
 */
export function relativeDayName(today: string, date: string): string {
  const diff = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86400000);
  if (diff === 0) return '今天';
  if (diff === 1) return '明天';
  if (diff === 2) return '后天';
  if (diff === -1) return '昨天';
  if (diff > 0) {
    const weeks = Math.round((Date.parse(`${mondayOf(date)}T00:00:00Z`) - Date.parse(`${mondayOf(today)}T00:00:00Z`)) / (7 * 86400000));
    if (weeks === 0) return `本周${WEEKDAY_NAMES[weekday(date)]}`;
    if (weeks === 1) return `下周${WEEKDAY_NAMES[weekday(date)]}`;
  }
  return dayLabel(date);
}

export interface DayChip {
  date: string;
  /** The big word on the chip: 今天 / 明天 / 下周一 … */
  name: string;
  /** The date under it, short: '10月1日 周四'. */
  day: string;
  /** A mark in words (法定节假日, 周末休息 …), or null on an ordinary day. */
  mark: string | null;
  /** What a screen reader says: the full date, the name and the mark. */
  spoken: string;
}

/**
 * `count` chips from `from` (default today) on. `markOf` names a day's kind in words (from the
 * center's calendar when the page has it); weekends are marked 周末 when it gives nothing.
 */
export function dayChips(today: string, count: number, options: { from?: string; markOf?: (date: string) => string | null } = {}): DayChip[] {
  const start = options.from ?? today;
  const chips: DayChip[] = [];
  for (let i = 0; i < count; i += 1) {
    const date = addDays(start, i);
    const name = relativeDayName(today, date);
    const day = dayLabel(date);
    const mark = options.markOf ? options.markOf(date) : null;
    const spoken = `${dateLabel(date)}${name === day ? '' : `(${name})`}${mark ? `,${mark}` : ''}`;
    chips.push({ date, name, day: name === day ? '' : day, mark, spoken });
  }
  return chips;
}
