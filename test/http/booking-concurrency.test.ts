/**
 * R-BOOK-2 over HTTP: 200 concurrent booking requests for one slot of capacity 5. Exactly 5
 * succeed, the rest get CONFLICT, and the store holds exactly 5 bookings.
 */
import { shanghaiDate } from '../../shared/domain/time';
import { WorkCalendar } from '../../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';
import { demoUserId, windowId } from '../../cloudfunctions/core/seed/demo';
import { startTestHost, type TestHost } from '../helpers/host';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(async () => {
  await t.close();
});

test('200 concurrent requests for a slot of capacity 5: exactly 5 bookings', async () => {
  const admin = await t.login(demoUserId('c-baisha', 'admin'));
  const cap = await t.call('center', { action: 'saveWindowSchedule', input: { windowId: windowId('c-baisha', 'MZ'), slotMinutes: 30, slotCapacity: 5 } }, admin);
  expect(cap.status).toBe(200);

  // 200 distinct villagers of the center, so that no request is refused as a duplicate.
  const tokens: string[] = [];
  for (let i = 0; i < 200; i += 1) {
    const id = `u-load-${i}`;
    await t.store.insert('users', { id, centerId: 'c-baisha', role: 'villager', name: `村民${i}`, villageId: 'v-baisha-1' });
    tokens.push(t.tokens.issue(id, t.clock.now()));
  }
  const day = new WorkCalendar(OFFICIAL_SCHEDULE).nextWorkingDays(shanghaiDate(new Date(t.clock.now().getTime() + 86_400_000)), 1)[0]!;
  const input = { itemId: 'item-baisha-mz-001', date: day, start: '10:00' };

  const replies = await Promise.all(tokens.map((tok, i) => t.call('booking', { action: 'create', input, requestId: `load-${i}` }, tok)));
  const statuses = replies.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(5);
  expect(statuses.filter((s) => s === 409)).toHaveLength(195);
  for (const r of replies.filter((x) => x.status === 409)) {
    expect(r.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const alternatives = (r.body.error as { details: { alternatives: unknown[] } }).details.alternatives;
    expect(alternatives.length).toBeGreaterThan(0);
  }
  const stored = await t.store.find('bookings', { where: { date: day, start: '10:00', status: 'booked' } });
  expect(stored).toHaveLength(5);
  expect(new Set(stored.map((b) => b.number)).size).toBe(5);
  const slot = await t.store.get('slots', `slot:${windowId('c-baisha', 'MZ')}:${day}:10:00`);
  expect(slot?.booked).toBe(5);
}, 60_000);
