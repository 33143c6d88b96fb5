import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, type PropsWithChildren } from 'react';
import { usePrefs } from '../../services/prefs';
import DemoClockBanner from '../demo-clock';
import TabBar, { tabOf } from '../tab-bar';
import Tap from '../tap';

/**
 * Every page's root: applies elderly mode (R-UX-2) with one class. In the H5 app, which has no
 * WeChat title bar, it also gives a way back, and shows the local host's demo time when it runs on one.
 * On the tab pages (首页, 办事, 我的) it draws the tab bar.
 */
export default function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const { elderly } = usePrefs();
  const canGoBack = process.env.TARO_ENV === 'h5' && Taro.getCurrentPages().length > 1;
  // The tab bar (issue 11) on its three pages: this page's own route, fixed at its first render.
  const tab = tabOf(useRouter().path);
  // Taro's H5 page box scrolls by itself (.taro_page, overflow-y: scroll): a keyboard user must be
  // able to focus it to scroll it (WCAG 2.1.1; axe scrollable-region-focusable).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    for (const el of Array.from(document.querySelectorAll('.taro_page:not([tabindex])'))) el.setAttribute('tabindex', '0');
  }, []);
  return (
    <View className={`page${elderly ? ' page--elder' : ''}${tab ? ' page--tabbed' : ''}${className ? ` ${className}` : ''}`}>
      {canGoBack && (
        <Tap role="button" className="back-bar" label="返回上一页" onTap={() => void Taro.navigateBack()}>
          ‹ 返回
        </Tap>
      )}
      <DemoClockBanner />
      {children}
      {tab && <TabBar current={tab.path} />}
    </View>
  );
}
