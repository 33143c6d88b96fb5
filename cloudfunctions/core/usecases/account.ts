/**
 * Who the caller is. In WeChat the caller is the OPENID of the call's context (never a field of
 * the event): a villager's record is made on first contact in the center they choose; staff,
 * office, leaders and admins are bound only through an admin's invite, and a center's first
 * admin only through the deploy's one-time setup code. A person sees what is held about them
 * and may erase their account (PIPL): personal data goes, the center's records of served
 * matters stay, anonymised.
 */
import crypto from 'node:crypto';
import { APPOINTED_ROLES, type accountContract } from '../../../shared/contracts/account';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import { isOpen } from '../../../shared/domain/cases';
import { AppError } from '../../../shared/domain/errors';
import { toPublicUser, type User } from '../../../shared/domain/org';
import { maskNumbersInText } from '../../../shared/domain/personal-data';
import { shanghaiDate } from '../../../shared/domain/time';
import { nowIso, type Ctx } from '../context';
import type { TxOps } from '../store/port';
import { sameSecret } from '../identity/secrets';
import { appendAudit } from './audit';
import { requireCaller, requireSameCenter } from './guards';

type A = typeof accountContract;
type In<K extends keyof A> = ActionParsedInput<A[K]>;
type Out<K extends keyof A> = ActionOutput<A[K]>;

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** The name a villager's record carries until they give theirs. */
export const NEW_VILLAGER_NAME = '微信用户';
export const ERASED_NAME = '已注销用户';

/** Centers print a mini-program code whose scene names them: "c=<centerId>". */
export function centerFromScene(scene: string | undefined): string | null {
  if (!scene) return null;
  let text = scene;
  try {
    // WeChat hands the scene of a mini-program code over URL-encoded.
    text = decodeURIComponent(scene);
  } catch {
    return null;
  }
  const params = new URLSearchParams(text.replace(/^\?/, ''));
  const c = params.get('c');
  return c && /^[\w-]{1,64}$/.test(c) ? c : null;
}

/** The id a WeChat user's record gets: derived from the OPENID, so two first calls cannot make two records. */
const wechatUserId = (openId: string): string => `u-wx-${crypto.createHash('sha256').update(openId).digest('hex').slice(0, 20)}`;

const requireOpenId = (ctx: Ctx, what: string): string => {
  if (!ctx.openId) throw new AppError('UNAUTHENTICATED', `您好,${what}需要在微信小程序中进行,请在微信中打开本小程序后再试。`);
  return ctx.openId;
};

/**
 * Binds `openId` to `target` in `tx`. A villager record the same WeChat made before (a clerk who
 * opened the app as a villager first) lets the WeChat go; any other bound record refuses.
 */
async function bindOpenId(ctx: Ctx, tx: TxOps, openId: string, target: User, holderOfOpenId: User | undefined): Promise<User> {
  if (holderOfOpenId && holderOfOpenId.id !== target.id) {
    if (holderOfOpenId.role !== 'villager') {
      throw new AppError('CONFLICT', '对不起,您的微信已绑定其他工作账号;如需更换,请联系中心管理员先解除原绑定。');
    }
    const { openId: _o, ...released } = holderOfOpenId;
    await tx.put('users', released);
    await appendAudit(tx, {
      centerId: holderOfOpenId.centerId,
      at: nowIso(ctx),
      actorId: target.id,
      action: 'account.wechat.release',
      collection: 'users',
      recordId: holderOfOpenId.id,
      before: { bound: true },
      after: { bound: false, movedTo: target.id },
    });
  }
  const { inviteCode: _c, inviteExpiresAt: _e, ...rest } = target;
  const next: User = { ...rest, openId };
  await tx.put('users', next);
  return next;
}

async function userByOpenId(ctx: Ctx, openId: string): Promise<User | undefined> {
  const [u] = await ctx.store.find('users', { where: { openId }, limit: 1 });
  return u;
}

