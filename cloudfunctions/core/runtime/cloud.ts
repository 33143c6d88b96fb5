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
import type { WechatSender } from '../push/sender';
import { templatesFromEnv } from '../push/templates';
import { runDispatch } from '../usecases/outbox-dispatch';
import { runSweep } from '../usecases/sweep';
import { createStore, storeDriver } from './store-from-env';

let store: Store | null = null;
let sender: WechatSender | null | undefined;

/** In CloudBase: wx-server-sdk's subscribeMessage.send; elsewhere none (in-app only). */
function sharedSender(): WechatSender | null {
  if (sender === undefined) {
    if (storeDriver() === 'cloudbase') {
      const { WxSubscribeSender } = require('../push/wx-sender') as typeof import('../push/wx-sender');
      sender = new WxSubscribeSender();
    } else {
      sender = null;
    }
  }
  return sender;
}

const push = () => ({ sender: sharedSender(), templates: templatesFromEnv() });

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
      return await dispatch(fnName, event, { store: s, clock: systemClock, caller, push: push(), ...(openId ? { openId } : {}) });
    } catch (e) {
      return toErrorReply(e, fnName);
    }
  };
}

/**
 * The entry of a timer function (cloudbaserc.json triggers): the deadline sweep or the outbox
 * dispatcher. Each run is safe to repeat or to overlap with the next.
 */
export function timerMain(job: 'sweep' | 'dispatch') {
  return async function main(_event?: unknown, _context?: unknown): Promise<Reply<unknown>> {
    try {
      const s = sharedStore();
      const data = job === 'sweep' ? await runSweep(s, systemClock) : await runDispatch({ store: s, clock: systemClock, ...push() });
      return { ok: true, data };
    } catch (e) {
      return toErrorReply(e, `timer ${job}`);
    }
  };
}
