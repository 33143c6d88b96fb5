/**
 * The entries of the deployed cloud functions: `exports.main = cloudMain('catalog')`.
 *
 * Identity comes only from the call's context, which CloudBase fills: WX_OPENID for a call from
 * the mini-program (context.environment, or the process environment on older runtimes). The
 * event is whatever the client sent — its `userInfo` is never trusted. The clock is always the
 * system's (a local demo clock is never honoured here).
 */
import type { Reply } from '../../../shared/domain/errors';
import { AppError } from '../../../shared/domain/errors';
import type { User } from '../../../shared/domain/org';
import { systemClock } from '../clock';
import type { PushConfig } from '../context';
import { dispatch, toErrorReply } from '../dispatch';
import type { WechatSender } from '../push/sender';
import { loadTemplates } from '../push/templates';
import type { Store } from '../store/port';
import { runDispatch } from '../usecases/outbox-dispatch';
import { runSetup } from '../usecases/setup';
import { runSweep, SWEEP_PARALLEL } from '../usecases/sweep';
import { sameSecret } from '../identity/secrets';
import { MAX_TIMEOUT_S, PUSH_FUNCTIONS, TIMERS, type TimerJob } from './deploy-manifest';
import { createStore, storeDriver } from './store-from-env';

let store: Store | null = null;

