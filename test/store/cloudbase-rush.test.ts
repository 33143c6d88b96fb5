/**
 * Booking on CloudBase's concurrency model (issue 7.7 and 8.9; R-BOOK-2 never overbooked), on a
 * simulated SDK (test/helpers/cloudbase-sim.ts) driving the adapter's own transaction code:
 * - a rush on one slot answers CONFLICT with the nearest free slots, never INTERNAL, also when
 *   CloudBase gives up retrying a write conflict;
 * - two first bookings of a never-booked slot do not race on creating its document;
 * - the duplicate-booking check sits in the transaction: two concurrent bookings of the same
 *   item and day by the same person make one booking.
 */
import type { Booking } from '../../shared/domain/booking';
import type { Reply } from '../../shared/domain/errors';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { demoUserId, windowId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { caller } from '../helpers/calls';
import { CloudbaseSim } from '../helpers/cloudbase-sim';
import { seededStore } from '../helpers/temp';

// Monday 2 March 2026, 09:00 in Shanghai; Tuesday 3 March is a working day.
const START = '2026-03-02T01:00:00Z';
const DAY = '2026-03-03';
const ITEM = 'item-baisha-mz-001';
const OTHER_ITEM_SAME_WINDOW = 'item-baisha-mz-002';
const MZ = windowId('c-baisha', 'MZ');
const ADMIN = demoUserId('c-baisha', 'admin');

let sqlite: SqliteStore;
let clock: ManualClock;

beforeEach(async () => {
  ({ store: sqlite, clock } = await seededStore(new ManualClock(START)));
});
afterEach(async () => {
  await sqlite.close();
});

async function villagers(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const id = `u-rush-${i}`;
    await sqlite.insert('users', { id, centerId: 'c-baisha', role: 'villager', name: `村民${i}`, villageId: 'v-baisha-1' });
    ids.push(id);
  }
  return ids;
}

const alternativesOf = (r: Reply<unknown>) => (r.ok ? [] : ((r.error.details as { alternatives?: unknown[] } | undefined)?.alternatives ?? []));

function expectOkOrConflictWithAlternatives(replies: Array<Reply<unknown>>): void {
  for (const r of replies) {
    if (r.ok) continue;
    expect(r.error.code).toBe('CONFLICT');
    expect(alternativesOf(r).length).toBeGreaterThan(0);
    expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
}

test('two first bookings of a never-booked slot both succeed (no race on creating the slot)', async () => {
  const sim = new CloudbaseSim(sqlite);
  const api = caller(sim, clock);
  const [a, b] = await villagers(2);
  const input = { itemId: ITEM, date: DAY, start: '10:00' };
  const replies = await Promise.all([api.call(a!, 'booking', 'create', input, 'r-a'), api.call(b!, 'booking', 'create', input, 'r-b')]);
  expect(replies.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok']);
  expect((await sqlite.get('slots', `slot:${MZ}:${DAY}:10:00`))?.booked).toBe(2);
  const numbers = (await sqlite.find('bookings', { where: { date: DAY } })).map((x) => x.number);
  expect(new Set(numbers).size).toBe(2);
});

test('a rush of 12 on one slot of capacity 5: each answer is a booking or CONFLICT with alternatives, never INTERNAL or overbooked', async () => {
  const r = await caller(sqlite, clock).call(ADMIN, 'center', 'saveWindowSchedule', { windowId: MZ, slotMinutes: 30, slotCapacity: 5 });
  expect(r.ok).toBe(true);
  const sim = new CloudbaseSim(sqlite);
  const api = caller(sim, clock);
  const ids = await villagers(12);
  const replies = await Promise.all(ids.map((id, i) => api.call(id, 'booking', 'create', { itemId: ITEM, date: DAY, start: '10:00' }, `rush-${i}`)));
  expectOkOrConflictWithAlternatives(replies);
  const ok = replies.filter((x) => x.ok).length;
  expect(ok).toBeGreaterThan(0);
  expect(ok).toBeLessThanOrEqual(5);
  const stored = await sqlite.find('bookings', { where: { date: DAY, start: '10:00', status: 'booked' } });
  expect(stored).toHaveLength(ok);
  expect((await sqlite.get('slots', `slot:${MZ}:${DAY}:10:00`))?.booked).toBe(ok);
  // The rush really contended: CloudBase-style conflicts happened.
  expect(sim.stats.conflicts + sim.stats.duplicates).toBeGreaterThan(0);
});

test('when CloudBase gives up retrying a write conflict, the loser gets CONFLICT with alternatives', async () => {
  const [first, a, b] = await villagers(3);
  // The slot has been booked before: its document exists.
  await caller(sqlite, clock).ok(first!, 'booking', 'create', { itemId: ITEM, date: DAY, start: '10:00' }, 'r-first');
  const sim = new CloudbaseSim(sqlite, 0); // no retry left: the first conflict is final
  const api = caller(sim, clock);
  const input = { itemId: ITEM, date: DAY, start: '10:00' };
  const replies = await Promise.all([api.call(a!, 'booking', 'create', input, 'r-a'), api.call(b!, 'booking', 'create', input, 'r-b')]);
  expect(sim.stats.conflicts).toBeGreaterThan(0);
  expect(replies.filter((x) => x.ok)).toHaveLength(1);
  const loser = replies.find((x) => !x.ok)!;
  expect(loser).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(alternativesOf(loser).length).toBeGreaterThan(0);
  expect((await sqlite.get('slots', `slot:${MZ}:${DAY}:10:00`))?.booked).toBe(2);
});

test('two concurrent bookings of the same item and day by the same person make one booking (issue 8.9)', async () => {
  const [someone, me] = await villagers(2);
  // The window's day has bookings already (its number sequence exists).
  await caller(sqlite, clock).ok(someone!, 'booking', 'create', { itemId: OTHER_ITEM_SAME_WINDOW, date: DAY, start: '09:00' }, 'r-0');
  const sim = new CloudbaseSim(sqlite);
  const api = caller(sim, clock);
  const replies = await Promise.all([
    api.call(me!, 'booking', 'create', { itemId: ITEM, date: DAY, start: '10:00' }, 'r-1'),
    api.call(me!, 'booking', 'create', { itemId: ITEM, date: DAY, start: '11:00' }, 'r-2'),
  ]);
  const mine = (await sqlite.find('bookings', { where: { bookedBy: me!, date: DAY } })).filter((x: Booking) => x.itemId === ITEM && x.status === 'booked');
  expect(mine).toHaveLength(1);
  expect(replies.filter((x) => x.ok)).toHaveLength(1);
  expect(replies.find((x) => !x.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  // The place of the refused one is not held.
  const held = (await sqlite.find('slots', { where: { windowId: MZ, date: DAY } })).reduce((n, s) => n + s.booked, 0);
  expect(held).toBe(2);
});
