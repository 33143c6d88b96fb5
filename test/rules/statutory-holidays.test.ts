/**
 * The days off by law for the years after chinese-days' data (R-BOOK-1, R-CASE-2): the committed
 * table is what scripts/statutory-holidays.ts computes (nobody edits it by hand), the rules give
 * exactly the statutory days of the years the library does know under the 2025 rules, and the
 * 2027 dates are the ones the lunar calendar gives (checked against published almanac dates).
 */
import data from 'chinese-days/dist/chinese-days.json';
import { FIRST_YEAR, statutoryDays, tableSource } from '../../scripts/statutory-holidays';
import { STATUTORY_HOLIDAYS } from '../../shared/domain/statutory-holidays';
import fs from 'node:fs';
import path from 'node:path';

const official = (data as { holidays: Record<string, string> }).holidays;

test('the committed table is the generator\'s output, whatever the process time zone', () => {
  const file = fs.readFileSync(path.join(__dirname, '../../shared/domain/statutory-holidays.ts'), 'utf8');
  expect(file).toBe(tableSource());
  expect(Object.keys(STATUTORY_HOLIDAYS).map(Number)[0]).toBe(FIRST_YEAR);
  expect(FIRST_YEAR).toBe(2027);
});

test.each([2025, 2026])('under the 2025 rules, every statutory day of %i is an official day off, and there are 13', (year) => {
  const days = Object.keys(statutoryDays(year));
  expect(days).toHaveLength(13);
  expect(days.filter((d) => !official[d])).toEqual([]);
});

test('2027: 元旦 1 Jan, 春节 5–8 Feb (除夕 to 初三), 清明 5 Apr, 劳动节 1–2 May, 端午 9 Jun, 中秋 15 Sep, 国庆 1–3 Oct', () => {
  expect(STATUTORY_HOLIDAYS[2027]).toEqual({
    '2027-01-01': '元旦',
    '2027-02-05': '春节(除夕)',
    '2027-02-06': '春节',
    '2027-02-07': '春节',
    '2027-02-08': '春节',
    '2027-04-05': '清明节',
    '2027-05-01': '劳动节',
    '2027-05-02': '劳动节',
    '2027-06-09': '端午节',
    '2027-09-15': '中秋节',
    '2027-10-01': '国庆节',
    '2027-10-02': '国庆节',
    '2027-10-03': '国庆节',
  });
});

test('a Mid-Autumn on a National Day date is one day with both names (2028: 3 October)', () => {
  expect(STATUTORY_HOLIDAYS[2028]?.['2028-10-03']).toBe('中秋节、国庆节');
  expect(Object.keys(STATUTORY_HOLIDAYS[2028] ?? {})).toHaveLength(12);
});
