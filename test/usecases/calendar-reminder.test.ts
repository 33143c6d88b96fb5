/**
 * Next year's official arrangement, entered in time (R-BOOK-1): from 1 November the deadline
 * sweep reminds each center's admins, once a week, until the year is entered; a year already
 * running without it is reminded too; an on-demand sweep of one center touches only its own.
 */
import { ManualClock } from '../../cloudfunctions/core/clock';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { missingYear } from '../../cloudfunctions/core/usecases/calendar-reminder';
import { runSweep } from '../../cloudfunctions/core/usecases/sweep';
import { caller } from '../helpers/calls';
import { seededStore } from '../helpers/temp';

const BAISHA_ADMIN = demoUserId('c-baisha', 'admin');
const LIUTANG_ADMIN = demoUserId('c-liutang', 'admin');
/** A Shanghai wall-clock instant. */
const at = (date: string, time = '08:30') => `${date}T${time}:00+08:00`;

let store: SqliteStore;
let clock: ManualClock;

beforeEach(async () => {
  ({ store, clock } = await seededStore(new ManualClock(at('2026-10-30'))));
});
afterEach(async () => {
  await store.close();
});

const reminders = async (userId: string) =>
  (await store.find('notices', { where: { userId }, orderBy: [['createdAt', 'asc']] })).filter((n) => n.title.includes('节假日安排'));

test('which year is missing: next year from 1 November, the current year always', () => {
  const known = (years: number[]) => (y: number) => years.includes(y);
  expect(missingYear('2026-10-31', known([2026]))).toBeNull();
  expect(missingYear('2026-11-01', known([2026]))).toBe(2027);
  expect(missingYear('2026-12-31', known([2026, 2027]))).toBeNull();
  expect(missingYear('2027-01-04', known([2026]))).toBe(2027);
  expect(missingYear('2027-03-01', known([2026, 2027]))).toBeNull();
});

test('from 1 November the admins are told, once a week, with a link to that year; nothing once it is entered', async () => {
  await runSweep(store, clock); // Fri 30 October: not yet
  expect(await reminders(BAISHA_ADMIN)).toEqual([]);

  clock.set(at('2026-11-02')); // Monday
  await runSweep(store, clock);
  clock.set(at('2026-11-02', '14:00'));
  await runSweep(store, clock); // the same week: nothing more
  clock.set(at('2026-11-06'));
  await runSweep(store, clock);
  const first = await reminders(BAISHA_ADMIN);
  expect(first).toHaveLength(1);
  expect(first[0]).toMatchObject({ title: '请录入2027年节假日安排', link: '/admin/calendar/index?year=2027', kind: 'deadline' });
  expect(first[0]?.body).toContain('按国务院办公厅的通知逐日录入');
  expect(await reminders(LIUTANG_ADMIN)).toHaveLength(1);
  expect(await store.count('outbox', { userId: BAISHA_ADMIN })).toBe(1);

  clock.set(at('2026-11-09')); // the next Monday
  await runSweep(store, clock);
  expect(await reminders(BAISHA_ADMIN)).toHaveLength(2);

  // 白沙's admin enters 2027's Spring Festival; 柳塘 has not.
  await caller(store, clock).ok(BAISHA_ADMIN, 'center', 'saveCalendarEntry', { date: '2027-02-09', kind: 'holiday', note: '春节' });
  clock.set(at('2026-11-16'));
  await runSweep(store, clock);
  expect(await reminders(BAISHA_ADMIN)).toHaveLength(2);
  expect(await reminders(LIUTANG_ADMIN)).toHaveLength(3);
});

test("an on-demand sweep of one center reminds only that center's admins", async () => {
  clock.set(at('2026-12-01'));
  await runSweep(store, clock, { centerId: 'c-liutang' });
  expect(await reminders(LIUTANG_ADMIN)).toHaveLength(1);
  expect(await reminders(BAISHA_ADMIN)).toEqual([]);
});