/** Who the caller is (below), with the server's time for the app's clock (client/src/services/clock.ts). */
export async function me(ctx: Ctx, input: In<'me'>): Promise<Out<'me'>> {
  return { ...(await whoIsCalling(ctx, input)), now: ctx.clock.now().toISOString() };
}

async function whoIsCalling(ctx: Ctx, input: In<'me'>): Promise<Omit<Out<'me'>, 'now'>> {
  if (ctx.caller) return { user: toPublicUser(ctx.caller), created: false };
  const openId = requireOpenId(ctx, '登录');
  const centerId = input.centerId ?? centerFromScene(input.scene);
  if (!centerId) return { user: null, created: false };
  const center = await ctx.store.get('centers', centerId);
  if (!center) {
    throw new AppError('VALIDATION', '对不起,没有找到该服务中心,请从列表中重新选择您所在的乡镇。', [{ field: 'centerId', message: '请重新选择服务中心' }]);
  }
  const at = nowIso(ctx);
  const create = async (id: string): Promise<User> => {
    const user: User = { id, centerId, role: 'villager', name: NEW_VILLAGER_NAME, openId };
    await ctx.store.transaction(async (tx) => {
      await tx.insert('users', user);
      await appendAudit(tx, { centerId, at, actorId: id, action: 'account.create', collection: 'users', recordId: id, before: null, after: { role: 'villager' } });
    });
    return user;
  };
  const id = wechatUserId(openId);
  try {
    return { user: toPublicUser(await create(id)), created: true };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'CONFLICT') throw e;
    // A parallel first call made it, or an erased record holds the derived id.
    const existing = await ctx.store.get('users', id);
    if (existing?.openId === openId) return { user: toPublicUser(existing), created: false };
    return { user: toPublicUser(await create(`${id}-${crypto.randomBytes(4).toString('hex')}`)), created: true };
  }
}

export async function updateProfile(ctx: Ctx, input: In<'updateProfile'>): Promise<Out<'updateProfile'>> {
  const user = requireCaller(ctx);
  // An agent's village decides whose residents they may act for (R-BOOK-4): the admin sets it.
  if (user.role === 'agent' && input.villageId && input.villageId !== user.villageId) {
    throw new AppError('FORBIDDEN', '对不起,村代办员负责的村(社区)由中心管理员指定;如需更改,请联系中心管理员。');
  }
  if (input.villageId) {
    const village = await ctx.store.get('villages', input.villageId);
    if (!village || village.centerId !== user.centerId) {
      throw new AppError('VALIDATION', '对不起,该村(社区)不属于您所在的服务中心,请重新选择。', [{ field: 'villageId', message: '请重新选择所在村(社区)' }]);
    }
  }
  const next: User = { ...user, name: input.name, ...(input.villageId ? { villageId: input.villageId } : {}) };
  await ctx.store.transaction(async (tx) => {
    await tx.put('users', next);
    await appendAudit(tx, {
      centerId: user.centerId,
      at: nowIso(ctx),
      actorId: user.id,
      action: 'account.profile',
      collection: 'users',
      recordId: user.id,
      before: { villageId: user.villageId ?? null },
      after: { villageId: next.villageId ?? null },
    });
  });
  return { user: toPublicUser(next) };
}

