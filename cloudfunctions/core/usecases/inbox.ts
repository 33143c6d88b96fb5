/** The in-app inbox. */
import type { inboxContract } from '../../../shared/contracts/inbox';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import { AppError } from '../../../shared/domain/errors';
import { nowIso, type Ctx } from '../context';
import { requireCaller } from './guards';
import { consentId, runDispatch } from './outbox-dispatch';
import { NOTICE_KINDS } from '../../../shared/domain/notices';

type I = typeof inboxContract;
type In<K extends keyof I> = ActionParsedInput<I[K]>;
type Out<K extends keyof I> = ActionOutput<I[K]>;

const PAGE = 100;

export async function list(ctx: Ctx, _input: In<'list'>): Promise<Out<'list'>> {
  const user = requireCaller(ctx);
  const [notices, unread] = await Promise.all([
    ctx.store.find('notices', { where: { userId: user.id }, orderBy: [['createdAt', 'desc']], limit: PAGE }),
    ctx.store.count('notices', { userId: user.id, readAt: null }),
  ]);
  return { notices, unread };
}

export async function markRead(ctx: Ctx, input: In<'markRead'>): Promise<Out<'markRead'>> {
  const user = requireCaller(ctx);
  const at = nowIso(ctx);
  if (input.noticeId) {
    const n = await ctx.store.get('notices', input.noticeId);
    if (!n || n.userId !== user.id) throw new AppError('NOT_FOUND', '对不起,没有找到该通知,请刷新后再试。');
    if (!n.readAt) await ctx.store.update('notices', n.id, { set: { readAt: at } });
    return { ok: true };
  }
  const unread = await ctx.store.find('notices', { where: { userId: user.id, readAt: null } });
  for (const n of unread) await ctx.store.update('notices', n.id, { set: { readAt: at } }, { readAt: null });
  return { ok: true };
}

export async function templates(ctx: Ctx, _input: In<'templates'>): Promise<Out<'templates'>> {
  requireCaller(ctx);
  const config = ctx.push?.templates ?? {};
  return { templates: NOTICE_KINDS.flatMap((kind) => (config[kind] ? [{ kind, templateId: config[kind].id }] : [])) };
}

export async function recordConsent(ctx: Ctx, input: In<'recordConsent'>): Promise<Out<'recordConsent'>> {
  const user = requireCaller(ctx);
  const known = new Set(Object.values(ctx.push?.templates ?? {}).map((t) => t.id));
  const accepted = [...new Set(input.accepted)];
  // Every template is checked before anything is written (issue 8.5): a refused request writes nothing.
  const unknown = accepted.filter((templateId) => !known.has(templateId));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION',
      '该消息模板未配置,请更新小程序后再试。',
      unknown.map((templateId) => ({ field: 'accepted', message: `未知的模板 ${templateId}` })),
    );
  }
  // All accepts count together or none does.
  return ctx.store.transaction(async (tx) => {
    const remaining: Record<string, number> = {};
    for (const templateId of accepted) {
      const id = consentId(user.id, templateId);
      const cur = await tx.get('consents', id);
      if (cur) await tx.update('consents', id, { inc: { remaining: 1 } });
      else await tx.insert('consents', { id, userId: user.id, templateId, remaining: 1 });
      remaining[templateId] = (cur?.remaining ?? 0) + 1;
    }
    return { remaining };
  });
}

export async function parked(ctx: Ctx, _input: In<'parked'>): Promise<Out<'parked'>> {
  const user = requireCaller(ctx);
  const entries = await ctx.store.find('outbox', { where: { centerId: user.centerId, status: 'parked' }, orderBy: [['createdAt', 'desc']] });
  const names = new Map((await ctx.store.find('users', { where: { centerId: user.centerId } })).map((u) => [u.id, u.name]));
  return { entries: entries.map((e) => ({ ...e, userName: names.get(e.userId) ?? '' })) };
}

export async function retryParked(ctx: Ctx, input: In<'retryParked'>): Promise<Out<'retryParked'>> {
  const user = requireCaller(ctx);
  const ok = await ctx.store.update(
    'outbox',
    input.outboxId,
    { set: { status: 'pending', attempts: 0, nextAttemptAt: nowIso(ctx), leaseUntil: '' } },
    { centerId: user.centerId, status: 'parked' },
  );
  if (!ok) throw new AppError('NOT_FOUND', '对不起,没有找到这条待处理的消息,可能已重新发送,请刷新后查看。');
  return { ok: true };
}

export async function pushStatus(ctx: Ctx, _input: In<'pushStatus'>): Promise<Out<'pushStatus'>> {
  requireCaller(ctx);
  const config = ctx.push?.templates ?? {};
  const kinds = NOTICE_KINDS.filter((k) => config[k]);
  const problem = ctx.push?.problem ?? (ctx.push?.sender ? null : '本地运行,未连接微信;提醒只在站内消息中送达');
  return { on: Boolean(ctx.push?.sender) && kinds.length > 0 && !ctx.push?.problem, kinds, problem };
}

export async function dispatch(ctx: Ctx, _input: In<'dispatch'>): Promise<Out<'dispatch'>> {
  const user = requireCaller(ctx);
  return runDispatch({ store: ctx.store, clock: ctx.clock, sender: ctx.push?.sender ?? null, templates: ctx.push?.templates ?? {}, problem: ctx.push?.problem ?? null, centerId: user.centerId });
}
