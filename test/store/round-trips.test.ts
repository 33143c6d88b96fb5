/**
 * Store round trips per action (issue 12): through the real dispatcher on the seeded store, with
 * the counting decorator (store/metered.ts) and no delay, every action of the villager's and the
 * staff's main tasks stays within its budget of sequential round trips at 20 ms each — a
 * villager's read ≤ 60 ms (3), a booking change or case decision ≤ 140 ms (7), nothing over
 * 200 ms (10) — and within a ceiling of calls. Counts, not times: deterministic on any machine.
 */
import { measureActions, ROUND_BUDGET, type ActionCost } from '../../scripts/store-calls';
import { MeteredStore } from '../../cloudfunctions/core/store/metered';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { tempDir } from '../helpers/temp';

/** Most calls (billed reads and writes) an action of each kind may make. */
const CALL_CEILING: Record<ActionCost['kind'], number> = { villager_read: 8, staff_read: 10, change: 20 };

let costs: ActionCost[];
beforeAll(async () => {
  costs = await measureActions(0);
}, 60_000);

test('every action of the main tasks is measured', () => {
  const names = costs.map((c) => c.name);
  for (const a of [
    'catalog.home', 'catalog.getItem', 'catalog.search', 'booking.options', 'booking.create', 'booking.cancel', 'booking.reschedule', 'booking.checkIn',
    'booking.mine', 'booking.get', 'cases.myMatters', 'cases.get', 'inbox.list', 'cases.accept', 'cases.complete', 'cases.reject', 'cases.supplement',
    'cases.resubmitted', 'cases.doneOnSpot', 'cases.forward', 'cases.transfer', 'cases.registerWalkIn',
    'booking.dayCounts',
  ]) {
    expect(names).toContain(a);
  }
});

test.each([['villager_read'], ['staff_read'], ['change']] as const)('%s actions stay within their round trips and calls', (kind) => {
  const over = costs
    .filter((c) => c.kind === kind)
    .filter((c) => c.rounds > ROUND_BUDGET[kind] || c.calls > CALL_CEILING[kind])
    .map((c) => `${c.name}: ${c.rounds} rounds, ${c.calls} calls`);
  expect(over).toEqual([]);
});

test("the leader's glance at the day (issue 11) is one indexed read besides the cache's version check", () => {
  expect(costs.find((c) => c.name === 'booking.dayCounts')).toMatchObject({ reads: 2, writes: 0, rounds: 1 });
});

test('a warm container reads the center data it caches once per request: the version check', () => {
  const home = costs.find((c) => c.name === 'catalog.home');
  expect(home).toMatchObject({ calls: 1, reads: 1, writes: 0, rounds: 1 });
});

describe('the counting decorator', () => {
  let inner: SqliteStore;
  beforeEach(() => {
    inner = new SqliteStore({ dataDir: tempDir() });
  });
  afterEach(async () => {
    await inner.close();
  });

  test('calls issued together share one round; calls that wait for each other take one each', async () => {
    const m = new MeteredStore(inner);
    await Promise.all([m.get('meta', 'a'), m.get('meta', 'b'), m.count('meta')]);
    await m.get('meta', 'c');
    expect(m.snapshot()).toMatchObject({ calls: 4, reads: 4, rounds: 2 });
  });

  test('a transaction counts as CloudBase runs it: begin, commit, and insert/update as a read then a write', async () => {
    const m = new MeteredStore(inner);
    await m.transaction(async (tx) => {
      await tx.get('meta', 'x');
      await tx.insert('meta', { id: 'x', value: '1' });
      await tx.put('meta', { id: 'y', value: '1' });
    });
    // begin, get, insert (read + write), put, commit
    expect(m.snapshot()).toMatchObject({ calls: 6, reads: 2, writes: 2, txControl: 2, rounds: 6 });
    expect(await inner.get('meta', 'x')).toEqual({ id: 'x', value: '1' });
  });
});
