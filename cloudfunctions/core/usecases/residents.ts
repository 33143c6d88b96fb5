/** Residents and agents' authorisations (R-BOOK-4); ID numbers and phones masked (personal-data). */
import crypto from 'node:crypto';
import type { residentsContract } from '../../../shared/contracts/residents';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import { AppError } from '../../../shared/domain/errors';
import type { User } from '../../../shared/domain/org';
import { maskIdNumber, maskPhone, normalizeIdNumber } from '../../../shared/domain/personal-data';
import { authorizationState, type Authorization, type Resident } from '../../../shared/domain/residents';
import { shanghaiDate } from '../../../shared/domain/time';
import { nowIso, type Ctx } from '../context';
import type { Where } from '../store/port';
import { appendAudit } from './audit';
import { requireCaller, requireSameCenter } from './guards';
import { notify } from './notify';

type R = typeof residentsContract;
type In<K extends keyof R> = ActionParsedInput<R[K]>;
type Out<K extends keyof R> = ActionOutput<R[K]>;
type ResidentView = NonNullable<Out<'mine'>['resident']>;
type AuthorizationView = Out<'authorize'>['authorization'];

/** Whole numbers only for the person themself and the admin; everyone else sees them masked. */
function residentView(r: Resident, viewer: User, villageName: string): ResidentView {
  const whole = viewer.role === 'admin' || r.userId === viewer.id;
  return {
    id: r.id,
    villageId: r.villageId,
    villageName,
    name: r.name,
    phone: whole ? r.phone : maskPhone(r.phone),
    idNumber: whole ? r.idNumber : maskIdNumber(r.idNumber),
    onWechat: r.userId !== undefined,
  };
}

function authorizationView(a: Authorization, residentName: string, agentName: string, today: string): AuthorizationView {
  return {
    id: a.id,
    residentId: a.residentId,
    residentName,
    agentId: a.agentId,
    agentName,
    method: a.method,
    givenOn: a.givenOn,
    validUntil: a.validUntil,
    state: authorizationState(a, today),
  };
}

const villageName = async (ctx: Ctx, id: string) => (await ctx.store.get('villages', id))?.name ?? '';

/** The latest of an agent's authorisations by this resident. */
const latest = (auths: Authorization[]) => [...auths].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;

function requireAgentVillage(agent: User): string {
  if (!agent.villageId) throw new AppError('FORBIDDEN', '对不起,您的代办员账号尚未关联所在村,请联系中心管理员设置。');
  return agent.villageId;
}

export async function list(ctx: Ctx, _input: In<'list'>): Promise<Out<'list'>> {
  const user = requireCaller(ctx);
  const today = shanghaiDate(ctx.clock.now());
  const where: Where = user.role === 'agent' ? { centerId: user.centerId, villageId: requireAgentVillage(user) } : { centerId: user.centerId };
  const residents = await ctx.store.find('residents', { where, orderBy: [['name', 'asc']] });
  const villages = new Map((await ctx.store.find('villages', { where: { centerId: user.centerId } })).map((v) => [v.id, v.name]));
  const out: Out<'list'>['residents'] = [];
  for (const r of residents) {
    const auths = await ctx.store.find('authorizations', { where: { residentId: r.id } });
    const mine = latest(user.role === 'agent' ? auths.filter((a) => a.agentId === user.id) : auths);
    const agent = mine ? await ctx.store.get('users', mine.agentId) : null;
    out.push({
      ...residentView(r, user, villages.get(r.villageId) ?? ''),
      authorization: mine ? authorizationView(mine, r.name, agent?.name ?? '', today) : null,
    });
  }
  return { residents: out };
}

