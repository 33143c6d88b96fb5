/** The port through which subscribe messages leave; the dispatcher treats a throw as "not sent". */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export interface WechatSender {
  send(message: SubscribeMessage): Promise<void>;
}

/**
 * WeChat's answers that no retry can change (the message itself, the user or the template is
 * wrong): 43101 the user has not subscribed (no quota left), 40003 invalid openid, 47003 data
 * not as the template's field types require, 40037 invalid template id, 41030 invalid page.
 */
export const PERMANENT_SEND_ERRORS: ReadonlySet<number> = new Set([43101, 40003, 47003, 40037, 41030]);

/** A refused send with WeChat's error code, when it gave one. */
export class SendError extends Error {
  constructor(
    readonly errCode: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'SendError';
  }
  get permanent(): boolean {
    return this.errCode !== null && PERMANENT_SEND_ERRORS.has(this.errCode);
  }
}

/** WeChat's code from whatever a sender threw (wx-server-sdk puts it on the error as errCode). */
export function sendErrorOf(e: unknown): SendError {
  if (e instanceof SendError) return e;
  const err = e as { errCode?: unknown; message?: unknown } | null;
  const code = typeof err?.errCode === 'number' ? err.errCode : null;
  return new SendError(code, String(err?.message ?? 'send failed').slice(0, 200));
}
