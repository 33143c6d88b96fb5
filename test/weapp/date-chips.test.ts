/**
 * The readable date choices that replace the wheel pickers (issue 11): the chips' words across a
 * month end and a holiday, and the month grid's weeks. Fixed dates only — no clock.
 */
// Loaded with `require`, as people.test.ts does: the root type-check does not compile the client.
interface DayChip {
  date: string;
  name: string;
  day: string;
  mark: string | null;
  spoken: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dayChips, relativeDayName } = require('../../client/src/components/date-chips/days') as {
  dayChips(today: string, count: number, options?: { from?: string; markOf?: (date: string) => string | null }): DayChip[];
  relativeDayName(today: string, date: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { daySpoken, monthTitle, monthWeeks, shiftMonth } = require('../../client/src/components/month-grid/weeks') as {
  daySpoken(date: string, options?: { today?: string; mark?: string | null }): string;
  monthTitle(month: string): string;
  monthWeeks(month: string): Array<Array<string | null>>;
  shiftMonth(month: string, n: number): string;
};

const NATIONAL_DAY = new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
const markOf = (d: string): string | null => (NATIONAL_DAY.has(d) ? '法定节假日' : null);

test('chips from a Tuesday run over the month end into the holiday, named as people say them', () => {
  const chips = dayChips('2026-09-29', 8, { markOf });
  expect(chips.map((c) => c.name)).toEqual(['今天', '明天', '后天', '本周五', '本周六', '本周日', '下周一', '下周二']);
  expect(chips.map((c) => c.day)).toEqual(['9月29日 周二', '9月30日 周三', '10月1日 周四', '10月2日 周五', '10月3日 周六', '10月4日 周日', '10月5日 周一', '10月6日 周二']);
  expect(chips.map((c) => c.mark)).toEqual([null, null, '法定节假日', '法定节假日', '法定节假日', '法定节假日', '法定节假日', '法定节假日']);
  // A screen reader hears the full date, the name and the mark.
  expect(chips[2]?.spoken).toBe('2026年10月1日 周四(后天),法定节假日');
  expect(chips[0]?.spoken).toBe('2026年9月29日 周二(今天)');
});

test('beyond next week the chip shows the date itself, once; a past day is written out', () => {
  expect(relativeDayName('2026-09-29', '2026-10-12')).toBe('10月12日 周一');
  expect(relativeDayName('2026-09-29', '2026-09-28')).toBe('昨天');
  expect(relativeDayName('2026-09-29', '2026-09-27')).toBe('9月27日 周日');
  // A Sunday's "next week" is the week from tomorrow (weeks start on Monday).
  expect(relativeDayName('2026-10-04', '2026-10-05')).toBe('明天');
  expect(relativeDayName('2026-10-04', '2026-10-07')).toBe('下周三');
  const far = dayChips('2026-09-29', 1, { from: '2026-12-31' })[0];
  expect(far).toEqual({ date: '2026-12-31', name: '12月31日 周四', day: '', mark: null, spoken: '2026年12月31日 周四' });
});

test('month grid: October 2026 starts on a Thursday, five weeks, Monday first', () => {
  const weeks = monthWeeks('2026-10');
  expect(weeks).toHaveLength(5);
  expect(weeks[0]).toEqual([null, null, null, '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04']);
  expect(weeks[4]).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', null]);
  expect(weeks.every((w) => w.length === 7)).toBe(true);
  expect(weeks.flat().filter(Boolean)).toHaveLength(31);
});

test('month grid: February 2027 fills exactly four weeks; months shift across the year end', () => {
  const weeks = monthWeeks('2027-02');
  expect(weeks).toHaveLength(4);
  expect(weeks[0]?.[0]).toBe('2027-02-01');
  expect(weeks[3]?.[6]).toBe('2027-02-28');
  expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  expect(monthTitle('2027-01')).toBe('2027年1月');
  expect(daySpoken('2026-10-01', { today: '2026-09-29', mark: '法定节假日' })).toBe('2026年10月1日 周四,法定节假日');
  expect(daySpoken('2026-09-29', { today: '2026-09-29' })).toBe('2026年9月29日 周二(今天)');
});
