/**
 * The one dispatcher behind every cloud function, locally and in the cloud: checks the event,
 * finds the action in the registry, checks the caller's role, validates the input with the
 * contract's schema, runs the use case and validates its output. Errors become coded replies;
 * nothing else (no stack, no raw exception) reaches the caller.
 */
import { z } from 'zod';
import { registry, type FunctionName } from '../../shared/contracts';
import type { ActionDef } from '../../shared/contracts/define';
import { AppError, isAppError, type FieldIssue, type Reply } from '../../shared/domain/errors';
import type { Ctx } from './context';
import { handlers } from './handlers';

/** Exactly the `data` the mini-program passes to wx.cloud.callFunction. */
const eventSchema = z.object({
  action: z.string({ error: '请求缺少 action' }).min(1, '请求缺少 action').max(64),
  input: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string().max(128).optional(),
});

export const zodIssues = (issues: ReadonlyArray<z.core.$ZodIssue>): FieldIssue[] =>
  issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));

const isFunctionName = (name: string): name is FunctionName => Object.prototype.hasOwnProperty.call(registry, name);

type AnyHandler = (ctx: Ctx, input: unknown) => Promise<unknown>;

export interface ResolvedAction {
  def: ActionDef;
  run: AnyHandler;
}

export function resolveAction(fnName: string, action: string): ResolvedAction {
  if (!isFunctionName(fnName)) {
    throw new AppError('NOT_FOUND', '对不起,没有这项服务功能,请更新小程序后再试。', { function: fnName });
  }
  const defs: Record<string, ActionDef> = registry[fnName];
  const fnHandlers = handlers[fnName] as unknown as Record<string, AnyHandler>;
  if (!Object.prototype.hasOwnProperty.call(defs, action)) {
    throw new AppError('NOT_FOUND', '对不起,没有这项操作,请更新小程序后再试。', { function: fnName, action });
  }
  return { def: defs[action] as ActionDef, run: fnHandlers[action] as AnyHandler };
}

export function checkRole(def: ActionDef, ctx: Pick<Ctx, 'caller'>): void {
  if (def.roles === 'public') return;
  if (!ctx.caller) throw new AppError('UNAUTHENTICATED');
  if (!def.roles.includes(ctx.caller.role)) throw new AppError('FORBIDDEN');
}

export function toErrorReply(e: unknown, where: string): Reply<never> {
  if (isAppError(e)) return { ok: false, error: e.toBody() };
  // Log the kind of failure only: inputs may hold ID numbers and phones, which never go to logs.
  const err = e as { name?: unknown; code?: unknown };
  console.error(`[${where}] internal error: ${String(err.name ?? 'Error')} ${String(err.code ?? '')}`.trim());
  return { ok: false, error: new AppError('INTERNAL').toBody() };
}

export async function dispatch(fnName: string, event: unknown, ctx: Ctx): Promise<Reply<unknown>> {
  let where = fnName;
  try {
    const ev = eventSchema.safeParse(event);
    if (!ev.success) {
      throw new AppError('VALIDATION', '请求格式不正确,请更新小程序后再试。', zodIssues(ev.error.issues));
    }
    where = `${fnName}.${ev.data.action}`;
    const { def, run } = resolveAction(fnName, ev.data.action);
    checkRole(def, ctx);
    const input = def.input.safeParse(ev.data.input ?? {});
    if (!input.success) {
      const issues = zodIssues(input.error.issues);
      // One problem: say it plainly; several: the general request, each named in details.
      throw new AppError('VALIDATION', issues.length === 1 ? issues[0]?.message : undefined, issues);
    }
    const output = await run(ev.data.requestId ? { ...ctx, requestId: ev.data.requestId } : ctx, input.data);
    // Parsing the output strips every field the contract does not publish.
    return { ok: true, data: def.output.parse(output) };
  } catch (e) {
    return toErrorReply(e, where);
  }
}
