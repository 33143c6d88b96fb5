/** Who the caller is, and how a staff member's WeChat account is bound to their user record. */
import crypto from 'node:crypto';
import type { accountContract } from '../../../shared/contracts/account';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import { AppError } from '../../../shared/domain/errors';
import { toPublicUser, type User } from '../../../shared/domain/org';
import { nowIso, type Ctx } from '../context';
import { appendAudit } from './audit';
import { requireCaller, requireSameCenter } from './guards';

type A = typeof accountContract;
type In<K extends keyof A> = ActionParsedInput<A[K]>;
type Out<K extends keyof A> = ActionOutput<A[K]>;

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function me(ctx: Ctx, _input: In<'me'>): Promise<Out<'me'>> {
  return { user: toPublicUser(requireCaller(ctx)) };
}

export async function issueInvite(ctx: Ctx, input: In<'issueInvite'>): Promise<Out<'issueInvite'>> {
  const admin = requireCaller(ctx);
  const target = await ctx.store.get('users', input.userId);
  if (!target) throw new AppError('NOT_FOUND', '对不起,没有找到该工作人员,请刷新人员名单后再试。');
  requireSameCenter(admin, target.centerId, '人员管理');
  if (target.role === 'villager' || target.role === 'agent') {
    throw new AppError('VALIDATION', '邀请码只用于中心工作人员绑定微信;群众和代办员在小程序中直接登录即可。', [
      { field: 'userId', message: '请选择中心工作人员' },
    ]);
  }
  const code = String(crypto.randomInt(0, 100_000_000)).padStart(8, '0');
  const expiresAt = new Date(ctx.clock.now().getTime() + INVITE_TTL_MS).toISOString();
  await ctx.store.transaction(async (tx) => {
    await tx.update('users', target.id, { set: { inviteCode: code, inviteExpiresAt: expiresAt } });
    await appendAudit(tx, {
      centerId: admin.centerId,
      at: nowIso(ctx),
      actorId: admin.id,
      action: 'account.invite.issue',
      collection: 'users',
      recordId: target.id,
      before: null,
      after: { expiresAt },
    });
  });
  return { code, expiresAt };
}

export async function bindInvite(ctx: Ctx, input: In<'bindInvite'>): Promise<Out<'bindInvite'>> {
  const openId = ctx.openId;
  if (!openId) {
    throw new AppError('UNAUTHENTICATED', '您好,绑定工作人员账号需要在微信小程序中进行,请在微信中打开本小程序后再输入邀请码。');
  }
  const [holder] = await ctx.store.find('users', { where: { inviteCode: input.code }, limit: 1 });
  const now = ctx.clock.now().toISOString();
  if (!holder || !holder.inviteExpiresAt || holder.inviteExpiresAt <= now) {
    throw new AppError('NOT_FOUND', '对不起,该邀请码无效或已过期,请向中心管理员重新领取邀请码。');
  }
  const [already] = await ctx.store.find('users', { where: { openId }, limit: 1 });
  if (already && already.id !== holder.id) {
    throw new AppError('CONFLICT', '对不起,您的微信已绑定其他账号;如需更换,请联系中心管理员先解除原绑定。');
  }
  const bound = await ctx.store.transaction(async (tx) => {
    const cur = await tx.get('users', holder.id);
    if (!cur || cur.inviteCode !== input.code) {
      throw new AppError('CONFLICT', '对不起,该邀请码刚刚已被使用,请向中心管理员重新领取。');
    }
    const { inviteCode: _c, inviteExpiresAt: _e, ...rest } = cur;
    const next: User = { ...rest, openId };
    await tx.put('users', next);
    await appendAudit(tx, {
      centerId: cur.centerId,
      at: now,
      actorId: cur.id,
      action: 'account.invite.bind',
      collection: 'users',
      recordId: cur.id,
      before: null,
      after: { bound: true },
    });
    return next;
  });
  return { user: toPublicUser(bound) };
}