/** The person's own records, by category, as myData shows them and eraseMe treats them. */
async function heldData(ctx: Ctx, user: User) {
  const today = shanghaiDate(ctx.clock.now());
  const [bookings, visits, cases, notices, consents, residents, authorizations] = await Promise.all([
    ctx.store.find('bookings', { where: { bookedBy: user.id } }),
    ctx.store.find('visits', { where: { requestedBy: user.id } }),
    ctx.store.find('cases', { where: { applicantUserId: user.id } }),
    ctx.store.count('notices', { userId: user.id }),
    ctx.store.find('consents', { where: { userId: user.id } }),
    ctx.store.find('residents', { where: { userId: user.id } }),
    user.role === 'agent' ? ctx.store.count('authorizations', { agentId: user.id }) : Promise.resolve(0),
  ]);
  const complaints = await ctx.store.find('complaints', { where: { complainantUserId: user.id } });
  const prepubComments = await ctx.store.find('prepubComments', { where: { userId: user.id } });
  const openBookings = bookings.filter((b) => b.status === 'booked' && b.date >= today);
  const openVisits = visits.filter((v) => v.status === 'pending' || v.status === 'scheduled');
  const openCases = cases.filter((c) => isOpen(c.status));
  const blockedBy: string[] = [];
  if (user.role !== 'villager') blockedBy.push('工作人员和代办员的账号由中心管理员办理注销,请联系中心管理员。');
  if (openBookings.length > 0) blockedBy.push(`您有${openBookings.length}个未到期的预约,请先在“我的预约”中取消。`);
  if (openVisits.length > 0) blockedBy.push(`您有${openVisits.length}个进行中的上门服务申请,请等办理完毕或联系窗口取消后再注销。`);
  if (openCases.length > 0) blockedBy.push(`您有${openCases.length}个正在办理的事项,办结后即可注销。`);
  const categories = [
    { key: 'profile', label: '账号信息(姓名、所在村、微信标识)', count: 1, onErase: '姓名和所在村删除,微信标识解除绑定,账号标记为已注销' },
    { key: 'bookings', label: '预约记录', count: bookings.length, onErase: '作为中心服务记录保留,不再与您的微信关联' },
    { key: 'visits', label: '上门服务申请', count: visits.length, onErase: '联系电话删除,申请记录作为服务记录保留' },
    { key: 'cases', label: '办件记录', count: cases.length, onErase: '依规作为政务服务档案保留,不再与您的微信关联' },
    { key: 'notices', label: '站内消息', count: notices, onErase: '全部删除' },
    { key: 'consents', label: '微信提醒订阅', count: consents.length, onErase: '全部删除' },
    { key: 'residents', label: '关联的村民登记信息', count: residents.length, onErase: '解除与您账号的关联,登记信息由村代办员按规定管理' },
    { key: 'complaints', label: '投诉记录(您的姓名和联系电话)', count: complaints.length, onErase: '姓名和联系电话删除,投诉及处理情况作为监督档案保留' },
    { key: 'prepubComments', label: '对意见征集发表的意见', count: prepubComments.length, onErase: '不再显示您的姓名,意见中的电话、身份证号隐去,意见和答复随征集记录保留' },
  ];
  if (user.role === 'agent') categories.push({ key: 'authorizations', label: '代办授权(您作为代办员)', count: authorizations, onErase: '由中心管理员办理交接' });
  return { visits, consents, residents, complaints, prepubComments, categories, blockedBy };
}

export async function myData(ctx: Ctx, _input: In<'myData'>): Promise<Out<'myData'>> {
  const user = requireCaller(ctx);
  const held = await heldData(ctx, user);
  return { user: toPublicUser(user), wechatBound: Boolean(user.openId), categories: held.categories, eraseBlockedBy: held.blockedBy };
}

const ERASE_PAGE = 200;

