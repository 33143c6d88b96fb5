/** R-BOOK-1 working days, table-driven over the awkward dates of 2026 and an admin-entered 2027. */
import { WorkCalendar, type CalendarEntry } from '../../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';
import { dateLabel, dayLabel, documentDate, shanghaiDate, shanghaiInstant, shanghaiTime } from '../../shared/domain/time';

const cal = new WorkCalendar(OFFICIAL_SCHEDULE);

describe('2026 official schedule', () => {
  test.each([
    ['2026-02-13', true, 'Friday before Spring Festival'],
    ['2026-02-14', true, 'adjusted working Saturday (调休)'],
    ['2026-02-15', false, 'Spring Festival holiday begins'],
    ['2026-02-17', false, '春节 (Tuesday)'],
    ['2026-02-23', false, 'last day of the Spring Festival break (Monday)'],
    ['2026-02-24', true, 'first working day after Spring Festival'],
    ['2026-02-28', true, 'adjusted working Saturday after Spring Festival'],
    ['2026-03-01', false, 'ordinary Sunday'],
    ['2026-09-20', true, 'adjusted working Sunday before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of National Day week'],
    ['2026-10-08', true, 'back to work'],
    ['2026-10-10', true, 'adjusted working Saturday after National Day'],
    ['2026-10-11', false, 'ordinary Sunday'],
  ])('%s working: %s (%s)', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });

  test.each([
    ['2026-02-12', 3, '2026-02-24'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-29', 5, '2026-10-12'],
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-03-06', 1, '2026-03-09'],
  ])('%s + %d working days = %s', (from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected);
  });

  test('next working days skip the whole National Day week', () => {
    expect(cal.nextWorkingDays('2026-09-30', 3)).toEqual(['2026-09-30', '2026-10-08', '2026-10-09']);
  });

  test('reasons for closed days', () => {
    expect(cal.closedReason('2026-10-02')).toBe('法定节假日');
    expect(cal.closedReason('2026-03-01')).toBe('周末休息');
    expect(cal.closedReason('2026-03-02')).toBeNull();
  });
});

describe('entries the admin adds', () => {
  // The 2027 schedule as the admin would enter it from the State Council notice.
  const y2027: CalendarEntry[] = [
    ...['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((date) => ({
      date,
      kind: 'holiday' as const,
      note: '春节',
    })),
    { date: '2027-02-13', kind: 'workday', note: '春节调休上班' },
  ];

  test('a year the library does not know: the days off by law, otherwise Monday–Friday, until entered', () => {
    expect(cal.yearKnown(2026)).toBe(true);
    expect(cal.yearKnown(2027)).toBe(false);
    expect(cal.isWorkingDay('2027-01-01')).toBe(false); // 元旦, a Friday
    expect(cal.closedReason('2027-01-01')).toBe('法定节假日');
    expect(cal.isWorkingDay('2027-02-08')).toBe(false); // 正月初三, a Monday
    expect(cal.isWorkingDay('2027-02-09')).toBe(true); // 初四: the bridging days come with the published arrangement
    expect(cal.isWorkingDay('2027-02-13')).toBe(false); // a Saturday
    // A time limit accepted on Wed 30 Dec 2026: 1 January is not a working day.
    expect(cal.addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
  });

  test('the admin may still mark a day off by law as a working day (a correction), and it counts as one', () => {
    const c = new WorkCalendar(OFFICIAL_SCHEDULE, [{ date: '2027-10-02', kind: 'workday', note: '更正' }]);
    expect(c.isWorkingDay('2027-10-02')).toBe(true);
  });

  test.each([
    ['2027-02-04', true],
    ['2027-02-05', false],
    ['2027-02-08', false],
    ['2027-02-11', false],
    ['2027-02-12', true],
    ['2027-02-13', true],
    ['2027-02-14', false],
  ])('with 2027 entered, %s working: %s', (date, working) => {
    const c = new WorkCalendar(OFFICIAL_SCHEDULE, y2027);
    expect(c.yearKnown(2027)).toBe(true);
    expect(c.isWorkingDay(date)).toBe(working);
  });

  test('a closure day of the center closes an ordinary working day', () => {
    const c = new WorkCalendar(OFFICIAL_SCHEDULE, [{ date: '2026-03-04', kind: 'closure', note: '停电检修' }]);
    expect(c.isWorkingDay('2026-03-04')).toBe(false);
    expect(c.closedReason('2026-03-04')).toBe('中心闭馆');
    expect(c.addWorkingDays('2026-03-03', 1)).toBe('2026-03-05');
  });

  test('an entry overrides the library for a corrected date', () => {
    const c = new WorkCalendar(OFFICIAL_SCHEDULE, [{ date: '2026-02-14', kind: 'holiday', note: '更正' }]);
    expect(c.isWorkingDay('2026-02-14')).toBe(false);
  });
});

describe('Shanghai time, whatever the process TZ', () => {
  test.each([
    ['2026-02-13T16:30:00Z', '2026-02-14', '00:30'],
    ['2026-02-14T00:59:00Z', '2026-02-14', '08:59'],
    ['2026-02-14T09:00:00Z', '2026-02-14', '17:00'],
  ])('%s is %s %s in Shanghai', (iso, date, time) => {
    expect(shanghaiDate(new Date(iso))).toBe(date);
    expect(shanghaiTime(new Date(iso))).toBe(time);
  });
  test('instants and labels', () => {
    expect(shanghaiInstant('2026-03-02', '09:00').toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(dateLabel('2026-03-02')).toBe('2026年3月2日 周一');
    expect(dayLabel('2027-01-08')).toBe('1月8日 周五');
    expect(documentDate('2027-01-08')).toBe('2027年1月8日');
  });
});
