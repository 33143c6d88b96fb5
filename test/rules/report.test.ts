/**
 * The month's picture (R-RATE-3), table-driven: months and their Shanghai bounds, the one-pass
 * tally (satisfaction over ratings still in the figures, R-RATE-2's upheld appeals left out),
 * the ranking, 红旗/优秀 by the admin's thresholds, 约谈 for the bottom window two months running;
 * and the CSV writer (BOM, RFC 4180 quoting, no formula injection).
 */
import { CSV_BOM, csvField, toCsv } from '../../shared/domain/csv';
import {
  completedOnTime,
  DEFAULT_THRESHOLDS,
  emptyCounts,
  honourOf,
  monthBounds,
  monthPicture,
  monthsBefore,
  monthsEndingWith,
  percentLabel,
  ratesOf,
  tally,
  thresholdsSchema,
  windowMarks,
  type CaseFact,
  type Counts,
  type MonthFacts,
  type RatingFact,
  type Thresholds,
} from '../../shared/domain/report';
import type { RatingLevel } from '../../shared/domain/ratings';

describe('months', () => {
  test.each([
    ['2026-03', 0, '2026-03'],
    ['2026-03', 2, '2026-01'],
    ['2026-03', 3, '2025-12'],
    ['2026-01', 13, '2024-12'],
  ])('%s minus %d months is %s', (month, n, want) => {
    expect(monthsBefore(month, n)).toBe(want);
  });

  test('the trend axis: the 12 months ending with the month, oldest first', () => {
    const axis = monthsEndingWith('2026-11', 12);
    expect(axis).toHaveLength(12);
    expect([axis[0], axis[11]]).toEqual(['2025-12', '2026-11']);
  });

  test.each([
    // A Shanghai month starts at 00:00 +08:00, i.e. 16:00 UTC the day before.
    ['2026-02', '2026-02-01', '2026-02-28', '2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
    ['2026-12', '2026-12-01', '2026-12-31', '2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2028-02', '2028-02-01', '2028-02-29', '2028-01-31T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
  ])('%s runs %s..%s, instants [%s, %s)', (month, first, last, from, to) => {
    expect(monthBounds(month)).toEqual({ firstDay: first, lastDay: last, fromInstant: from, toInstant: to });
  });

  test.each([
    // Finished on the deadline day (Shanghai) is on time, also late in the evening.
    [{ deadline: '2026-03-10', finishedAt: '2026-03-10T14:30:00.000Z' }, true], // 22:30 in Shanghai on the 10th
    [{ deadline: '2026-03-10', finishedAt: '2026-03-10T16:30:00.000Z' }, false], // 00:30 on the 11th
    [{ deadline: '2026-03-10', finishedAt: '2026-03-09T02:00:00.000Z' }, true],
    [{ finishedAt: '2026-03-10T02:00:00.000Z' }, true], // 即办: done on the spot, no deadline
  ])('completed on time: %j → %s', (c, want) => {
    expect(completedOnTime(c)).toBe(want);
  });
});

const rating = (windowId: string, staffIds: string[], level: RatingLevel, extra: Partial<RatingFact> = {}): RatingFact => ({ windowId, staffIds, level, excluded: false, rectified: false, ...extra });
const done = (windowId: string, staffId: string, onTime: boolean): CaseFact => ({ windowId, staffId, onTime });
const counts = (c: Partial<Counts>): Counts => ({ ...emptyCounts(), ...c });

describe('the tally: one pass, center, windows and staff', () => {
  const facts: MonthFacts = {
    ratings: [
      rating('W1', ['A'], 'very_satisfied'),
      rating('W1', ['A', 'B'], 'basically_satisfied'), // handler A, first-ask B: counts for both, once for the window
      rating('W1', ['A'], 'unsatisfied', { rectified: true }),
      rating('W1', ['A'], 'very_unsatisfied', { excluded: true }), // appeal upheld: out of the figures
      rating('W2', ['C', 'C'], 'very_unsatisfied'), // the same person twice counts once
    ],
    cases: [done('W1', 'A', true), done('W1', 'A', false), done('W2', 'C', true)],
    complaints: [{ windowId: 'W2', staffId: 'C' }, { windowId: 'W2' }, {}],
  };
  const t = tally(facts);

  test.each([
    ['center', t.center, counts({ ratings: 4, excluded: 1, satisfied: 2, bad: 2, rectified: 1, completed: 3, onTime: 2, substantiated: 3 })],
    ['W1', t.windows.get('W1'), counts({ ratings: 3, excluded: 1, satisfied: 2, bad: 1, rectified: 1, completed: 2, onTime: 1 })],
    ['W2', t.windows.get('W2'), counts({ ratings: 1, satisfied: 0, bad: 1, completed: 1, onTime: 1, substantiated: 2 })],
    ['A', t.staff.get('A'), counts({ ratings: 3, excluded: 1, satisfied: 2, bad: 1, rectified: 1, completed: 2, onTime: 1 })],
    ['B', t.staff.get('B'), counts({ ratings: 1, satisfied: 1 })],
    ['C', t.staff.get('C'), counts({ ratings: 1, bad: 1, completed: 1, onTime: 1, substantiated: 1 })],
  ])('%s', (_name, got, want) => {
    expect(got).toEqual(want);
  });

  test('rates: W1 satisfied 2 of 3, rectified 1 of 1, on time 1 of 2; nothing to divide is null', () => {
    expect(ratesOf(t.windows.get('W1')!)).toEqual({ satisfactionRate: 2 / 3, rectificationRate: 1, onTimeRate: 0.5 });
    expect(ratesOf(emptyCounts())).toEqual({ satisfactionRate: null, rectificationRate: null, onTimeRate: null });
  });

  test.each([
    [2 / 3, '66.7%'],
    [1, '100.0%'],
    [0.955, '95.5%'],
    [0, '0.0%'],
    [null, '—'],
  ])('percent label of %s is %s', (rate, label) => {
    expect(percentLabel(rate)).toBe(label);
  });
});

describe('honours by the thresholds (红旗窗口 before 优秀窗口)', () => {
  const t: Thresholds = { minRatings: 5, redFlagSatisfaction: 98, redFlagOnTime: 100, excellentSatisfaction: 95, excellentOnTime: 95 };
  test.each<[string, Partial<Counts>, string | null]>([
    ['50/50 satisfied, 20/20 on time', { ratings: 50, satisfied: 50, completed: 20, onTime: 20 }, 'red_flag'],
    ['49/50 = 98% exactly is enough', { ratings: 50, satisfied: 49, completed: 20, onTime: 20 }, 'red_flag'],
    ['48/50 = 96%: excellent', { ratings: 50, satisfied: 48, completed: 20, onTime: 20 }, 'excellent'],
    ['49/50 but 19/20 on time = 95%: excellent', { ratings: 50, satisfied: 49, completed: 20, onTime: 19 }, 'excellent'],
    ['47/50 = 94%: nothing', { ratings: 50, satisfied: 47, completed: 20, onTime: 20 }, null],
    ['all satisfied but one substantiated complaint: nothing', { ratings: 50, satisfied: 50, completed: 20, onTime: 20, substantiated: 1 }, null],
    ['4 ratings: too few to be honoured', { ratings: 4, satisfied: 4, completed: 4, onTime: 4 }, null],
    ['no completed case is no late case', { ratings: 5, satisfied: 5 }, 'red_flag'],
  ])('%s → %s', (_name, c, want) => {
    expect(honourOf(counts(c), t)).toBe(want);
  });

  test('the admin cannot set 红旗 below 优秀, nor a rate above 100', () => {
    const bad = thresholdsSchema.safeParse({ ...DEFAULT_THRESHOLDS, redFlagSatisfaction: 90 });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual(['redFlagSatisfaction']);
    expect(thresholdsSchema.safeParse({ ...DEFAULT_THRESHOLDS, excellentOnTime: 101 }).success).toBe(false);
    expect(thresholdsSchema.safeParse(DEFAULT_THRESHOLDS).success).toBe(true);
  });
});

describe('ranking and 约谈 (the bottom window two months running)', () => {
  const windows = [
    { id: 'W1', name: '民政窗口' },
    { id: 'W2', name: '人社窗口' },
    { id: 'W3', name: '卫健窗口' },
    { id: 'W4', name: '残联窗口' },
  ];
  const t: Thresholds = { ...DEFAULT_THRESHOLDS, minRatings: 2 };
  const many = (windowId: string, good: number, bad: number): RatingFact[] => [
    ...Array.from({ length: good }, () => rating(windowId, ['x'], 'satisfied')),
    ...Array.from({ length: bad }, () => rating(windowId, ['x'], 'unsatisfied')),
  ];
  // This month: W1 3/3, W2 2/3, W3 1/3 (bottom), W4 one rating only (not ranked).
  const now: MonthFacts = { ratings: [...many('W1', 3, 0), ...many('W2', 2, 1), ...many('W3', 1, 2), ...many('W4', 0, 1)], cases: [], complaints: [] };
  const order = (p: ReturnType<typeof monthPicture>) => p.windows.map((w) => `${w.id}:${w.rank ?? '-'}`);

  test('ranked by satisfaction; the window with too few ratings is listed unranked, never at the bottom', () => {
    const p = monthPicture(now, { ratings: [], cases: [], complaints: [] }, windows, [], t);
    expect(order(p)).toEqual(['W1:1', 'W2:2', 'W3:3', 'W4:-']);
    expect(p.windows.filter((w) => w.bottom).map((w) => w.id)).toEqual(['W3']);
    expect(p.windows.some((w) => w.interview)).toBe(false);
  });

  test('bottom last month too → 约谈; bottom last month but not now → nothing', () => {
    const lastMonthW3Bottom: MonthFacts = { ratings: [...many('W1', 2, 0), ...many('W3', 0, 2)], cases: [], complaints: [] };
    const p = monthPicture(now, lastMonthW3Bottom, windows, [], t);
    expect(p.windows.filter((w) => w.interview).map((w) => w.id)).toEqual(['W3']);
    expect(windowMarks(p.windows.find((w) => w.id === 'W3')!)).toEqual(['排名末位', '约谈(连续两个月排名末位)']);

    const lastMonthW1Bottom: MonthFacts = { ratings: [...many('W1', 0, 2), ...many('W3', 2, 0)], cases: [], complaints: [] };
    expect(monthPicture(now, lastMonthW1Bottom, windows, [], t).windows.some((w) => w.interview)).toBe(false);
  });

  test('only one window ranked: no bottom, no 约谈', () => {
    const one: MonthFacts = { ratings: many('W1', 1, 2), cases: [], complaints: [] };
    const p = monthPicture(one, one, windows, [], t);
    expect(p.windows.some((w) => w.bottom || w.interview)).toBe(false);
  });

  test('ties on satisfaction: the on-time rate, then fewer substantiated complaints decide', () => {
    const tie: MonthFacts = {
      ratings: [...many('W1', 2, 0), ...many('W2', 2, 0), ...many('W3', 2, 0)],
      cases: [done('W1', 'x', true), done('W1', 'x', false), done('W2', 'x', true), done('W3', 'x', true)],
      complaints: [{ windowId: 'W2' }],
    };
    // W2 and W3 all on time (1/1) ahead of W1 (1/2); W3 without a complaint ahead of W2.
    expect(order(monthPicture(tie, tie, windows.slice(0, 3), [], t))).toEqual(['W3:1', 'W2:2', 'W1:3']);
  });
});

describe('CSV (Excel opens UTF-8 Chinese with the BOM; RFC 4180 quoting)', () => {
  test.each<[string | number | boolean | null | undefined, string]>([
    ['王秀英', '王秀英'],
    ['a,b', '"a,b"'],
    ['他说"不行"', '"他说""不行"""'],
    ['第一行\n第二行', '"第一行\n第二行"'],
    ['CR\r\nLF', '"CR\r\nLF"'],
    [' 前后空格 ', '" 前后空格 "'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-1+1', "'-1+1"],
    [42, '42'],
    [0.5, '0.5'],
    [true, '是'],
    [null, ''],
    [undefined, ''],
  ])('%j → %s', (v, want) => {
    expect(csvField(v)).toBe(want);
  });

  test('a file: BOM, header, CRLF after every row', () => {
    expect(toCsv(['编号', '说明'], [['A1', '有,逗号'], ['A2', '']])).toBe(`${CSV_BOM}编号,说明\r\nA1,"有,逗号"\r\nA2,\r\n`);
    expect(toCsv(['编号'], []).charCodeAt(0)).toBe(0xfeff);
  });
});