export async function eraseMe(ctx: Ctx, _input: In<'eraseMe'>): Promise<Out<'eraseMe'>> {
  const user = requireCaller(ctx);
  const held = await heldData(ctx, user);
  if (held.blockedBy.length > 0) {
    throw new AppError('CONFLICT', `对不起,现在还不能注销:${held.blockedBy.join('')}`, held.blockedBy.map((m) => ({ field: 'account', message: m })));
  }
  const at = nowIso(ctx);
  // The account first, in one transaction: from here on nothing is linked to this WeChat.
  await ctx.store.transaction(async (tx) => {
    const erased: User = { id: user.id, centerId: user.centerId, role: user.role, name: ERASED_NAME, erasedAt: at };
    await tx.put('users', erased);
    for (const r of held.residents) {
      const { userId: _u, ...unlinked } = r;
      await tx.put('residents', unlinked);
    }
    for (const v of held.visits) await tx.update('visits', v.id, { set: { phone: '' } });
    for (const c of held.consents) await tx.remove('consents', c.id);
    // R-CMP-5 and PIPL: the complaint stays for supervision, with nobody named on it.
    for (const c of held.complaints) {
      const { complainantUserId: _u, complainantContact: _c, ...unnamed } = c;
      await tx.put('complaints', { ...unnamed, complainantName: ERASED_NAME });
    }
    // R-CAT-5 and PIPL: a comment stays with the pre-publication's record, its writer no longer named (the account is erased) and numbers in it masked.
    for (const c of held.prepubComments) await tx.put('prepubComments', { ...c, text: maskNumbersInText(c.text) });
    await appendAudit(tx, { centerId: user.centerId, at, actorId: user.id, action: 'account.erase', collection: 'users', recordId: user.id, before: null, after: { erased: true } });
  });
  // Then the person's messages, page by page (a retry after a crash finishes the job).
  for (const col of ['notices', 'outbox'] as const) {
    for (;;) {
      const page = await ctx.store.find(col, { where: { userId: user.id }, limit: ERASE_PAGE });
      if (page.length === 0) break;
      for (const doc of page) await ctx.store.remove(col, doc.id);
    }
  }
  return { ok: true };
}

export async function people(ctx: Ctx, _input: In<'people'>): Promise<Out<'people'>> {
  const admin = requireCaller(ctx);
  const [users, windows, villages] = await Promise.all([
    ctx.store.find('users', { where: { centerId: admin.centerId } }),
    ctx.store.find('windows', { where: { centerId: admin.centerId } }),
    ctx.store.find('villages', { where: { centerId: admin.centerId } }),
  ]);
  const windowName = new Map(windows.map((w) => [w.id, w.name]));
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const order: readonly string[] = APPOINTED_ROLES;
  const now = nowIso(ctx);
  return {
    people: users
      .filter((u) => u.role !== 'villager' && !u.erasedAt)
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name, 'zh'))
      .map((u) => ({
        ...toPublicUser(u),
        wechatBound: Boolean(u.openId),
        inviteExpiresAt: u.inviteExpiresAt && u.inviteExpiresAt > now ? u.inviteExpiresAt : null,
        windowName: windowName.get(u.windowId ?? '') ?? '',
        villageName: villageName.get(u.villageId ?? '') ?? '',
      })),
  };
}

export async function addPerson(ctx: Ctx, input: In<'addPerson'>): Promise<Out<'addPerson'>> {
  const admin = requireCaller(ctx);
  const user: User = { id: `u-${crypto.randomUUID()}`, centerId: admin.centerId, role: input.role, name: input.name };
  // A window rating pad (评价器, R-RATE-1) belongs to one window, as staff do.
  if (input.role === 'staff' || input.role === 'pad') {
    const w = input.windowId ? await ctx.store.get('windows', input.windowId) : null;
    const who = input.role === 'pad' ? '评价器' : '窗口工作人员';
    if (!w || w.centerId !== admin.centerId) throw new AppError('VALIDATION', `请为${who}选择本中心的窗口。`, [{ field: 'windowId', message: '请选择所在窗口' }]);
    user.windowId = w.id;
  }
  if (input.role === 'agent') {
    const v = input.villageId ? await ctx.store.get('villages', input.villageId) : null;
    if (!v || v.centerId !== admin.centerId) throw new AppError('VALIDATION', '请为村代办员选择本中心的村(社区)。', [{ field: 'villageId', message: '请选择负责的村(社区)' }]);
    user.villageId = v.id;
  }
  await ctx.store.transaction(async (tx) => {
    await tx.insert('users', user);
    await appendAudit(tx, { centerId: admin.centerId, at: nowIso(ctx), actorId: admin.id, action: 'account.person.add', collection: 'users', recordId: user.id, before: null, after: { role: user.role, windowId: user.windowId ?? null, villageId: user.villageId ?? null } });
  });
  return { user: toPublicUser(user) };
}

