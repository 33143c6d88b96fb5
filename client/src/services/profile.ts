/** The villager's own name on their record (issue 7): asked for once, changed on 我的资料. */
import Taro from '@tarojs/taro';
import type { PublicUser } from '@shared/domain/org';

/** The name the server gives a villager's record made on first contact in WeChat (usecases/account.ts). */
export const NEW_VILLAGER_NAME = '微信用户';
export const PROFILE_URL = '/account/profile/index';
const PROMPTED_KEY = 'profile-prompted.v1';

/** A villager whose record still carries the placeholder name. */
export const needsProfile = (user: PublicUser): boolean => user.role === 'villager' && user.name === NEW_VILLAGER_NAME;

/** True the first time only: the home asks once, then leaves it to 我的 → 我的资料. */
export function takeProfilePrompt(): boolean {
  if (Taro.getStorageSync(PROMPTED_KEY)) return false;
  Taro.setStorageSync(PROMPTED_KEY, true);
  return true;
}