export async function register(ctx: Ctx, input: In<'register'>): Promise<Out<'register'>> {
  const agent = requireCaller(ctx);
  const villageId = requireAgentVillage(agent);
  if (input.authorization.method === 'in_app') {
    throw new AppError('VALIDATION', '新登记的群众还没有关联小程序,不能选择“本人在小程序中确认”;请选择签字授权书或本人当面授权。', [
      { field: 'authorization.method', message: '请选择签字授权书或当面授权' },
    ]);
  }
  const idNumber = normalizeIdNumber(input.idNumber);
  const [dup] = await ctx.store.find('residents', { where: { centerId: agent.centerId, idNumber }, limit: 1 });
  if (dup) {
    if (dup.villageId === villageId) {
      throw new AppError('CONFLICT', `该身份证号码的群众(${dup.name})已经登记过了,请在“我代办的群众”名单中找到后补录授权,无需重复登记。`, { residentId: dup.id });
    }
    // Outside the agent's own village the answer names no one and is the same whatever name was
    // typed, as in claim: an ID number must not reveal who it belongs to (issue 8.6).
    throw new AppError('CONFLICT', '对不起,该身份证号码已在本中心登记,不能重复登记;请与群众本人核对号码,或请中心管理员核实后处理。');
  }
  const at = nowIso(ctx);
  const resident: Resident = { id: `res-${crypto.randomUUID()}`, centerId: agent.centerId, villageId, name: input.name, phone: input.phone, idNumber, createdBy: agent.id, createdAt: at };
  const auth: Authorization = { id: `auth-${crypto.randomUUID()}`, centerId: agent.centerId, residentId: resident.id, agentId: agent.id, ...input.authorization, createdAt: at };
  await ctx.store.transaction(async (tx) => {
    await tx.insert('residents', resident);
    await tx.insert('authorizations', auth);
    // The audit trail names the record, never the ID number or phone.
    await appendAudit(tx, { centerId: agent.centerId, at, actorId: agent.id, action: 'resident.register', collection: 'residents', recordId: resident.id, before: null, after: { name: resident.name, villageId } });
    await appendAudit(tx, { centerId: agent.centerId, at, actorId: agent.id, action: 'authorization.grant', collection: 'authorizations', recordId: auth.id, before: null, after: auth });
  });
  const today = shanghaiDate(ctx.clock.now());
  return { resident: residentView(resident, agent, await villageName(ctx, villageId)), authorization: authorizationView(auth, resident.name, agent.name, today) };
}

export async function authorize(ctx: Ctx, input: In<'authorize'>): Promise<Out<'authorize'>> {
  const agent = requireCaller(ctx);
  const villageId = requireAgentVillage(agent);
  const resident = await ctx.store.get('residents', input.residentId);
  if (!resident) throw new AppError('NOT_FOUND', '对不起,没有找到这位群众,请先登记。');
  if (resident.centerId !== agent.centerId || resident.villageId !== villageId) {
    throw new AppError('FORBIDDEN', `对不起,${resident.name}不是您所在村的群众,请联系其所在村的代办员。`);
  }
  if (input.authorization.method === 'in_app' && !resident.userId) {
    throw new AppError('VALIDATION', `${resident.name}还没有使用小程序,不能在小程序中确认;请选择签字授权书或本人当面授权。`, [
      { field: 'authorization.method', message: '请选择签字授权书或当面授权' },
    ]);
  }
  const at = nowIso(ctx);
  const auth: Authorization = { id: `auth-${crypto.randomUUID()}`, centerId: agent.centerId, residentId: resident.id, agentId: agent.id, ...input.authorization, createdAt: at };
  const body =
    auth.method === 'in_app'
      ? `村代办员${agent.name}请求为您代办事项,有效期至${auth.validUntil}。如同意,请在“我的 → 我的代办授权”中确认;如不同意,请忽略或撤销。`
      : `村代办员${agent.name}已登记您的代办授权(${auth.givenOn}至${auth.validUntil})。如非本人意愿,可在“我的 → 我的代办授权”中撤销。`;
  await ctx.store.transaction(async (tx) => {
    await tx.insert('authorizations', auth);
    await appendAudit(tx, { centerId: agent.centerId, at, actorId: agent.id, action: 'authorization.grant', collection: 'authorizations', recordId: auth.id, before: null, after: auth });
    await notify(tx, [resident.userId], { centerId: agent.centerId, kind: 'authorization', title: auth.method === 'in_app' ? '请确认代办授权' : '代办授权已登记', body, link: '/pages/me/index' }, at);
  });
  return { authorization: authorizationView(auth, resident.name, agent.name, shanghaiDate(ctx.clock.now())) };
}

export async function mine(ctx: Ctx, _input: In<'mine'>): Promise<Out<'mine'>> {
  const user = requireCaller(ctx);
  const [resident] = await ctx.store.find('residents', { where: { userId: user.id }, limit: 1 });
  if (!resident) return { resident: null, authorizations: [] };
  const today = shanghaiDate(ctx.clock.now());
  const auths = await ctx.store.find('authorizations', { where: { residentId: resident.id } });
  const views: AuthorizationView[] = [];
  for (const a of auths.sort((x, y) => y.createdAt.localeCompare(x.createdAt))) {
    views.push(authorizationView(a, resident.name, (await ctx.store.get('users', a.agentId))?.name ?? '', today));
  }
  return { resident: residentView(resident, user, await villageName(ctx, resident.villageId)), authorizations: views };
}

