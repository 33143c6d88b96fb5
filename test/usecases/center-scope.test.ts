/**
 * On-demand sweep and dispatch act on the caller's center only (issue 8.8; R-CASE-5 reminders,
 * multi-center): two centers with due work, the office of one triggers; the other center's work
 * is untouched and not counted. The timer entries (no caller) still cover every center.
 */
import type { Case } from '../../shared/domain/cases';
import type { OutboxEntry } from '../../shared/domain/notices';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { runDispatch } from '../../cloudfunctions/core/usecases/outbox-dispatch';
import { runSweep } from '../../cloudfunctions/core/usecases/sweep';
import { caller } from '../helpers/calls';
import { seededStore } from '../helpers/temp';

const BAISHA_OFFICE = demoUserId('c-baisha', 'office');
const LIUTANG_OFFICE = demoUserId('c-liutang', 'office');

let store: SqliteStore;
let clock: ManualClock;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  // Tuesday 29 September 2026, 08:30 in Shanghai.
  ({ store, clock } = await seededStore(new ManualClock('2026-09-29T00:30:00Z')));
  api = caller(store, clock);
});
afterEach(async () => {
  await store.close();
});

/** An accepted case of the center's MZ window with a deadline, opened by its A. */
async function openAcceptedCase(centerId: string): Promise<Case> {
  const staff = demoUserId(centerId, 'staff-mz');
  const items = await store.find('items', { where: { centerId, windowId: `w-${centerId.replace(/^c-/, '')}-mz` } });
  const item = items.find((i) => i.promisedDays >= 3);
  if (!item) throw new Error(`no MZ item with a time limit in ${centerId}`);
  const opened = await api.ok<{ case: Case }>(staff, 'cases', 'registerWalkIn', { itemId: item.id, applicantName: '张三丰' });
  const accepted = await api.ok<{ case: Case }>(staff, 'cases', 'accept', { caseId: opened.case.id });
  expect(accepted.case.nextReminderOn).toBeDefined();
  return accepted.case;
}

test('cases.sweep by one center office reminds only that center, and counts only it', async () => {
  const mine = await openAcceptedCase('c-baisha');
  const theirs = await openAcceptedCase('c-liutang');
  const dueOn = [mine.nextReminderOn!, theirs.nextReminderOn!].sort().reverse()[0]!;
  clock.set(`${dueOn}T00:30:00Z`);
  const before = await store.get('cases', theirs.id);
  const noticesBefore = await store.count('notices', { centerId: 'c-liutang' });

  const r = await api.ok<{ due: number; notices: number }>(BAISHA_OFFICE, 'cases', 'sweep', {});
  expect(r.due).toBe(1);
  expect((await store.get('cases', mine.id))!.remindersSent.length).toBeGreaterThan(0);
  expect(await store.get('cases', theirs.id)).toEqual(before);
  expect(await store.count('notices', { centerId: 'c-liutang' })).toBe(noticesBefore);

  // The timer (no caller) still covers every center: the other center's case is reminded now.
  const timer = await runSweep(store, clock);
  expect(timer.due).toBe(1);
  expect((await store.get('cases', theirs.id))!.remindersSent.length).toBeGreaterThan(0);
});

test('inbox.dispatch by one center office sends only that center messages, and counts only it', async () => {
  const at = clock.now().toISOString();
  const entry = (id: string, centerId: string, userId: string): OutboxEntry => ({
    id, centerId, noticeId: `n-${id}`, userId, kind: 'case', title: '办件提醒', body: '请查看', createdAt: at, status: 'pending', attempts: 0, nextAttemptAt: at, leaseUntil: '',
  });
  await store.insert('outbox', entry('ob-b-1', 'c-baisha', demoUserId('c-baisha', 'villager')));
  await store.insert('outbox', entry('ob-b-2', 'c-baisha', demoUserId('c-baisha', 'agent')));
  await store.insert('outbox', entry('ob-l-1', 'c-liutang', demoUserId('c-liutang', 'villager')));
  const theirs = await store.get('outbox', 'ob-l-1');

  const r = await api.ok<{ sent: number; skipped: number; retried: number; parked: number }>(BAISHA_OFFICE, 'inbox', 'dispatch', {});
  expect(r.sent + r.skipped + r.retried + r.parked).toBe(2);
  expect(await store.get('outbox', 'ob-l-1')).toEqual(theirs);
  expect((await store.get('outbox', 'ob-b-1'))!.status).not.toBe('pending');

  const other = await api.ok<{ skipped: number }>(LIUTANG_OFFICE, 'inbox', 'dispatch', {});
  expect(other.skipped).toBe(1);
  // And the timer covers every center.
  await store.update('outbox', 'ob-l-1', { set: { status: 'pending', leaseUntil: '' } });
  expect((await runDispatch({ store, clock, sender: null, templates: {} })).skipped).toBe(1);
});
