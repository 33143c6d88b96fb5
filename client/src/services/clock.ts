import { useState, useSyncExternalStore } from 'react';
import { addDays, shanghaiDate } from '@shared/domain/time';

/**
 * The center's clock on this device. A phone's clock may be wrong (an old phone in a village, a
 * battery swapped), and the local demo host runs on its own demo clock (DEMO_NOW): what the app
 * calls 今天 and 明天, the default date of an authorisation, the day board's day — all must be
 * the server's day, or a villager reads "后天" for today and comes a week late. So the app learns
 * how far the device is from the server: in WeChat from `account.me` (its `now`), in the H5 app
 * from the local host's `GET /dev/clock`; until then it trusts the device.
 */
let offsetMs = 0;
let demo = false;
const listeners = new Set<() => void>();

/** Records the server's time `iso`, read at `receivedAt` (device ms). */
export function learnServerTime(iso: string, receivedAt: number = Date.now()): void {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return;
  offsetMs = at - receivedAt;
  listeners.forEach((l) => l());
}

/** Now, by the center's clock. */
export const centerNow = (): Date => new Date(Date.now() + offsetMs);

/** Today in Shanghai by the center's clock, 'YYYY-MM-DD'. */
export const centerToday = (): string => shanghaiDate(centerNow());

/** Whether the host runs on a demo clock (H5 only; learnt with the time). */
export const onDemoClock = (): boolean => demo;

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Today by the center's clock; the component renders again when the server's time is learnt. */
export function useCenterToday(): string {
  return useSyncExternalStore(subscribe, centerToday, centerToday);
}

/**
 * A day the user picks, starting at the center's today plus `days`. The server's time may arrive
 * after the page first renders: until the user picks, the value follows today.
 */
export function useDayChoice(days = 0): [string, (date: string) => void] {
  const today = useCenterToday();
  const [picked, setPicked] = useState<string | null>(null);
  return [picked ?? addDays(today, days), setPicked];
}

/**
 * Form state whose first value depends on the center's today (an authorisation dated today):
 * it follows today until the user changes it, like useDayChoice.
 */
export function useTodayDefault<T>(initial: (today: string) => T): [T, (value: T) => void] {
  const today = useCenterToday();
  const [changed, setChanged] = useState<{ value: T } | null>(null);
  return [changed ? changed.value : initial(today), (value: T) => setChanged({ value })];
}

/** Re-renders when the server's time is learnt; returns whether it is a demo clock. */
export function useDemoClock(): boolean {
  return useSyncExternalStore(subscribe, onDemoClock, onDemoClock);
}

let asked: Promise<void> | null = null;

/**
 * The H5 app asks the local host once per load (`GET /dev/clock` → {now, demo}); a failed ask is
 * asked again at the next call. The deployed mini-program has no such route: it learns from
 * `account.me`.
 */
export function syncWithHost(): Promise<void> {
  if (process.env.TARO_ENV !== 'h5') return Promise.resolve();
  asked ??= fetch('/dev/clock')
    .then(async (res) => {
      if (!res.ok) return;
      const body = (await res.json()) as { now?: unknown; demo?: unknown };
      demo = body.demo === true;
      if (typeof body.now === 'string') learnServerTime(body.now);
    })
    .catch(() => {
      asked = null;
    });
  return asked;
}
