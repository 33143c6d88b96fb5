/**
 * What each deployed function is, in one place: the build (scripts/build-functions.ts), the
 * cloud entry (runtime/cloud.ts) and the test of cloudbaserc.json all read it.
 *
 * CloudBase facts this follows (README, "Deploy to CloudBase", has the sources): a function may
 * carry ONE timer trigger (the WeChat cloud-development trigger docs and the CLI's 0.x docs say
 * the triggers array takes one entry); a function's timeout is 1–60 s (CLI configuration docs);
 * a timer event is { Type: 'Timer', TriggerName, Time, Message }; Node.js runtimes ship no
 * libraries, so what a function requires at run time is bundled or declared in its own folder.
 */
import { FUNCTION_NAMES, type FunctionName } from '../../../shared/contracts';

export const TIMERS = {
  /** Deadline reminders (R-CASE-5): every hour at :30 from 08:30 to 17:30, Shanghai time. */
  sweep: { trigger: 'sweep-hourly', cron: '0 30 8-17 * * * *' },
  /** WeChat subscribe messages from the outbox: every minute. */
  dispatch: { trigger: 'dispatch-every-minute', cron: '0 */1 * * * * *' },
} as const;
export type TimerJob = keyof typeof TIMERS;
export const TIMER_FUNCTIONS = Object.keys(TIMERS) as TimerJob[];

/** Creates the collections on a new environment and lists the indexes (run once, idempotent). */
export const SETUP_FUNCTION = 'setup';

export const ALL_FUNCTIONS: readonly string[] = [...FUNCTION_NAMES, ...TIMER_FUNCTIONS, SETUP_FUNCTION];

/**
 * Functions that may send a subscribe message (the dispatcher, and inbox.dispatch on demand):
 * only these declare wx-server-sdk and get the openapi permission.
 */
export const PUSH_FUNCTIONS: ReadonlySet<string> = new Set<string>(['dispatch', 'inbox'] satisfies Array<TimerJob | FunctionName>);

/** The longest a function may run on CloudBase (s); long jobs work in pages under this. */
export const MAX_TIMEOUT_S = 60;