/** An authorisation with its resident. */
async function loadAuthorization(ctx: Ctx, authorizationId: string): Promise<{ auth: Authorization; resident: Resident }> {
  const auth = await ctx.store.get('authorizations', authorizationId);
  if (!auth) throw new AppError('NOT_FOUND', '对不起,没有找到该授权,请刷新后再试。');
  const resident = await ctx.store.get('residents', auth.residentId);
  if (!resident) throw new AppError('NOT_FOUND', '对不起,没有找到该授权对应的群众,请刷新后再试。');
  return { auth, resident };
}

export async function confirm(ctx: Ctx, input: In<'confirm'>): Promise<Out<'confirm'>> {
  const user = requireCaller(ctx);
  const { auth, resident } = await loadAuthorization(ctx, input.authorizationId);
  if (resident.userId !== user.id) throw new AppError('FORBIDDEN', '对不起,只有授权人本人可以确认该授权。');
  const today = shanghaiDate(ctx.clock.now());
  if (authorizationState(auth, today) !== 'pending') throw new AppError('CONFLICT', '该授权不需要确认(已确认、已撤销或已过期),请刷新后查看。');
  const at = nowIso(ctx);
  const after: Authorization = { ...auth, confirmedAt: at };
  await ctx.store.transaction(async (tx) => {
    await tx.put('authorizations', after);
    await appendAudit(tx, { centerId: auth.centerId, at, actorId: user.id, action: 'authorization.confirm', collection: 'authorizations', recordId: auth.id, before: auth, after });
    await notify(tx, [auth.agentId], { centerId: auth.centerId, kind: 'authorization', title: '代办授权已确认', body: `${resident.name}已在小程序中确认您的代办授权,有效期至${auth.validUntil}。`, link: '/agent/residents/index' }, at);
  });
  const agent = await ctx.store.get('users', auth.agentId);
  return { authorization: authorizationView(after, resident.name, agent?.name ?? '', today) };
}

export async function revoke(ctx: Ctx, input: In<'revoke'>): Promise<Out<'revoke'>> {
  const user = requireCaller(ctx);
  const { auth, resident } = await loadAuthorization(ctx, input.authorizationId);
  if (user.role === 'admin') requireSameCenter(user, auth.centerId, '授权管理');
  else if (resident.userId !== user.id) throw new AppError('FORBIDDEN', '对不起,只有授权人本人或中心管理员可以撤销该授权。');
  if (auth.revokedAt) throw new AppError('CONFLICT', '该授权已经撤销,无需重复操作。');
  const at = nowIso(ctx);
  const after: Authorization = { ...auth, revokedAt: at, revokedBy: user.id };
  await ctx.store.transaction(async (tx) => {
    await tx.put('authorizations', after);
    await appendAudit(tx, { centerId: auth.centerId, at, actorId: user.id, action: 'authorization.revoke', collection: 'authorizations', recordId: auth.id, before: auth, after });
    await notify(tx, [auth.agentId], { centerId: auth.centerId, kind: 'authorization', title: '代办授权已撤销', body: `${resident.name}对您的代办授权已撤销,今后请勿再为其代办;如有误会,请与本人联系后重新登记授权。`, link: '/agent/residents/index' }, at);
  });
  const agent = await ctx.store.get('users', auth.agentId);
  return { authorization: authorizationView(after, resident.name, agent?.name ?? '', shanghaiDate(ctx.clock.now())) };
}

export async function claim(ctx: Ctx, input: In<'claim'>): Promise<Out<'claim'>> {
  const user = requireCaller(ctx);
  const idNumber = normalizeIdNumber(input.idNumber);
  const [resident] = await ctx.store.find('residents', { where: { centerId: user.centerId, idNumber }, limit: 1 });
  // The same answer whether the number is unknown or the name differs: nobody learns who is registered.
  if (!resident || resident.name !== user.name || (resident.userId && resident.userId !== user.id)) {
    throw new AppError('NOT_FOUND', '对不起,没有找到与您姓名和身份证号码一致的登记信息;请联系本村代办员核对登记信息。');
  }
  const at = nowIso(ctx);
  const after: Resident = { ...resident, userId: user.id };
  await ctx.store.transaction(async (tx) => {
    await tx.put('residents', after);
    await appendAudit(tx, { centerId: user.centerId, at, actorId: user.id, action: 'resident.claim', collection: 'residents', recordId: resident.id, before: null, after: { userId: user.id } });
  });
  return { resident: residentView(after, user, await villageName(ctx, resident.villageId)) };
}