function sharedStore(): Store {
  // One store per warm container, reused across invocations; a failed start is retried next call.
  if (!store) {
    try {
      store = createStore();
    } catch (e) {
      console.error(`[store] 无法连接数据库:${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }
  return store;
}

/**
 * A safety net, not a way of working: every promise this code starts is awaited, but a library
 * may leave one of its own unhandled, and Node's default would end the container in the middle
 * of other calls. Logged by kind only (never inputs).
 */
let netInstalled = false;
function installRejectionNet(): void {
  if (netInstalled) return;
  netInstalled = true;
  process.on('unhandledRejection', (reason: unknown) => {
    const r = reason as { name?: unknown; code?: unknown } | null;
    console.error(`[runtime] unhandled rejection from a library: ${String(r?.name ?? 'Error')} ${String(r?.code ?? '')}`.trim());
  });
}

/** The call's context as CloudBase passes it as main's second argument. */
export interface CallContext {
  environment?: unknown;
  environ?: unknown;
  [k: string]: unknown;
}

/** Who is calling, as CloudBase tells it: WeChat's OPENID, or a CloudBase end-user id. */
export interface CallerIdentity {
  openId: string | null;
  /** TCB_UUID: an end user of the web SDK (anonymous or signed in); never a timer. */
  endUserId: string | null;
}

function contextEnvironment(context: unknown): Record<string, string> {
  const c = (context ?? {}) as CallContext;
  const out: Record<string, string> = {};
  if (typeof c.environment === 'string') {
    try {
      const parsed = JSON.parse(c.environment) as Record<string, unknown>;
      for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') out[k] = v;
    } catch {
      // An unreadable context carries no identity.
    }
  } else if (typeof c.environ === 'string') {
    // Older runtimes: "KEY=value;KEY=value".
    for (const pair of c.environ.split(';')) {
      const i = pair.indexOf('=');
      if (i > 0) out[pair.slice(0, i)] = pair.slice(i + 1);
    }
  }
  return out;
}

/**
 * The caller from the context (the same sources @cloudbase/node-sdk's getCloudbaseContext
 * reads): the context's environment first, then the process environment for the keys the
 * platform lists in WX_CONTEXT_KEYS / TCB_CONTEXT_KEYS.
 */
export function identityOf(context: unknown, env: NodeJS.ProcessEnv = process.env): CallerIdentity {
  const fromContext = contextEnvironment(context);
  const listed = new Set(`${fromContext.WX_CONTEXT_KEYS ?? env.WX_CONTEXT_KEYS ?? ''},${fromContext.TCB_CONTEXT_KEYS ?? env.TCB_CONTEXT_KEYS ?? ''}`.split(','));
  const read = (key: string): string | null => fromContext[key] || (listed.has(key) ? env[key] : undefined) || null;
  return { openId: read('WX_OPENID'), endUserId: read('TCB_UUID') };
}

let loggedPushProblem = false;
let pushConfig: PushConfig | null = null;

/**
 * Push settings per container. Only the push functions (PUSH_FUNCTIONS: their entries pass a
 * sender, so only their bundles contain wx-server-sdk's require) send; the sender loads
 * wx-server-sdk on its first message. A bad template configuration turns push off with one log
 * line and never breaks a call.
 */
function pushFor(fnName: string, sender: (() => WechatSender) | undefined): PushConfig {
  if (!pushConfig) {
    const loaded = loadTemplates();
    if (loaded.problem && !loggedPushProblem) {
      loggedPushProblem = true;
      console.warn(`[push] 微信订阅消息已关闭:${loaded.problem}`);
    }
    pushConfig = { sender: null, ...loaded };
  }
  const canSend = sender !== undefined && PUSH_FUNCTIONS.has(fnName) && storeDriver() === 'cloudbase' && !pushConfig.problem;
  return { ...pushConfig, sender: canSend ? sender() : null };
}

/** How a push function's entry hands its WeChat sender to the runtime. */
export interface EntryOptions {
  sender?: () => WechatSender;
}

/** The deploy's setup code for a center's first admin, when it is long enough to be a secret. */
function setupCode(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const code = env.SETUP_CODE?.trim();
  return code && code.length >= 12 ? code : undefined;
}

async function callerOf(s: Store, openId: string | null): Promise<User | null> {
  if (!openId) return null;
  const [u] = await s.find('users', { where: { openId }, limit: 1 });
  return u ?? null;
}

export function cloudMain(fnName: string, opts: EntryOptions = {}) {
  installRejectionNet();
  return async function main(event: unknown, context?: unknown): Promise<Reply<unknown>> {
    try {
      const s = sharedStore();
      const { openId } = identityOf(context);
      const caller = await callerOf(s, openId);
      const code = fnName === 'account' ? setupCode() : undefined;
      return await dispatch(fnName, event ?? {}, {
        store: s,
        clock: systemClock,
        caller,
        push: pushFor(fnName, opts.sender),
        ...(openId ? { openId } : {}),
        ...(code ? { setupCode: code } : {}),
      });
    } catch (e) {
      return toErrorReply(e, fnName);
    }
  };
}

/** A timer trigger's event, as CloudBase sends it. */
export function isTimerCall(job: TimerJob, event: unknown, context: unknown): boolean {
  const ev = (event ?? {}) as { Type?: unknown; TriggerName?: unknown };
  const who = identityOf(context);
  // A client can send any event, but it cannot remove its own identity from the context.
  return ev.Type === 'Timer' && ev.TriggerName === TIMERS[job].trigger && !who.openId && !who.endUserId;
}

/** Leave this much of the 60 s for the last case and the reply. */
const SAFETY_MS = 10_000;

/**
 * The entry of a timer function (cloudbaserc.json triggers): the deadline sweep or the outbox
 * dispatcher. It refuses any call that is not its timer. Each run is safe to repeat or to
 * overlap with the next, and stops in time: what is left is done on the next tick.
 */
export function timerMain(job: TimerJob, opts: EntryOptions & { timeoutS?: number } = {}) {
  const timeoutS = opts.timeoutS ?? MAX_TIMEOUT_S;
  installRejectionNet();
  return async function main(event?: unknown, context?: unknown): Promise<Reply<unknown>> {
    if (!isTimerCall(job, event, context)) {
      console.warn(`[timer ${job}] refused a call that is not its timer trigger`);
      return toErrorReply(new AppError('FORBIDDEN', '对不起,这是中心的定时任务,只能由定时触发器运行。'), `timer ${job}`);
    }
    try {
      const s = sharedStore();
      const stopAt = Date.now() + timeoutS * 1000 - SAFETY_MS;
      const data =
        job === 'sweep'
          ? await runSweep(s, systemClock, { shouldStop: () => Date.now() >= stopAt, parallel: SWEEP_PARALLEL })
          : await runDispatch({ store: s, clock: systemClock, ...pushFor(job, opts.sender) });
      return { ok: true, data };
    } catch (e) {
      return toErrorReply(e, `timer ${job}`);
    }
  };
}

/**
 * The entry of the `setup` function. Allowed to a center's admin calling from the mini-program,
 * or to a call without any end-user identity (the CLI, `tcb fn invoke setup`) that carries the
 * deploy's SETUP_CODE; everyone else is refused.
 */
export function setupMain() {
  installRejectionNet();
  return async function main(event?: unknown, context?: unknown): Promise<Reply<unknown>> {
    try {
      const ev = (event ?? {}) as { setupCode?: unknown; organisation?: unknown };
      const who = identityOf(context);
      const s = sharedStore();
      const code = setupCode();
      let allowed = false;
      if (who.openId) allowed = (await callerOf(s, who.openId))?.role === 'admin';
      else if (!who.endUserId && code && typeof ev.setupCode === 'string') allowed = sameSecret(code, ev.setupCode);
      if (!allowed) throw new AppError('FORBIDDEN', '对不起,初始化只能由中心管理员或部署人员(凭初始化口令)运行。');
      const data = await runSetup(s, systemClock, ev.organisation);
      console.log(`[setup] 已创建集合 ${data.collections.created.length} 个,已存在 ${data.collections.existing.length} 个。请在云开发控制台为以下集合添加索引:\n${data.indexes.join('\n')}`);
      return { ok: true, data };
    } catch (e) {
      return toErrorReply(e, 'setup');
    }
  };
}
