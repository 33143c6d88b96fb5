/**
 * Who is using the app on this device, and which center they look at. Kept in local storage so
 * the H5 role picker's choice and the villager's center survive a reload.
 */
import Taro from '@tarojs/taro';
import type { PublicUser } from '@shared/domain/org';

const SESSION_KEY = 'session.v1';
const CENTER_KEY = 'center.v1';

export interface Session {
  token: string;
  user: PublicUser;
}

export function getSession(): Session | null {
  const s = Taro.getStorageSync(SESSION_KEY) as Session | '';
  return s && typeof s === 'object' && typeof s.token === 'string' ? s : null;
}

export function setSession(s: Session): void {
  Taro.setStorageSync(SESSION_KEY, s);
  setCenterId(s.user.centerId);
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}

export function getCenterId(): string | null {
  const c = Taro.getStorageSync(CENTER_KEY) as string;
  return c || getSession()?.user.centerId || null;
}

export function setCenterId(id: string): void {
  Taro.setStorageSync(CENTER_KEY, id);
}
