import Taro, { useDidShow, useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { launchParams, startBoot } from './services/boot';
import { syncWithHost } from './services/clock';
import './app.scss';

declare const CLOUD_ENV_ID: string;

if (process.env.TARO_ENV === 'weapp') {
  // The CloudBase environment comes from the build (CLOUD_ENV_ID), never from code.
  Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  // WeChat sign-in (issue 7): who this WeChat user is, from the launch's center or invite code.
  useLaunch(() => {
    // The center's clock, not the device's, counts 今天 (services/clock.ts).
    void syncWithHost();
    void startBoot();
  });
  // A hot start from another code (a staff member scanning their invite while the app is open).
  useDidShow((options?: { query?: Record<string, unknown> }) => {
    const p = launchParams(options?.query);
    if (p.scene || p.centerId || p.inviteCode) void startBoot(options);
  });
  return children;
}

export default App;
