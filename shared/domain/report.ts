/**
 * The month's picture (R-RATE-3): per window and per staff member, ratings and the satisfaction
 * rate (非常满意 + 满意 + 基本满意 over all ratings still in the figures: an upheld appeal takes a
 * rating out, R-RATE-2), bad reviews and how many were rectified, cases completed on time
 * (R-CASE-2, R-CASE-5) and substantiated complaints (R-CMP-6); the ranking, the honours the admin's
 * thresholds give — 红旗窗口 and 优秀窗口, the titles the center's rules have it publish ("红旗窗口和
 * 优秀窗口工作人员评比情况") — and the interview (约谈) for the window at the bottom two months
 * running. Pure: the use case loads the month's records once and hands over plain facts; every
 * figure here is one pass over them.
 */
import { z } from 'zod';
import { monthLabel, nextMonth } from './duty';
import { isBad, isSatisfied, type RatingLevel } from './ratings';
import { shanghaiDate, shanghaiInstant } from './time';

// ---- Months ----------------------------------------------------------------------------------

/** The month `n` months before 'YYYY-MM' (n may be 0). */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `month`, oldest first (the trend's axis). */
export const monthsEndingWith = (month: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => monthsBefore(month, count - 1 - i));

/** A Shanghai month as dates ('YYYY-MM-DD', both inclusive) and as instants (ISO, end exclusive). */
export function monthBounds(month: string): { firstDay: string; lastDay: string; fromInstant: string; toInstant: string } {
  const next = `${nextMonth(month)}-01`;
  const end = shanghaiInstant(next, '00:00');
  return {
    firstDay: `${month}-01`,
    lastDay: shanghaiDate(new Date(end.getTime() - 1)),
    fromInstant: shanghaiInstant(`${month}-01`, '00:00').toISOString(),
    toInstant: end.toISOString(),
  };
}

// ---- Facts (what the use case hands over) -------------------------------------------------------

/** A rating given in the month. `staffIds`: the handler and, when different, the first-ask person. */
export interface RatingFact {
  windowId: string;
  staffIds: readonly string[];
  level: RatingLevel;
  /** Appeal upheld: kept in the record, out of the figures (R-RATE-2). */
  excluded: boolean;
  /** A bad review whose rectification was closed by the head of the window. */
  rectified: boolean;
}

/** A case completed (办结) in the month, by whom, and whether by its deadline. */
export interface CaseFact {
  windowId: string;
  staffId: string;
  onTime: boolean;
}

/** A complaint found substantiated (经查属实) in the month, against a window and/or a person. */
export interface ComplaintFact {
  windowId?: string | undefined;
  staffId?: string | undefined;
}

export interface MonthFacts {
  ratings: readonly RatingFact[];
  cases: readonly CaseFact[];
  complaints: readonly ComplaintFact[];
}

/**
 * Whether a completed case met its time limit: finished on or before its deadline (Shanghai
 * date); a case done on the spot (即办, no deadline) is on time by definition.
 */
export const completedOnTime = (c: { deadline?: string | undefined; finishedAt: string }): boolean =>
  c.deadline === undefined || shanghaiDate(new Date(c.finishedAt)) <= c.deadline;

// ---- Figures --------------------------------------------------------------------------------

/** The counts of one window, one person or the whole center; rates derive from them. */
export interface Counts {
  /** Ratings in the figures (appeals upheld left out). */
  ratings: number;
  /** Ratings taken out by an upheld appeal: still in the record. */
  excluded: number;
  satisfied: number;
  bad: number;
  rectified: number;
  completed: number;
  onTime: number;
  substantiated: number;
}

export const emptyCounts = (): Counts => ({ ratings: 0, excluded: 0, satisfied: 0, bad: 0, rectified: 0, completed: 0, onTime: 0, substantiated: 0 });

export interface Rates {
  /** satisfied / ratings; null without ratings. */
  satisfactionRate: number | null;
  /** rectified / bad; null without bad reviews. */
  rectificationRate: number | null;
  /** onTime / completed; null without completed cases. */
  onTimeRate: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export const ratesOf = (c: Counts): Rates => ({
  satisfactionRate: ratio(c.satisfied, c.ratings),
  rectificationRate: ratio(c.rectified, c.bad),
  onTimeRate: ratio(c.onTime, c.completed),
});

/** '96.7%' (one decimal, as the center reports it), or '—' when there is nothing to divide. */
export function percentLabel(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export interface Tally {
  center: Counts;
  windows: Map<string, Counts>;
  staff: Map<string, Counts>;
}

/** One pass over the month's facts: the counts of the center, each window and each person. */
export function tally(facts: MonthFacts): Tally {
  const center = emptyCounts();
  const windows = new Map<string, Counts>();
  const staff = new Map<string, Counts>();
  const of = (map: Map<string, Counts>, id: string): Counts => {
    let c = map.get(id);
    if (!c) {
      c = emptyCounts();
      map.set(id, c);
    }
    return c;
  };
  for (const r of facts.ratings) {
    const targets = [center, of(windows, r.windowId), ...[...new Set(r.staffIds)].map((id) => of(staff, id))];
    for (const t of targets) {
      if (r.excluded) {
        t.excluded += 1;
        continue;
      }
      t.ratings += 1;
      if (isSatisfied(r.level)) t.satisfied += 1;
      if (isBad(r.level)) {
        t.bad += 1;
        if (r.rectified) t.rectified += 1;
      }
    }
  }
  for (const c of facts.cases) {
    for (const t of [center, of(windows, c.windowId), of(staff, c.staffId)]) {
      t.completed += 1;
      if (c.onTime) t.onTime += 1;
    }
  }
  for (const c of facts.complaints) {
    center.substantiated += 1;
    if (c.windowId) of(windows, c.windowId).substantiated += 1;
    if (c.staffId) of(staff, c.staffId).substantiated += 1;
  }
  return { center, windows, staff };
}

// ---- Thresholds (the admin's) -------------------------------------------------------------------

const percent = (label: string) =>
  z
    .number({ error: `请填写${label}(0到100之间的数)` })
    .min(0, `${label}不能小于0`)
    .max(100, `${label}不能大于100`);

export const thresholdsSchema = z
  .object({
    /** A window (or person) is ranked and may be honoured only with this many ratings in the month. */
    minRatings: z.number({ error: '请填写参与排名的最少评价数' }).int('最少评价数须为整数').min(1, '最少评价数至少为1').max(10_000, '最少评价数请不超过10000'),
    redFlagSatisfaction: percent('红旗窗口的满意率(%)'),
    redFlagOnTime: percent('红旗窗口的按期办结率(%)'),
    excellentSatisfaction: percent('优秀窗口的满意率(%)'),
    excellentOnTime: percent('优秀窗口的按期办结率(%)'),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.redFlagSatisfaction < t.excellentSatisfaction) {
      ctx.addIssue({ code: 'custom', path: ['redFlagSatisfaction'], message: '红旗窗口是最高荣誉,其满意率要求不能低于优秀窗口' });
    }
    if (t.redFlagOnTime < t.excellentOnTime) {
      ctx.addIssue({ code: 'custom', path: ['redFlagOnTime'], message: '红旗窗口是最高荣誉,其按期办结率要求不能低于优秀窗口' });
    }
  });
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** Until the admin sets them: the national scheme's habitual marks (好评率 ≥ 95%, no complaint upheld). */
export const DEFAULT_THRESHOLDS: Thresholds = {
  minRatings: 5,
  redFlagSatisfaction: 98,
  redFlagOnTime: 100,
  excellentSatisfaction: 95,
  excellentOnTime: 95,
};

// ---- Ranking, honours, interview -----------------------------------------------------------------

export const HONOURS = ['red_flag', 'excellent'] as const;
export type Honour = (typeof HONOURS)[number];
export const HONOUR_LABELS: Record<Honour, string> = { red_flag: '红旗窗口', excellent: '优秀窗口' };
export const INTERVIEW_LABEL = '约谈';
export const BOTTOM_LABEL = '排名末位';

/** part / whole ≥ pct %, in integers (no rounding at the threshold). A missing rate (nothing to divide) passes. */
const atLeast = (part: number, whole: number, pct: number): boolean => whole === 0 || part * 100 >= pct * whole;

/** Whether the counts have enough ratings to be ranked and honoured. */
export const isRanked = (c: Counts, t: Thresholds): boolean => c.ratings >= t.minRatings;

/**
 * The honour a window earns: ranked, no substantiated complaint in the month ("一次投诉, 查实通报"
 * rules out an honour), and the satisfaction and on-time rates at or above the admin's marks;
 * 红旗窗口 before 优秀窗口.
 */
export function honourOf(c: Counts, t: Thresholds): Honour | null {
  if (!isRanked(c, t) || c.substantiated > 0) return null;
  const meets = (sat: number, onTime: number) => atLeast(c.satisfied, c.ratings, sat) && atLeast(c.onTime, c.completed, onTime);
  if (meets(t.redFlagSatisfaction, t.redFlagOnTime)) return 'red_flag';
  if (meets(t.excellentSatisfaction, t.excellentOnTime)) return 'excellent';
  return null;
}

/** Compares a/b with c/d exactly (integers, no rounding), larger first; nothing to divide counts as 1. */
const fractionDesc = (a: number, b: number, c: number, d: number): number => {
  const [n1, d1] = b === 0 ? [1, 1] : [a, b];
  const [n2, d2] = d === 0 ? [1, 1] : [c, d];
  return n2 * d1 - n1 * d2;
};

/**
 * The ranking order: satisfaction rate (higher first), then the on-time rate (none completed
 * counts as all on time), then fewer substantiated complaints, fewer bad reviews, more ratings,
 * and last the name, so the order is always the same.
 */
export function compareRanked(a: { counts: Counts; name: string }, b: { counts: Counts; name: string }): number {
  const x = a.counts;
  const y = b.counts;
  return (
    fractionDesc(x.satisfied, x.ratings, y.satisfied, y.ratings) ||
    fractionDesc(x.onTime, x.completed, y.onTime, y.completed) ||
    x.substantiated - y.substantiated ||
    x.bad - y.bad ||
    y.ratings - x.ratings ||
    a.name.localeCompare(b.name, 'zh-Hans-CN')
  );
}

export interface Ranked<T> {
  item: T;
  /** 1 = first; null when not ranked (too few ratings). */
  rank: number | null;
}

/** Ranks the entries with enough ratings; the others keep their order after them, unranked. */
export function rank<T extends { counts: Counts; name: string }>(entries: readonly T[], t: Thresholds): Array<Ranked<T>> {
  const ranked = entries.filter((e) => isRanked(e.counts, t)).sort(compareRanked);
  const rest = entries.filter((e) => !isRanked(e.counts, t));
  return [...ranked.map((item, i) => ({ item, rank: i + 1 })), ...rest.map((item) => ({ item, rank: null }))];
}

/** The window at the bottom of a month's ranking: only when at least two windows were ranked. */
export function bottomOf<T extends { id: string; counts: Counts; name: string }>(entries: readonly T[], t: Thresholds): string | null {
  const ranked = rank(entries, t).filter((r) => r.rank !== null);
  if (ranked.length < 2) return null;
  return ranked[ranked.length - 1]?.item.id ?? null;
}

export interface UnitRow {
  id: string;
  name: string;
  counts: Counts;
  rates: Rates;
  rank: number | null;
}

export interface WindowRow extends UnitRow {
  honour: Honour | null;
  bottom: boolean;
  /** At the bottom this month and the month before: the office talks with the window (约谈). */
  interview: boolean;
}

export interface MonthPicture {
  center: Counts & Rates;
  windows: WindowRow[];
  staff: UnitRow[];
}

/**
 * The month's picture from this month's facts and the previous month's (for 约谈), the windows
 * and the staff to show (every window and person of the center, also those without figures).
 */
export function monthPicture(
  facts: MonthFacts,
  previous: MonthFacts,
  windows: ReadonlyArray<{ id: string; name: string }>,
  staff: ReadonlyArray<{ id: string; name: string }>,
  t: Thresholds,
): MonthPicture {
  const now = tally(facts);
  const before = tally(previous);
  const entries = (list: ReadonlyArray<{ id: string; name: string }>, map: Map<string, Counts>) =>
    list.map((u) => ({ id: u.id, name: u.name, counts: map.get(u.id) ?? emptyCounts() }));
  const windowEntries = entries(windows, now.windows);
  const bottomNow = bottomOf(windowEntries, t);
  const bottomBefore = bottomOf(entries(windows, before.windows), t);
  return {
    center: { ...now.center, ...ratesOf(now.center) },
    windows: rank(windowEntries, t).map(({ item, rank: r }) => ({
      ...item,
      rates: ratesOf(item.counts),
      rank: r,
      honour: honourOf(item.counts, t),
      bottom: item.id === bottomNow,
      interview: item.id === bottomNow && item.id === bottomBefore,
    })),
    staff: rank(entries(staff, now.staff), t).map(({ item, rank: r }) => ({ ...item, rates: ratesOf(item.counts), rank: r })),
  };
}

/** The words a window's row carries (never colour alone): 红旗窗口 / 优秀窗口 / 排名末位 / 约谈. */
export function windowMarks(w: Pick<WindowRow, 'honour' | 'bottom' | 'interview'>): string[] {
  return [
    ...(w.honour ? [HONOUR_LABELS[w.honour]] : []),
    ...(w.bottom ? [BOTTOM_LABEL] : []),
    ...(w.interview ? [`${INTERVIEW_LABEL}(连续两个月排名末位)`] : []),
  ];
}

export { monthLabel };
