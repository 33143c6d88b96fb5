/**
 * booking.held (issue 11): the guide and the booking page show "您已预约 …" for an item before a
 * slot is picked. The caller's own bookings of the item still to come — not cancelled ones, not
 * past ones, not other items', not another user's.
 */
import type { Booking } from '../../shared/domain/booking';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { caller } from '../helpers/calls';
import { seededStore } from '../helpers/temp';

// Monday 2 March 2026, 09:00 in Shanghai.
const START = '2026-03-02T01:00:00Z';
const VILLAGER = demoUserId('c-baisha', 'villager');
const AGENT = demoUserId('c-baisha', 'agent');
const ITEM = 'item-baisha-mz-001';
const ITEM_RS = 'item-baisha-rs-001';

let store: SqliteStore;
let clock: ManualClock;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  ({ store, clock } = await seededStore(new ManualClock(START)));
  api = caller(store, clock);
});
afterEach(async () => {
  await store.close();
});

type Held = { bookings: Booking[] };
type Detail = { booking: Booking };

test("a villager's upcoming booking of the item is found; a cancelled, a past and another item's are not", async () => {
  expect((await api.ok<Held>(VILLAGER, 'booking', 'held', { itemId: ITEM })).bookings).toEqual([]);
  const a = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' }, 'h-1');
  const b = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-04', start: '09:00' }, 'h-2');
  await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM_RS, date: '2026-03-03', start: '11:00' }, 'h-3');
  await api.ok(VILLAGER, 'booking', 'cancel', { bookingId: b.booking.id });

  const held = await api.ok<Held>(VILLAGER, 'booking', 'held', { itemId: ITEM });
  expect(held.bookings.map((x) => x.id)).toEqual([a.booking.id]);
  // Another user holds nothing of it.
  expect((await api.ok<Held>(AGENT, 'booking', 'held', { itemId: ITEM })).bookings).toEqual([]);

  // Once its day has passed, it is no longer "held".
  clock.set('2026-03-04T01:00:00Z');
  expect((await api.ok<Held>(VILLAGER, 'booking', 'held', { itemId: ITEM })).bookings).toEqual([]);
});

test('bad input is refused courteously and changes nothing', async () => {
  const before = await store.count('bookings');
  const r = await api.call(VILLAGER, 'booking', 'held', { itemId: '' });
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(await store.count('bookings')).toBe(before);
});
