/**
 * The typed API: `api.catalog.search({ centerId, q })`. Its shape and types come from the
 * registry in shared/contracts, so a page can only call what the server declares. In WeChat it
 * is wx.cloud.callFunction; in H5, fetch to the local host, with the very same `data`.
 */
import Taro from '@tarojs/taro';
import '@shared/contracts/locale';
import type { Api, FunctionName, Registry } from '@shared/contracts';
import type { ActionDef, FunctionDefs } from '@shared/contracts/define';
import { accountContract } from '@shared/contracts/account';
import { bookingContract } from '@shared/contracts/booking';
import { casesContract } from '@shared/contracts/cases';
import { catalogContract } from '@shared/contracts/catalog';
import { centerContract } from '@shared/contracts/center';
import { dutyContract } from '@shared/contracts/duty';
import { inboxContract } from '@shared/contracts/inbox';
import { residentsContract } from '@shared/contracts/residents';
import type { ErrorBody, ErrorCode, FieldIssue, Reply } from '@shared/domain/errors';
import { DEFAULT_MESSAGES } from '@shared/domain/errors';
import { clearSession, getSession } from './session';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorBody['details'];
  constructor(body: ErrorBody) {
    super(body.message);
    this.code = body.code;
    this.details = body.details;
  }
  /** Field issues, when the server (or the contract, locally) named them. */
  get fieldIssues(): FieldIssue[] {
    return Array.isArray(this.details) ? this.details : [];
  }
}

const newRequestId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

async function transport(fn: string, data: { action: string; input: unknown; requestId: string }): Promise<Reply<unknown>> {
  if (process.env.TARO_ENV === 'h5') {
    const session = getSession();
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (session?.token) headers.Authorization = `Bearer ${session.token}`;
    let res: Response;
    try {
      res = await fetch(`/fn/${fn}`, { method: 'POST', headers, body: JSON.stringify(data) });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: '对不起,网络连接失败,请检查网络后再试。' } };
    }
    try {
      return (await res.json()) as Reply<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } };
    }
  }
  try {
    const r = await Taro.cloud.callFunction({ name: fn, data });
    return r.result as Reply<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '对不起,网络连接失败,请检查网络后再试。' } };
  }
}

/** Calls one action: the contract's input schema checks it first, so a mistake shows at once. */
async function call(fn: FunctionName, def: ActionDef | undefined, action: string, input: unknown): Promise<unknown> {
  if (!def) throw new ApiError({ code: 'NOT_FOUND', message: DEFAULT_MESSAGES.NOT_FOUND });
  // The same schema the server applies: a mistake is shown at once, without a round trip.
  const checked = def.input.safeParse(input ?? {});
  if (!checked.success) {
    const details = checked.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
    throw new ApiError({ code: 'VALIDATION', message: details[0]?.message ?? DEFAULT_MESSAGES.VALIDATION, details });
  }
  const reply = await transport(fn, { action, input: input ?? {}, requestId: newRequestId() });
  if (!reply.ok) {
    if (reply.error.code === 'UNAUTHENTICATED') clearSession();
    throw new ApiError(reply.error);
  }
  return reply.data;
}

/**
 * The typed client of one cloud function, from its contract. A page imports the contract of the
 * function it calls, so a contract used only in a subpackage stays out of the main package
 * (WeChat's 2 MB per package; our budget is 600 KB for the main one, test/weapp/build.test.ts).
 */
export function bind<F extends FunctionName>(fn: F, contract: Registry[F]): Api[F] {
  const defs = contract as FunctionDefs;
  const out: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const action of Object.keys(defs)) out[action] = (input) => call(fn, defs[action], action, input);
  return out as unknown as Api[F];
}

/** The functions the main package's pages call. Subpackage-only functions have their own
 * binding module (client/src/services/fn/), imported only by their pages. */
type MainApi = Pick<Api, 'catalog' | 'account' | 'booking' | 'residents' | 'center' | 'inbox' | 'cases' | 'duty'>;

export const api: MainApi = {
  catalog: bind('catalog', catalogContract),
  account: bind('account', accountContract),
  booking: bind('booking', bookingContract),
  residents: bind('residents', residentsContract),
  center: bind('center', centerContract),
  inbox: bind('inbox', inboxContract),
  cases: bind('cases', casesContract),
  duty: bind('duty', dutyContract),
};

/** The message to show for any failure, courteous and with a next step (R-UX-1). */
export const messageOf = (e: unknown): string =>
  e instanceof ApiError ? e.message : DEFAULT_MESSAGES.INTERNAL;
