import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

declare const CLOUD_ENV_ID: string;

if (process.env.TARO_ENV === 'weapp') {
  // The CloudBase environment comes from the build (CLOUD_ENV_ID), never from code.
  Taro.cloud.init({ env: CLOUD_ENV_ID || undefined, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
