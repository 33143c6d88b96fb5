/**
 * Dates and times of the center, always Asia/Shanghai (UTC+8, no daylight saving). Dates are
 * 'YYYY-MM-DD' strings and times 'HH:MM' strings; arithmetic never depends on the process's TZ.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isIsoDate = (s: string): boolean => {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
};

/** The Shanghai calendar date of an instant. */
export const shanghaiDate = (at: Date): string => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** The Shanghai wall-clock time of an instant, 'HH:MM'. */
export const shanghaiTime = (at: Date): string => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);

/** The instant at which a Shanghai date and time begin. */
export const shanghaiInstant = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`);

export function addDays(date: string, n: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return new Date(t + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of the calendar date itself. */
export const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export const minutesOf = (time: string): number => {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export const timeOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** '2026年3月2日 周一', as the center writes dates in notices, deadlines and messages. */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日 ${WEEKDAY_LABELS[weekday(date)]}`;
}

/** '3月2日 周一': the short form, for a row of the coming days where the year is plain. */
export function dayLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 ${WEEKDAY_LABELS[weekday(date)]}`;
}

/** '2026年3月2日': a date on a signed document. */
export function documentDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
