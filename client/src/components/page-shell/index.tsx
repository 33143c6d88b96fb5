import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { usePrefs } from '../../services/prefs';
import DemoClockBanner from '../demo-clock';

/**
 * Every page's root: applies elderly mode (R-UX-2) with one class. In the H5 app, which has no
 * WeChat title bar, it also gives a way back, and shows the local host's demo time when it runs on one.
 */
export default function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const { elderly } = usePrefs();
  const canGoBack = process.env.TARO_ENV === 'h5' && Taro.getCurrentPages().length > 1;
  return (
    <View className={`page${elderly ? ' page--elder' : ''}${className ? ` ${className}` : ''}`}>
      {canGoBack && (
        <View className="back-bar" onClick={() => Taro.navigateBack()}>
          ‹ 返回
        </View>
      )}
      <DemoClockBanner />
      {children}
    </View>
  );
}
