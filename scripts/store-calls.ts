/**
 * Store round trips per action (issue 12): the villager's and the staff's main tasks run through
 * the real dispatcher on the seeded demo store, behind a MeteredStore that counts every call as
 * CloudBase makes it (store/metered.ts). Used by `npm run bench` (with 20 ms per call, timed)
 * and by test/store/round-trips.test.ts (counts and sequential depth, no timing).
 *
 * The container is warm (its center cache loaded by an earlier request), as in a busy hour; the
 * caller's user record is resolved before dispatch, by the runtime, and is not counted here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../cloudfunctions/core/clock';
import type { Ctx } from '../cloudfunctions/core/context';
import { dispatch } from '../cloudfunctions/core/dispatch';
import { demoUserId } from '../cloudfunctions/core/seed/demo';
import { seedDemoData } from '../cloudfunctions/core/seed/demo';
import { MeteredStore, type MeterCounts } from '../cloudfunctions/core/store/metered';
import type { Store } from '../cloudfunctions/core/store/port';
import { SqliteStore } from '../cloudfunctions/core/store/sqlite';

export interface ActionCost extends MeterCounts {
  /** `<function>.<action>`, or with a suffix for a second case of the same action. */
  name: string;
  /** Who waits for it: a villager's read, or a change (booking or case decision). */
  kind: 'villager_read' | 'staff_read' | 'change';
  /** Wall time with the meter's delay per round trip (0 when not delayed). */
  ms: number;
}

/** Monday 2 March 2026, 09:00 in Shanghai: a working morning (no real clock). */
export const CALLS_NOW = '2026-03-02T09:00:00+08:00';
const CENTER = 'c-baisha';
const ITEM = 'item-baisha-rs-002'; // 养老保险待遇领取, RS window, 5 working days
const u = (key: string) => demoUserId(CENTER, key);
const VILLAGER = u('villager');
const RECEIVER = u('staff-cl');
const HANDLER = u('staff-rs'); // A of the RS window's post

