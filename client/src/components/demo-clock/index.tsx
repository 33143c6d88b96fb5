import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { dateLabel, shanghaiDate, shanghaiTime } from '@shared/domain/time';
import { centerNow, syncWithHost, useDemoClock } from '../../services/clock';
import './index.scss';

/** "2026年11月30日 周一 10:00", the center's (Shanghai) date and time of an instant. */
export const demoTimeLabel = (at: Date): string => `${dateLabel(shanghaiDate(at))} ${shanghaiTime(at)}`;

/**
 * A banner on every page while the local host runs on a demo clock (DEMO_NOW, `GET /dev/clock`),
 * so nobody takes the demo time for the real one. Only the H5 app asks; a deployed function has
 * no demo clock. The app's own 今天 follows the same clock (services/clock.ts).
 */
export default function DemoClockBanner() {
  const demo = useDemoClock();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    void syncWithHost();
    // The shown minute follows the clock.
    const timer = setInterval(() => setTick((t) => t + 1), 20_000);
    return () => clearInterval(timer);
  }, []);
  if (!demo) return null;
  return <View className="demo-clock">演示时间:{demoTimeLabel(centerNow())}(非真实时间)</View>;
}
