/**
 * Display preferences. Elderly mode (长辈模式, R-UX-2) is one setting that every page applies by
 * one class on its root; all text and spacing read CSS variables that this class enlarges.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

const KEY = 'prefs.v1';
const EVENT = 'prefs:changed';

export interface Prefs {
  elderly: boolean;
}

export function getPrefs(): Prefs {
  const p = Taro.getStorageSync(KEY) as Partial<Prefs> | '';
  return { elderly: typeof p === 'object' && p !== null && p.elderly === true };
}

export function setPrefs(next: Prefs): void {
  Taro.setStorageSync(KEY, next);
  Taro.eventCenter.trigger(EVENT, next);
}

export function usePrefs(): Prefs {
  const [prefs, set] = useState<Prefs>(getPrefs);
  useEffect(() => {
    const on = (p: Prefs) => set(p);
    Taro.eventCenter.on(EVENT, on);
    return () => {
      Taro.eventCenter.off(EVENT, on);
    };
  }, []);
  return prefs;
}
