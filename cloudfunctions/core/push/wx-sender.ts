/**
 * Sends subscribe messages with wx-server-sdk's openapi (the function's config.json grants
 * `subscribeMessage.send`). Only inside CloudBase: locally there is no WeChat to send to.
 */
import type { SubscribeMessage, WechatSender } from './sender';

interface WxCloud {
  init(opts: { env: unknown }): void;
  DYNAMIC_CURRENT_ENV: unknown;
  openapi: { subscribeMessage: { send(msg: SubscribeMessage & { miniprogramState: string }): Promise<{ errCode?: number; errMsg?: string }> } };
}

export class WxSubscribeSender implements WechatSender {
  private readonly cloud: WxCloud;

  constructor() {
    // Loaded lazily so that only the functions that push need wx-server-sdk.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.cloud = require('wx-server-sdk') as WxCloud;
    this.cloud.init({ env: this.cloud.DYNAMIC_CURRENT_ENV });
  }

  async send(message: SubscribeMessage): Promise<void> {
    const res = await this.cloud.openapi.subscribeMessage.send({ ...message, miniprogramState: process.env.WX_MINIPROGRAM_STATE ?? 'formal' });
    if (res.errCode !== undefined && res.errCode !== 0) throw new Error(`subscribeMessage.send ${res.errCode}`);
  }
}
