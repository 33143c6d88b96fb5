/**
 * What the weapp tests put in place of `@tarojs/taro` (jest.config.js maps it for test/weapp
 * only). The transport boundary is `cloud.callFunction`, a jest mock each test answers as
 * CloudBase would (`{ result: <the function's reply> }`); storage is an in-memory map that
 * copies values like WeChat's storage does; navigation and subscribe-message calls are mocks the
 * tests inspect. `jest.resetModules()` gives a fresh one.
 */
type Handler = (...args: unknown[]) => void;

const storage = new Map<string, string>();
const handlers = new Map<string, Set<Handler>>();

const ok = (name: string) => async () => ({ errMsg: `${name}:ok` });

const Taro = {
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(async (_req: { name: string; data: unknown }): Promise<{ result: unknown }> => {
      throw new Error('No reply set for callFunction in this test.');
    }),
  },
  getStorageSync: (key: string): unknown => {
    const v = storage.get(key);
    return v === undefined ? '' : (JSON.parse(v) as unknown);
  },
  setStorageSync: (key: string, value: unknown): void => {
    storage.set(key, JSON.stringify(value));
  },
  removeStorageSync: (key: string): void => {
    storage.delete(key);
  },
  eventCenter: {
    on: (event: string, fn: Handler) => {
      const set = handlers.get(event) ?? new Set<Handler>();
      set.add(fn);
      handlers.set(event, set);
    },
    off: (event: string, fn: Handler) => {
      handlers.get(event)?.delete(fn);
    },
    trigger: (event: string, ...args: unknown[]) => {
      for (const fn of handlers.get(event) ?? []) fn(...args);
    },
  },
  getLaunchOptionsSync: jest.fn(() => ({ path: 'pages/index/index', query: {} as Record<string, unknown>, scene: 1001 })),
  reLaunch: jest.fn(ok('reLaunch')),
  redirectTo: jest.fn(ok('redirectTo')),
  navigateTo: jest.fn(ok('navigateTo')),
  showToast: jest.fn(ok('showToast')),
  requestSubscribeMessage: jest.fn(async (_o: { tmplIds: string[] }): Promise<Record<string, string>> => ({ errMsg: 'requestSubscribeMessage:ok' })),
};

export type TaroStandIn = typeof Taro;
export default Taro;
