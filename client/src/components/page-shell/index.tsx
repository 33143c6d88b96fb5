import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, type PropsWithChildren } from 'react';
import { usePrefs } from '../../services/prefs';
import DemoClockBanner from '../demo-clock';
import TabBar, { tabOf } from '../tab-bar';
import Tap from '../tap';

/** Pages that never offer the way home: the role picker (the home sends there) and the full-screen pad. */
const NO_HOME_LINK = ['/pages/login/', '/pad/'];

/**
 * Every page's root: applies elderly mode (R-UX-2) with one class. In the H5 app, which has no
 * WeChat title bar, it also gives a way back, and shows the local host's demo time when it runs on one.
 * On the tab pages (首页, 办事, 我的) it draws the tab bar.
 */
export default function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const { elderly } = usePrefs();
  const canGoBack = process.env.TARO_ENV === 'h5' && Taro.getCurrentPages().length > 1;
  // The tab bar (issue 11) on its three pages: this page's own route, fixed at its first render.
  const route = useRouter().path;
  const tab = tabOf(route);
  // Opened directly (a shared link, a notice, a reload) there is nothing to go back to: a way home
  // instead (issue 11). Not on the role picker, the home's own way in, nor on the window's rating pad.
  const homeOnly = process.env.TARO_ENV === 'h5' && !canGoBack && !tab && !NO_HOME_LINK.some((p) => `/${(route ?? '').replace(/^\//, '')}`.startsWith(p));
  // Taro's H5 page box scrolls by itself (.taro_page, overflow-y: scroll): a keyboard user must be
  // able to focus it to scroll it (WCAG 2.1.1; axe scrollable-region-focusable).
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    for (const el of Array.from(document.querySelectorAll('.taro_page:not([tabindex])'))) el.setAttribute('tabindex', '0');
  }, []);
  // Taro's H5 toast is drawn outside every page: the document says the mode, so app.scss enlarges it too.
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') document.documentElement.classList.toggle('elder-mode', elderly);
  }, [elderly]);
  return (
    <View className={`page${elderly ? ' page--elder' : ''}${tab ? ' page--tabbed' : ''}${className ? ` ${className}` : ''}`}>
      {canGoBack && (
        <Tap role="button" className="back-bar" label="返回上一页" onTap={() => void Taro.navigateBack()}>
          ‹ 返回
        </Tap>
      )}
      {homeOnly && (
        <Tap role="link" className="back-bar" label="回到首页" onTap={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
          ‹ 首页
        </Tap>
      )}
      <DemoClockBanner />
      {children}
      {tab && <TabBar current={tab.path} />}
    </View>
  );
}
