/** The in-app inbox. */
import type { inboxContract } from '../../../shared/contracts/inbox';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import { AppError } from '../../../shared/domain/errors';
import { nowIso, type Ctx } from '../context';
import { requireCaller } from './guards';

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
