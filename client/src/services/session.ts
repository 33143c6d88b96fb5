/**
 * Who is using the app on this device, and which center they look at. Kept in local storage so
 * the H5 role picker's choice and the villager's center survive a reload. In WeChat there is no
 * token: the caller is the WeChat account of each call itself, and the session only remembers
 * the user `account.me` answered (services/boot.ts).
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { PublicUser } from '@shared/domain/org';

const SESSION_KEY = 'session.v1';
const CENTER_KEY = 'center.v1';
const EVENT = 'session:changed';

export interface Session {
  /** The local host's dev token (H5 only); absent in WeChat. */
  token?: string;
  user: PublicUser;
}

export function getSession(): Session | null {
  const s = Taro.getStorageSync(SESSION_KEY) as Partial<Session> | '';
  if (!s || typeof s !== 'object' || !s.user || typeof s.user.id !== 'string') return null;
  if (s.token !== undefined && typeof s.token !== 'string') return null;
  return s as Session;
}

export function setSession(s: Session): void {
  Taro.setStorageSync(SESSION_KEY, s);
  setCenterId(s.user.centerId);
  Taro.eventCenter.trigger(EVENT);
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
  Taro.eventCenter.trigger(EVENT);
}

/** The session, re-rendered when it changes (WeChat sign-in finishing, an invite bound, sign-out). */
export function useSession(): Session | null {
  const [session, set] = useState<Session | null>(getSession);
  useEffect(() => {
    const on = () => set(getSession());
    Taro.eventCenter.on(EVENT, on);
    return () => {
      Taro.eventCenter.off(EVENT, on);
    };
  }, []);
  return session;
}

export function getCenterId(): string | null {
  const c = Taro.getStorageSync(CENTER_KEY) as string;
  return c || getSession()?.user.centerId || null;
}

export function setCenterId(id: string): void {
  Taro.setStorageSync(CENTER_KEY, id);
}

/** Forget the center too (after the account is erased). */
export function clearCenterId(): void {
  Taro.removeStorageSync(CENTER_KEY);
}
