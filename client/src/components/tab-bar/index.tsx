import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Tap from '../tap';

/** The three places a villager knows from government apps (issue 11): home, the services, me. */
export const TABS = [
  { path: 'pages/index/index', text: '首页' },
  { path: 'pages/catalog/index', text: '办事' },
  { path: 'pages/me/index', text: '我的' },
] as const;

/** The tab page `path` is (with or without its leading slash and query), or null. */
export function tabOf(path: string | undefined): (typeof TABS)[number] | null {
  const bare = (path ?? '').replace(/^\//, '').split('?')[0];
  return TABS.find((t) => t.path === bare) ?? null;
}

/**
 * The tab bar, drawn by the page itself rather than WeChat's tabBar: the native bar keeps its
 * small type in 长辈模式, tab pages can only be opened with switchTab and without a query (the
 * home's window links open the catalog with one), and a custom-tab-bar lives outside the pages'
 * 长辈模式 class. This one is the app's own markup — the same in the weapp and H5, sized from the
 * tokens. A tap starts afresh on the tab's page (reLaunch), as a tab bar does.
 */
export default function TabBar({ current }: { current: string }) {
  return (
    <View className="tab-bar" role="tablist" aria-label="主要栏目">
      {TABS.map((t) => {
        const on = t.path === current;
        return (
          <Tap
            key={t.path}
            role="tab"
            className={`tab-bar__tab${on ? ' tab-bar__tab--on' : ''}`}
            selected={on}
            onTap={() => {
              if (!on) void Taro.reLaunch({ url: `/${t.path}` });
            }}
          >
            {t.text}
          </Tap>
        );
      })}
    </View>
  );
}
