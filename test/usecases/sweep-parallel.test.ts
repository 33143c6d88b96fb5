/**
 * The deadline sweep with several matters at a time (issue 12; SweepScope.parallel, as the timer
 * runs it): the same reminders as one at a time, and a sweep that dies halfway, run again,
 * sends nothing twice and misses nothing (R-CASE-5).
 */
import { ManualClock } from '../../cloudfunctions/core/clock';
import { sampleAcceptedCase } from '../../cloudfunctions/core/seed/sample-cases';
import type { Store, TxOps } from '../../cloudfunctions/core/store/port';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { runSweep, SWEEP_PARALLEL } from '../../cloudfunctions/core/usecases/sweep';
import { seededStore } from '../helpers/temp';

const TODAY = '2026-03-02';
let store: SqliteStore;
let clock: ManualClock;

beforeEach(async () => {
  ({ store, clock } = await seededStore(new ManualClock('2026-03-02T00:30:00Z')));
  for (let i = 0; i < 30; i += 1) {
    const c = sampleAcceptedCase(`case-par-${String(i).padStart(2, '0')}`, i, {
      at: '2026-02-24T01:00:00Z',
      acceptedOn: '2026-02-24',
      deadline: '2026-03-04',
      nextReminderOn: TODAY,
    });
    await store.insert('cases', c);
  }
});
afterEach(async () => {
  await store.close();
});

/** A store whose transactions fail once `n` have been started, as a sweep killed halfway. */
function dyingAfter(inner: Store, n: number): Store {
  let started = 0;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'transaction') {
        return async <T>(fn: (tx: TxOps) => Promise<T>) => {
          started += 1;
          if (started > n) throw new Error('killed');
          return target.transaction(fn);
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const deadlineNotices = async () => store.find('notices', { where: { kind: 'deadline' } });

test('several at a time: every due case reminded once, as one at a time would', async () => {
  const r = await runSweep(store, clock, { parallel: SWEEP_PARALLEL });
  expect(r.due).toBe(30);
  const notices = await deadlineNotices();
  expect(notices).toHaveLength(r.notices);
  expect(r.notices).toBe(60); // the handler and the first-ask person, due in 2 working days
  expect((await store.find('cases', { where: { nextReminderOn: { $lte: TODAY } } })).length).toBe(0);
  expect((await runSweep(store, clock, { parallel: SWEEP_PARALLEL })).due).toBe(0);
});

test('killed halfway with several at a time, then run again: nothing twice, nothing missed', async () => {
  await expect(runSweep(dyingAfter(store, 13), clock, { parallel: SWEEP_PARALLEL })).rejects.toThrow('killed');
  const half = (await deadlineNotices()).length;
  expect(half).toBeGreaterThan(0);
  expect(half).toBeLessThan(60);
  await runSweep(store, clock, { parallel: SWEEP_PARALLEL });
  await runSweep(store, clock, { parallel: SWEEP_PARALLEL });
  const notices = await deadlineNotices();
  expect(notices).toHaveLength(60);
  expect(new Set(notices.map((n) => `${n.userId} ${n.body}`)).size).toBe(60);
});