export async function issueInvite(ctx: Ctx, input: In<'issueInvite'>): Promise<Out<'issueInvite'>> {
  const admin = requireCaller(ctx);
  const target = await ctx.store.get('users', input.userId);
  if (!target) throw new AppError('NOT_FOUND', '对不起,没有找到该工作人员,请刷新人员名单后再试。');
  requireSameCenter(admin, target.centerId, '人员管理');
  if (target.role === 'villager' || target.erasedAt) {
    throw new AppError('VALIDATION', '邀请码只用于中心任命的人员(工作人员、办公室、带班领导、管理员、村代办员);群众在小程序中直接登录即可。', [
      { field: 'userId', message: '请选择中心任命的人员' },
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
  return { code, expiresAt, scene: `i=${code}` };
}

export async function bindInvite(ctx: Ctx, input: In<'bindInvite'>): Promise<Out<'bindInvite'>> {
  const openId = requireOpenId(ctx, '绑定工作人员账号');
  const [holder] = await ctx.store.find('users', { where: { inviteCode: input.code }, limit: 1 });
  const now = nowIso(ctx);
  if (!holder || !holder.inviteExpiresAt || holder.inviteExpiresAt <= now) {
    throw new AppError('NOT_FOUND', '对不起,该邀请码无效或已过期,请向中心管理员重新领取邀请码。');
  }
  const already = await userByOpenId(ctx, openId);
  const bound = await ctx.store.transaction(async (tx) => {
    const cur = await tx.get('users', holder.id);
    if (!cur || cur.inviteCode !== input.code) {
      throw new AppError('CONFLICT', '对不起,该邀请码刚刚已被使用,请向中心管理员重新领取。');
    }
    const next = await bindOpenId(ctx, tx, openId, cur, already);
    await appendAudit(tx, { centerId: cur.centerId, at: now, actorId: cur.id, action: 'account.invite.bind', collection: 'users', recordId: cur.id, before: null, after: { bound: true } });
    return next;
  });
  return { user: toPublicUser(bound) };
}

export async function setupAdmin(ctx: Ctx, input: In<'setupAdmin'>): Promise<Out<'setupAdmin'>> {
  const openId = requireOpenId(ctx, '设置中心管理员');
  if (!ctx.setupCode || !sameSecret(ctx.setupCode, input.code)) {
    throw new AppError('FORBIDDEN', '对不起,初始化口令不正确,或本环境未开放初始化;请向部署人员核对口令。');
  }
  const center = await ctx.store.get('centers', input.centerId);
  if (!center) throw new AppError('VALIDATION', '对不起,没有找到该服务中心,请重新选择。', [{ field: 'centerId', message: '请重新选择服务中心' }]);
  if ((await ctx.store.count('users', { centerId: center.id, role: 'admin' })) > 0) {
    throw new AppError('CONFLICT', '该中心已有管理员;如需增加管理员,请由现任管理员在小程序中发放邀请码。');
  }
  const already = await userByOpenId(ctx, openId);
  const at = nowIso(ctx);
  const admin = await ctx.store.transaction(async (tx) => {
    // One admin through the setup code per center: the marker is taken in the same transaction.
    const marker = await tx.get('meta', `setup-admin:${center.id}`);
    if (marker) throw new AppError('CONFLICT', '该中心已设置过管理员;如需增加管理员,请由现任管理员在小程序中发放邀请码。');
    await tx.insert('meta', { id: `setup-admin:${center.id}`, value: at });
    const user: User = { id: `u-admin-${crypto.randomBytes(6).toString('hex')}`, centerId: center.id, role: 'admin', name: input.name };
    const next = await bindOpenId(ctx, tx, openId, user, already);
    await appendAudit(tx, { centerId: center.id, at, actorId: next.id, action: 'account.setup.admin', collection: 'users', recordId: next.id, before: null, after: { role: 'admin' } });
    return next;
  });
  return { user: toPublicUser(admin) };
}