export async function measureActions(delayMs: number): Promise<ActionCost[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-calls-'));
  const inner = new SqliteStore({ dataDir: dir });
  const clock = new ManualClock(CALLS_NOW);
  try {
    await seedDemoData(inner, clock);
    const metered = new MeteredStore(inner, { delayMs });
    const ctx = async (store: Store, userId: string): Promise<Ctx> => ({ store, clock, caller: await inner.get('users', userId) });
    const costs: ActionCost[] = [];
    /** An unmeasured call: the setting up a measured one needs. */
    const prepare = async <T>(userId: string, fn: string, action: string, input: unknown, requestId?: string): Promise<T> => {
      const r = await dispatch(fn, { action, input, ...(requestId ? { requestId } : {}) }, await ctx(inner, userId));
      if (!r.ok) throw new Error(`${fn}.${action}: ${r.error.message}`);
      return r.data as T;
    };
    const measure = async <T>(kind: ActionCost['kind'], userId: string, fn: string, action: string, input: unknown, opts: { requestId?: string; suffix?: string } = {}): Promise<T> => {
      const c = await ctx(metered, userId);
      metered.reset();
      const t0 = performance.now();
      const r = await dispatch(fn, { action, input, ...(opts.requestId ? { requestId: opts.requestId } : {}) }, c);
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`${fn}.${action}: ${r.error.message}`);
      costs.push({ name: `${fn}.${action}${opts.suffix ?? ''}`, kind, ms, ...metered.snapshot() });
      return r.data as T;
    };
    const villager = await inner.get('users', VILLAGER);
    if (!villager) throw new Error('the demo villager is missing');
    // Others' bookings, so that the measured ones land in slots already in use (the usual case).
    const others = async (n: number, date: string, start: string) => {
      const id = `u-calls-${n}`;
      await inner.insert('users', { id, centerId: CENTER, role: 'villager', name: `村民${n}`, villageId: villager.villageId ?? 'v-baisha-1' });
      await prepare(id, 'booking', 'create', { itemId: ITEM, date, start }, `calls-other-${n}`);
    };
    await others(1, '2026-03-03', '10:00');
    await others(2, '2026-03-04', '10:00');
    // A warm container: an earlier request loaded the center's cached data.
    await dispatch('catalog', { action: 'home', input: { centerId: CENTER } }, await ctx(metered, VILLAGER));

    // The villager finds the item and books it.
    await measure('villager_read', VILLAGER, 'catalog', 'home', { centerId: CENTER });
    await measure('villager_read', VILLAGER, 'catalog', 'search', { centerId: CENTER, q: '养老' });
    await measure('villager_read', VILLAGER, 'catalog', 'getItem', { itemId: ITEM });
    await measure('villager_read', VILLAGER, 'booking', 'options', { itemId: ITEM });
    const made = await measure<{ booking: { id: string } }>('change', VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' }, { requestId: 'calls-1' });
    await measure('change', VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-05', start: '11:00' }, { requestId: 'calls-2', suffix: '_first_in_slot' });
    await measure('villager_read', VILLAGER, 'booking', 'held', { itemId: ITEM });
    await measure('villager_read', VILLAGER, 'booking', 'mine', {});
    await measure('villager_read', VILLAGER, 'booking', 'get', { bookingId: made.booking.id });
    await measure('change', VILLAGER, 'booking', 'reschedule', { bookingId: made.booking.id, date: '2026-03-04', start: '10:00' });
    await measure('change', VILLAGER, 'booking', 'cancel', { bookingId: made.booking.id });

    // Today's booking: the villager arrives, the receiving clerk checks her in (a case opens).
    const today = await prepare<{ booking: { id: string } }>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-02', start: '15:00' }, 'calls-today');
    const arrived = await measure<{ caseId: string }>('change', RECEIVER, 'booking', 'checkIn', { bookingId: today.booking.id });
    await measure('villager_read', VILLAGER, 'cases', 'myMatters', {});
    await measure('villager_read', VILLAGER, 'cases', 'get', { caseId: arrived.caseId });
    await measure('villager_read', VILLAGER, 'inbox', 'list', {});
    await measure('staff_read', HANDLER, 'cases', 'mine', {});
    // The leader's glance at the day (issue 11): the windows from the cache, the bookings in one read.
    await measure('staff_read', u('leader'), 'booking', 'dayCounts', { date: '2026-03-04' });

    // The handler's decisions (R-CASE-2..4), each on a case in the state it needs.
    await measure('change', HANDLER, 'cases', 'accept', { caseId: arrived.caseId });
    await measure('change', HANDLER, 'cases', 'complete', { caseId: arrived.caseId, result: '已办结,待遇已核定发放' });
    const walkIn = async (): Promise<string> =>
      (await prepare<{ case: { id: string } }>(RECEIVER, 'cases', 'registerWalkIn', { itemId: ITEM, applicantName: '张桂英', residentId: 'res-baisha-zhanggy', agentId: u('agent') })).case.id;
    await measure('change', RECEIVER, 'cases', 'registerWalkIn', { itemId: ITEM, applicantName: '王秀英' });
    const item = await inner.get('items', ITEM);
    const a = await walkIn();
    await measure('change', HANDLER, 'cases', 'supplement', { caseId: a, missing: [item?.materials[0]?.name ?? ''] });
    await measure('change', HANDLER, 'cases', 'resubmitted', { caseId: a });
    await measure('change', HANDLER, 'cases', 'reject', { caseId: a, reasons: ['申请人不符合待遇领取条件'] });
    await measure('change', HANDLER, 'cases', 'doneOnSpot', { caseId: await walkIn(), result: '当场办结,已发放' });
    await measure('change', HANDLER, 'cases', 'forward', { caseId: await walkIn(), committedDate: '2026-03-13' });
    await measure('change', HANDLER, 'cases', 'transfer', { caseId: await walkIn(), toUserId: u('staff-wj'), note: '该事项由劳动保障窗口办理' });
    return costs;
  } finally {
    await inner.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The budgets of issue 12, in sequential round trips (20 ms each: 60 ms, 140 ms, 200 ms). */
export const ROUND_BUDGET: Record<ActionCost['kind'], number> = { villager_read: 3, change: 7, staff_read: 10 };
