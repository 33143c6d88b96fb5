/**
 * The entry of a deployed cloud function: `exports.main = cloudMain('catalog')`. The caller is
 * the WeChat OPENID that CloudBase puts in the call's context, bound to a user record (staff
 * bind theirs with an invite code from the admin — account.bindInvite).
 */
import type { User } from '../../../shared/domain/org';
import type { Reply } from '../../../shared/domain/errors';
import { systemClock } from '../clock';
import { dispatch, toErrorReply } from '../dispatch';
import type { Store } from '../store/port';
import { createStore, storeDriver } from './store-from-env';

let store: Store | null = null;

function sharedStore(): Store {
  // One store per warm container, reused across invocations.
  store ??= createStore();
  return store;
}

interface CallEvent {
  userInfo?: { openId?: string };
  [k: string]: unknown;
}

async function openIdOf(event: CallEvent): Promise<string | undefined> {
  if (storeDriver() !== 'cloudbase') return event.userInfo?.openId;
  const tcb = (await import('@cloudbase/node-sdk')).default;
  const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  const info = app.auth().getUserInfo();
  return info.openId || event.userInfo?.openId || undefined;
}

export function cloudMain(fnName: string) {
  return async function main(event: CallEvent, _context?: unknown): Promise<Reply<unknown>> {
    try {
      const s = sharedStore();
      const openId = await openIdOf(event ?? {});
      let caller: User | null = null;
      if (openId) {
        const [u] = await s.find('users', { where: { openId }, limit: 1 });
        caller = u ?? null;
      }
      return await dispatch(fnName, event, { store: s, clock: systemClock, caller, ...(openId ? { openId } : {}) });
    } catch (e) {
      return toErrorReply(e, fnName);
    }
  };
}
