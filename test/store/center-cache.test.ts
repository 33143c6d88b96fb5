/**
 * The per-container cache of a center's read-mostly data (issue 12; store/center-cache.ts): an
 * admin's change is seen by the very next request — in the container that made it and, through
 * the cache version, in another container (a second Store over the same database) — and any
 * writer of the cached collections changes the version, in the same atomic step.
 */
import { ManualClock } from '../../cloudfunctions/core/clock';
import { demoUserId, seedDemoData, windowId } from '../../cloudfunctions/core/seed/demo';
import { CACHE_VERSION_ID } from '../../cloudfunctions/core/store/cache-version';
import { cloudbaseTransaction, type RunTransaction } from '../../cloudfunctions/core/store/cloudbase';
import { readCacheVersion } from '../../cloudfunctions/core/store/center-cache';
import { MeteredStore } from '../../cloudfunctions/core/store/metered';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { caller } from '../helpers/calls';
import { TEST_NOW, tempDir } from '../helpers/temp';

const ADMIN = demoUserId('c-baisha', 'admin');
const VILLAGER = demoUserId('c-baisha', 'villager');
const ITEM = 'item-baisha-mz-001';
const MZ = windowId('c-baisha', 'MZ');
const DAY = '2026-03-03'; // Tuesday, a working day

interface Options {
  window: { slotMinutes: number; slotCapacity: number };
  days: Array<{ date: string; slots: Array<{ start: string; capacity: number }> }>;
}

let dir: string;
let a: SqliteStore;
let b: SqliteStore;
let clock: ManualClock;

beforeEach(async () => {
  dir = tempDir();
  clock = new ManualClock(TEST_NOW);
  a = new SqliteStore({ dataDir: dir });
  await seedDemoData(a, clock);
  b = new SqliteStore({ dataDir: dir }); // a second container on the same database
});
afterEach(async () => {
  await a.close();
  await b.close();
});

const options = async (store: SqliteStore | MeteredStore) => caller(store, clock).ok<Options>(VILLAGER, 'booking', 'options', { itemId: ITEM });

test("a window's new schedule shows in the next booking.options, in the same container and in another", async () => {
  const beforeA = await options(a);
  const beforeB = await options(b);
  expect(beforeA.window.slotCapacity).toBe(beforeB.window.slotCapacity);
  expect(beforeA.window.slotMinutes).not.toBe(60);

  await caller(b, clock).ok(ADMIN, 'center', 'saveWindowSchedule', { windowId: MZ, slotMinutes: 60, slotCapacity: 7 });

  for (const store of [b, a]) {
    const after = await options(store);
    expect(after.window).toMatchObject({ slotMinutes: 60, slotCapacity: 7 });
    const day = after.days.find((d) => d.date === DAY);
    expect(day?.slots.map((s) => s.start)).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
    expect(day?.slots.every((s) => s.capacity === 7)).toBe(true);
  }
});

test('a closure day an admin adds in one container disappears from the bookable days of the other', async () => {
  expect((await options(a)).days.map((d) => d.date)).toContain(DAY);
  await caller(b, clock).ok(ADMIN, 'center', 'saveCalendarEntry', { date: DAY, kind: 'closure', note: '停电检修' });
  expect((await options(a)).days.map((d) => d.date)).not.toContain(DAY);
  // And a booking of that day is refused by the other container at once.
  const r = await caller(a, clock).call(VILLAGER, 'booking', 'create', { itemId: ITEM, date: DAY, start: '10:00' }, 'closed-day');
  expect(r.ok).toBe(false);
});

test('a warm container checks the version and reads nothing else of the center; a change costs one reload', async () => {
  const m = new MeteredStore(a);
  await options(m); // loads the cache
  m.reset();
  await options(m);
  // The caller's user record (the helper reads it, as the runtime does), the version, the slots.
  expect(m.snapshot()).toMatchObject({ calls: 3, rounds: 3 });
  await caller(b, clock).ok(ADMIN, 'center', 'saveWindowSchedule', { windowId: MZ, slotMinutes: 30, slotCapacity: 9 });
  m.reset();
  expect((await options(m)).window.slotCapacity).toBe(9);
  expect(m.snapshot().calls).toBeGreaterThan(3); // the reload
});

