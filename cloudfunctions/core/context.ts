import type { User } from '../../shared/domain/org';
import type { Clock } from './clock';
import type { WechatSender } from './push/sender';
import type { TemplateConfig } from './push/templates';
import type { Store } from './store/port';

/** WeChat push: the sender (null where WeChat is unreachable), the templates, and why push is off if it is. */
export interface PushConfig {
  sender: WechatSender | null;
  templates: TemplateConfig;
  problem?: string | null;
}

/** Everything a use case may touch: the ports, and who is calling. */
export interface Ctx {
  store: Store;
  clock: Clock;
  /** The signed-in user, or null for an anonymous caller of a public action. */
  caller: User | null;
  /** In WeChat: the caller's OPENID, present even before it is bound to a user. */
  openId?: string;
  /** The client's id for this request; a retry carries the same one. */
  requestId?: string;
  /**
   * The deploy's one-time setup code for a center's first admin (SETUP_CODE of the `account`
   * function); absent locally and wherever it is not configured.
   */
  setupCode?: string;
  /** WeChat push: the sender (null where WeChat is unreachable) and the configured templates. */
  push?: PushConfig;
}

export const nowIso = (ctx: Pick<Ctx, 'clock'>): string => ctx.clock.now().toISOString();
