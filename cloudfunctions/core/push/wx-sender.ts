/**
 * Sends subscribe messages with wx-server-sdk's openapi (the function's config.json grants
 * `subscribeMessage.send`). wx-server-sdk is loaded on the first message actually sent, so a
 * function that never sends never needs it; only the functions that may send declare it in
 * their package.json (scripts/build-functions.ts, PUSH_FUNCTIONS).
 */
import { SendError, type SubscribeMessage, type WechatSender } from './sender';

interface SendResult {
  errCode?: number;
  errMsg?: string;
}
interface WxCloud {
  init(opts: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  openapi: { subscribeMessage: { send(msg: SubscribeMessage & { miniprogramState: string }): Promise<SendResult> } };
}

/** Which version of the mini-program a tap opens: formal unless set to trial or developer. */
export const miniprogramState = (env: NodeJS.ProcessEnv = process.env): string =>
  env.WX_MINIPROGRAM_STATE === 'trial' || env.WX_MINIPROGRAM_STATE === 'developer' ? env.WX_MINIPROGRAM_STATE : 'formal';

export class WxSubscribeSender implements WechatSender {
  private cloud: WxCloud | null = null;

  private wx(): WxCloud {
    if (!this.cloud) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const cloud = require('wx-server-sdk') as WxCloud;
      cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
      this.cloud = cloud;
    }
    return this.cloud;
  }

  async send(message: SubscribeMessage): Promise<void> {
    let res: SendResult;
    try {
      res = await this.wx().openapi.subscribeMessage.send({ ...message, miniprogramState: miniprogramState() });
    } catch (e) {
      const err = e as { errCode?: unknown; errMsg?: unknown; message?: unknown };
      throw new SendError(typeof err.errCode === 'number' ? err.errCode : null, String(err.errMsg ?? err.message ?? 'subscribeMessage.send failed').slice(0, 200));
    }
    if (res.errCode !== undefined && res.errCode !== 0) throw new SendError(res.errCode, `subscribeMessage.send ${res.errCode} ${res.errMsg ?? ''}`.trim());
  }
}

let shared: WxSubscribeSender | null = null;

/** One sender per warm container: what the push functions' entries hand to the runtime. */
export const wxSender = (): WxSubscribeSender => (shared ??= new WxSubscribeSender());
