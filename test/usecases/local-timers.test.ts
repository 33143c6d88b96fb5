/**
 * The local host runs the deployed sweep timer on its own clock (outside review, 2026-11-27: the
 * demo sent no deadline or calendar reminder until someone pressed 立即检查). CloudBase's cron is
 * :30 past each hour from 08:30 to 17:30 Shanghai; the local timer runs each such slot once.
 */
import { ManualClock } from '../../cloudfunctions/core/clock';
import { startLocalTimers, sweepSlot } from '../../cloudfunctions/core/runtime/local-timers';
import { TIMERS } from '../../cloudfunctions/core/runtime/deploy-manifest';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { seededStore } from '../helpers/temp';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);

test.each([
  ['07:59', null],
  ['08:29', null],
  ['08:30', '2026-11-30 08:30'],
  ['09:10', '2026-11-30 08:30'],
  ['10:00', '2026-11-30 09:30'],
  ['17:45', '2026-11-30 17:30'],
  ['18:29', '2026-11-30 17:30'],
  ['18:30', null],
  ['23:59', null],
])('at %s the run due is %s (the cron says 8-17 at :30)', (time, slot) => {
  expect(TIMERS.sweep.cron).toBe('0 30 8-17 * * * *');
  expect(sweepSlot(at('2026-11-30', time))).toBe(slot);
});

describe('on a seeded store, the demo clock at Mon 2026-11-30 10:00', () => {
  let store: SqliteStore;
  let clock: ManualClock;
  const lines: string[] = [];
  beforeEach(async () => {
    ({ store, clock } = await seededStore(new ManualClock(at('2026-11-30', '10:00').toISOString())));
  });
  afterEach(async () => {
    await store.close();
  });

  test('runs at start, once per slot, again at the next :30; the admin gets the calendar reminder without anyone pressing a button', async () => {
    const timers = startLocalTimers(store, clock, (l) => lines.push(l), 3_600_000);
    try {
      // The first run started with the timers; a tick in the same slot does nothing.
      await timers.ready;
      expect(await timers.tick()).toBeNull();
      const admin = demoUserId('c-baisha', 'admin');
      expect((await store.find('notices', { where: { userId: admin } })).map((n) => n.title)).toContain('请录入2027年节假日安排');
      clock.set(at('2026-11-30', '10:31').toISOString());
      expect(await timers.tick()).not.toBeNull();
      expect(await timers.tick()).toBeNull();
      clock.set(at('2026-11-30', '18:40').toISOString());
      expect(await timers.tick()).toBeNull();
    } finally {
      timers.stop();
    }
  });
});
