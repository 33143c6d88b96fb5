import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { dateLabel, shanghaiDate, shanghaiTime } from '@shared/domain/time';
import './index.scss';

/**
 * The local host's demo clock (DEMO_NOW, `GET /dev/clock`): how far the host's time is from this
 * device's, or null when the host runs on real time. Asked once per app load (the demo clock runs
 * on with real time, so the difference stays); a failed ask is asked again on the next page.
 */
let offset: Promise<number | null> | null = null;

function demoOffset(): Promise<number | null> {
  offset ??= fetch('/dev/clock')
    .then(async (res) => {
      if (!res.ok) return null;
      const body = (await res.json()) as { now?: unknown; demo?: unknown };
      const at = typeof body.now === 'string' ? Date.parse(body.now) : Number.NaN;
      return body.demo === true && !Number.isNaN(at) ? at - Date.now() : null;
    })
    .catch(() => {
      offset = null;
      return null;
    });
  return offset;
}

/** "2026年11月30日 周一 10:00", the center's (Shanghai) date and time of an instant. */
export const demoTimeLabel = (at: Date): string => `${dateLabel(shanghaiDate(at))} ${shanghaiTime(at)}`;

/**
 * A banner on every page while the local host runs on a demo clock, so nobody takes the demo time
 * for the real one. Only the H5 app asks; a deployed function has no demo clock.
 */
export default function DemoClockBanner() {
  const [diff, setDiff] = useState<number | null>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    let live = true;
    void demoOffset().then((d) => {
      if (live) setDiff(d);
    });
    // The shown minute follows the clock.
    const timer = setInterval(() => setTick((t) => t + 1), 20_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (diff === null) return null;
  return <View className="demo-clock">演示时间:{demoTimeLabel(new Date(Date.now() + diff))}(非真实时间)</View>;
}