test('every write to a cached collection changes the version, inside a transaction or not; others do not', async () => {
  const v0 = await readCacheVersion(a);
  await a.update('windows', MZ, { set: { phone: '0571-1' } });
  const v1 = await readCacheVersion(a);
  expect(v1).not.toBe(v0);
  await a.transaction(async (tx) => {
    await tx.put('calendar', { id: 'cal:c-baisha:2026-03-10', centerId: 'c-baisha', date: '2026-03-10', kind: 'closure', note: 'x', createdBy: ADMIN, createdAt: TEST_NOW });
  });
  const v2 = await readCacheVersion(a);
  expect(v2).not.toBe(v1);
  await a.remove('posts', 'post-baisha-mz');
  const v3 = await readCacheVersion(a);
  expect(v3).not.toBe(v2);
  await a.put('meta', { id: 'something-else', value: '1' });
  await a.insert('notices', { id: 'n-x', userId: VILLAGER, centerId: 'c-baisha', kind: 'booking', title: 't', body: 'b', createdAt: TEST_NOW });
  expect(await readCacheVersion(a)).toBe(v3);
  expect((await b.get('meta', CACHE_VERSION_ID))?.value).toBe(v3);
});

test('a transaction that fails leaves the version as it was (the change and the version commit together)', async () => {
  const v0 = await readCacheVersion(a);
  await expect(
    a.transaction(async (tx) => {
      await tx.update('windows', MZ, { set: { slotCapacity: 1 } });
      throw new Error('refused');
    }),
  ).rejects.toThrow('refused');
  expect(await readCacheVersion(a)).toBe(v0);
  expect((await a.get('windows', MZ))?.slotCapacity).not.toBe(1);
});

describe('on CloudBase (the adapter\'s transaction code, on a recording SDK)', () => {
  /** A transaction object that records every set, as the SDK would send them. */
  const recording = () => {
    const sets: Array<{ col: string; id: string }> = [];
    const run: RunTransaction = async (callback) =>
      callback({
        collection: (col: string) => ({
          doc: (id: string) => ({
            get: async () => ({ data: [] }),
            set: async () => {
              sets.push({ col, id });
              return {};
            },
            delete: async () => ({ deleted: 1 }),
          }),
        }),
      });
    return { sets, run };
  };

  test('a transaction writing a cached collection also sets the cache version, once; others do not', async () => {
    const r = recording();
    await cloudbaseTransaction(r.run, (c) => c, async (tx) => {
      await tx.put('windows', { id: MZ, centerId: 'c-baisha', code: 'MZ', name: '民政', sort: 1, slotMinutes: 30, slotCapacity: 3 } as never);
      await tx.put('calendar', { id: 'cal:x', centerId: 'c-baisha', date: DAY, kind: 'closure', note: '', createdBy: ADMIN, createdAt: TEST_NOW });
      await tx.put('audit', { id: 'a-1', centerId: 'c-baisha', at: TEST_NOW, actorId: ADMIN, action: 'x', collection: 'windows', recordId: MZ, before: null, after: null });
    });
    expect(r.sets.filter((s) => s.col === 'meta')).toEqual([{ col: 'meta', id: CACHE_VERSION_ID }]);
    const other = recording();
    await cloudbaseTransaction(other.run, (c) => c, async (tx) => {
      await tx.put('audit', { id: 'a-2', centerId: 'c-baisha', at: TEST_NOW, actorId: ADMIN, action: 'x', collection: 'x', recordId: 'r', before: null, after: null });
    });
    expect(other.sets.filter((s) => s.col === 'meta')).toEqual([]);
  });
});
