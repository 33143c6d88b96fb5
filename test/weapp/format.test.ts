/**
 * Instants (stored as UTC ISO text, e.g. a trail step's `at`) are shown on the center's day
 * (Asia/Shanghai): an evening in UTC is the next morning in the township. Slicing the ISO text
 * would show the day before for anything between 00:00 and 08:00 Beijing time.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const format = require('../../client/src/services/format') as { instantDay(iso: string): string; instantLabel(iso: string): string };

test.each([
  ['2026-10-07T23:30:00.000Z', '2026年10月8日 周四', '2026年10月8日 周四 07:30'],
  ['2026-09-30T09:40:00.000Z', '2026年9月30日 周三', '2026年9月30日 周三 17:40'],
  ['2026-12-31T16:00:00.000Z', '2027年1月1日 周五', '2027年1月1日 周五 00:00'],
])('%s → %s', (iso, day, label) => {
  expect(format.instantDay(iso)).toBe(day);
  expect(format.instantLabel(iso)).toBe(label);
});
