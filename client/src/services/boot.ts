/**
 * Sign-in in WeChat (issue 7). There is no token in the mini-program: the caller of every cloud
 * call is the WeChat account itself, and the server answers `account.me` from the call's
 * OPENID. On launch we ask who we are — with the center or invite the launch carries (a
 * mini-program code's `scene`, or `?c=` / `?i=` in the path) — and keep the answer as the
 * session:
 * - a user → the session (a first contact with a center makes a villager record);
 * - an invite `i=<8 digits>` → `account.bindInvite`, and the session becomes the staff member;
 * - no user (a first contact without a center) → the center chooser, which then calls
 *   `account.me({ centerId })`.
 * In the H5 app nothing happens here: the role picker's dev login is the session.
 */
import Taro from '@tarojs/taro';
import type { PublicUser } from '@shared/domain/org';
import { api, messageOf } from './api';
import { clearSession, setSession } from './session';
import { learnServerTime } from './clock';

export const CENTER_CHOOSER_URL = '/pages/centers/index';

/** What a launch says about the center and the invite. */
export interface LaunchParams {
  /** The decoded `scene` of a mini-program code ("c=<centerId>" or "i=<code>"), passed to `account.me` as it is. */
  scene?: string;
  /** A page path's `?c=<centerId>`. */
  centerId?: string;
  /** `i=<8 digits>`, from the scene or the path. */
  inviteCode?: string;
}

export type BootOutcome =
  | { state: 'signed-in'; user: PublicUser; created: boolean; bound: boolean; message: string | null }
  | { state: 'choose-center'; message: string | null }
  | { state: 'failed'; message: string }
  | { state: 'skipped' };

const CENTER_ID = /^[\w-]{1,64}$/;
const INVITE_CODE = /^\d{8}$/;

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** "a=1&b=2" → { a: '1', b: '2' } (WeChat's JS engine has no URLSearchParams). */
function pairs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.replace(/^\?/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out[decode(part.slice(0, eq))] = decode(part.slice(eq + 1));
  }
  return out;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The center and invite of a launch. A mini-program code's scene arrives URL-encoded in
 * `query.scene` ("c%3Dc-baisha"); a page path may carry `?c=<centerId>` or `?i=<code>` directly.
 */
export function launchParams(query: Record<string, unknown> | undefined): LaunchParams {
  const q = query ?? {};
  const rawScene = text(q.scene);
  const scene = rawScene ? decode(rawScene) : undefined;
  const fromScene = scene ? pairs(scene) : {};
  // A scene's center ("c=…") is read by the server from the scene itself.
  const c = text(q.c);
  const i = text(q.i) ?? fromScene.i;
  const out: LaunchParams = {};
  if (scene && scene.length <= 64) out.scene = scene;
  if (c && CENTER_ID.test(c)) out.centerId = c;
  if (i && INVITE_CODE.test(i)) out.inviteCode = i;
  return out;
}

/**
 * Asks the server who this WeChat user is, binds an invite the launch carries, and keeps the
 * user as the session. Without a user, opens the center chooser.
 */
export async function boot(query?: Record<string, unknown>): Promise<BootOutcome> {
  if (process.env.TARO_ENV !== 'weapp') return { state: 'skipped' };
  const p = launchParams(query);
  let user: PublicUser | null;
  let created = false;
  try {
    const r = await api.account.me({ ...(p.centerId ? { centerId: p.centerId } : {}), ...(p.scene ? { scene: p.scene } : {}) });
    learnServerTime(r.now);
    user = r.user;
    created = r.created;
  } catch (e) {
    return { state: 'failed', message: messageOf(e) };
  }
  let bound = false;
  let message: string | null = null;
  if (p.inviteCode) {
    try {
      user = (await api.account.bindInvite({ code: p.inviteCode })).user;
      bound = true;
      message = `绑定成功,欢迎您,${user.name}!`;
    } catch (e) {
      message = messageOf(e);
    }
  }
  if (user) {
    setSession({ user });
    return { state: 'signed-in', user, created, bound, message };
  }
  clearSession();
  try {
    await Taro.reLaunch({ url: CENTER_CHOOSER_URL });
  } catch {
    // The home also sends a user without a center to the chooser.
  }
  return { state: 'choose-center', message };
}

let current: { key: string; done: Promise<BootOutcome> } | null = null;

/**
 * Starts sign-in for a launch (or a hot start that brings a new code); a second call with the
 * same launch waits for the first. Without options, reads `Taro.getLaunchOptionsSync()`.
 */
export function startBoot(options?: { query?: Record<string, unknown> }): Promise<BootOutcome> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve({ state: 'skipped' });
  const query = (options ?? Taro.getLaunchOptionsSync()).query as Record<string, unknown> | undefined;
  const key = JSON.stringify(launchParams(query));
  if (current && current.key === key) return current.done;
  current = { key, done: boot(query) };
  return current.done;
}

/** Sign-in again after a failure (the home's 重试). */
export function restartBoot(): Promise<BootOutcome> {
  current = null;
  return startBoot();
}

/** The sign-in of this launch, once it is done (at once in the H5 app). */
export function whenBooted(): Promise<BootOutcome> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve({ state: 'skipped' });
  return current ? current.done : startBoot();
}

/**
 * The center chooser in WeChat, for a user not signed in yet: `account.me({ centerId })` makes
 * their villager record in the chosen center, and that user becomes the session.
 */
export async function signInAtCenter(centerId: string): Promise<PublicUser | null> {
  const r = await api.account.me({ centerId });
  learnServerTime(r.now);
  if (r.user) setSession({ user: r.user });
  return r.user;
}
