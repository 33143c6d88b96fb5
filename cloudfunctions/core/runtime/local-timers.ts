/**
 * The deployed timers, on the local host (TIMERS in deploy-manifest.ts): CloudBase runs the
 * deadline sweep at :30 past each hour from 08:30 to 17:30, Shanghai time; `npm start` runs the
 * same sweep on the host's clock — the demo clock too — once on start when within those hours, then
 * at every :30 it passes. Without it the local product sent no deadline reminder, complaint
 * escalation or calendar reminder until someone pressed 立即检查 (outside review, 2026-11-27).
 * The dispatcher has no local counterpart: the local host has no WeChat to push to.
 */
import { shanghaiDate, shanghaiTime } from '../../../shared/domain/time';
import type { Clock } from '../clock';
import type { Store } from '../store/port';
import { runSweep, SWEEP_PARALLEL, type SweepResult } from '../usecases/sweep';

/** The first and last hour whose :30 the sweep runs at (the cron's 8-17). */
const FIRST_HOUR = 8;
const LAST_HOUR = 17;

/** The run a moment belongs to: the latest hh:30 at or before it within the hours, or null. */
export function sweepSlot(now: Date): string | null {
  const [h, m] = shanghaiTime(now).split(':').map(Number) as [number, number];
  const hour = m >= 30 ? h : h - 1;
  return hour < FIRST_HOUR || hour > LAST_HOUR ? null : `${shanghaiDate(now)} ${String(hour).padStart(2, '0')}:30`;
}

export interface LocalTimers {
  /** Settles when the run on start (if any) has finished. */
  ready: Promise<void>;
  /** Runs the sweep if a new slot has begun since the last run; what it did, or null. */
  tick(): Promise<SweepResult | null>;
  stop(): void;
}

export function startLocalTimers(store: Store, clock: Clock, log: (line: string) => void, everyMs = 60_000): LocalTimers {
  let last: string | null = null;
  let running = false;
  const tick = async (): Promise<SweepResult | null> => {
    const slot = sweepSlot(clock.now());
    if (slot === null || slot === last || running) return null;
    running = true;
    try {
      const result = await runSweep(store, clock, { parallel: SWEEP_PARALLEL });
      last = slot;
      if (result.notices > 0) log(`到期提醒(${slot}):${result.due}件到期事项,发出${result.notices}条提醒。`);
      return result;
    } finally {
      running = false;
    }
  };
  const safeTick = (): Promise<void> =>
    tick().then(
      () => undefined,
      (e: unknown) => log(`到期提醒运行失败,下一分钟重试:${e instanceof Error ? e.message : String(e)}`),
    );
  const ready = safeTick();
  const timer = setInterval(() => void safeTick(), everyMs);
  timer.unref();
  return { ready, tick, stop: () => clearInterval(timer) };
}
