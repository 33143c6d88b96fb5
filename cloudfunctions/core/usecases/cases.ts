/** Cases under promised time limits (R-CASE-1..7): outcomes, transfers, A/B posts, the trail. */
import crypto from 'node:crypto';
import type { casesContract, DocumentKind } from '../../../shared/contracts/cases';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import type { WorkCalendar } from '../../../shared/domain/calendar';
import {
  actingHandler,
  CASE_STATUS_LABELS,
  deadlineBadge,
  isOpen,
  nextReminderDate,
  OPEN_STATUSES,
  supplementProblem,
  workingDaysLeft,
  type Case,
  type LeavePeriod,
} from '../../../shared/domain/cases';
import { promiseLabel, type ServiceItem } from '../../../shared/domain/catalog';
import { AppError } from '../../../shared/domain/errors';
import type { ServiceWindow, User } from '../../../shared/domain/org';
import { maskName } from '../../../shared/domain/personal-data';
import type { Leave, Post, TrailEntry } from '../../../shared/domain/posts';
import { addDays, dateLabel, shanghaiDate } from '../../../shared/domain/time';
import { nowIso, type Ctx } from '../context';
import { centerData, type CenterData } from '../store/center-cache';
import type { TxOps } from '../store/port';
import { appendAudit } from './audit';
import { centerCalendar } from './calendar';
import { requireCaller, requireSameCenter } from './guards';
import { notify } from './notify';
import { loadItem } from './records';
import { runSweep } from './sweep';
import { inviteToRate } from './ratings/rate';

type K = typeof casesContract;
type In<A extends keyof K> = ActionParsedInput<K[A]>;
type Out<A extends keyof K> = ActionOutput<K[A]>;
type CaseView = Out<'overdue'>['cases'][number];
type Detail = Out<'get'>;

const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

export async function leavesOn(ctx: Ctx, centerId: string, date: string): Promise<Leave[]> {
  const leaves = await ctx.store.find('leaves', { where: { centerId, to: { $gte: date } } });
  return leaves.filter((l) => l.from <= date);
}

/** The post a staff member belongs to (as A first, else as B). */
export async function postOf(ctx: Ctx, userId: string): Promise<Post | null> {
  const [asA] = await ctx.store.find('posts', { where: { aId: userId }, limit: 1 });
  if (asA) return asA;
  const [asB] = await ctx.store.find('posts', { where: { bId: userId }, limit: 1 });
  return asB ?? null;
}

/** Who acts for the case today: its handler, or the other member of its post while away. */
export function actingFor(c: Pick<Case, 'handlerId'>, post: Post | null, date: string, leaves: readonly LeavePeriod[]): string | null {
  return actingHandler(c.handlerId, post ?? { aId: c.handlerId, bId: c.handlerId }, date, leaves);
}

async function loadCase(ctx: Ctx, id: string): Promise<Case> {
  const c = await ctx.store.get('cases', id);
  if (!c) throw new AppError('NOT_FOUND', '对不起,没有找到该办件,请刷新列表后再试。');
  return c;
}

interface Lookups {
  cal: WorkCalendar;
  leaves: Leave[];
  date: string;
  users: Map<string, User>;
  windows: Map<string, ServiceWindow>;
  posts: Map<string, Post>;
}

/** One round trip: the center's cached calendar, windows and posts (a version check), leaves and users. */
async function lookups(ctx: Ctx, centerId: string): Promise<Lookups & { data: CenterData }> {
  const date = today(ctx);
  const [data, leaves, users] = await Promise.all([
    centerData(ctx.store, centerId),
    leavesOn(ctx, centerId, date),
    ctx.store.find('users', { where: { centerId } }),
  ]);
  return {
    data,
    cal: data.cal,
    leaves,
    date,
    users: new Map(users.map((u) => [u.id, u])),
    windows: new Map(data.windows.map((w) => [w.id, w])),
    posts: new Map(data.posts.map((p) => [p.id, p])),
  };
}

function view(c: Case, l: Lookups): CaseView {
  const post = c.postId ? (l.posts.get(c.postId) ?? null) : null;
  const acting = isOpen(c.status) ? actingFor(c, post, l.date, l.leaves) : c.handlerId;
  const timed = c.deadline !== undefined && (c.status === 'accepted' || c.status === 'forwarded');
  return {
    ...c,
    actingHandlerId: acting,
    actingHandlerName: acting ? (l.users.get(acting)?.name ?? '') : '(A、B岗均不在岗,请联系中心管理办公室)',
    badge: timed && c.deadline ? deadlineBadge(l.cal, c.deadline, l.date) : null,
    workingDaysLeft: timed && c.deadline ? workingDaysLeft(l.cal, c.deadline, l.date) : null,
    windowName: l.windows.get(c.windowId)?.name ?? '',
  };
}

const byDeadline = (a: CaseView, b: CaseView) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.createdAt.localeCompare(b.createdAt);

async function isParty(ctx: Ctx, user: User, c: Case): Promise<boolean> {
  if (c.applicantUserId === user.id || c.agentId === user.id) return true;
  if (!c.residentId) return false;
  return (await ctx.store.get('residents', c.residentId))?.userId === user.id;
}

const caseTrail = (ctx: Ctx, caseId: string) => ctx.store.find('trail', { where: { caseId }, orderBy: [['at', 'asc']] });

/**
 * A case as its page shows it. `known` holds what the caller read already (the lookups, the
 * trail as it stood before its own step, and that step): then nothing is read again (issue 12).
 */
async function detail(ctx: Ctx, c: Case, viewer: User, known?: { l: Lookups & { data: CenterData }; trail: TrailEntry[] }): Promise<Detail> {
  const [l, trail] = known && known.l.data.center?.id === c.centerId ? [known.l, known.trail] : await Promise.all([lookups(ctx, c.centerId), caseTrail(ctx, c.id)]);
  const item = l.data.item(c.itemId) ?? (await ctx.store.get('items', c.itemId));
  const staffSide = viewer.role !== 'villager' && viewer.role !== 'agent';
  return {
    case: view(c, l),
    trail: staffSide ? trail : trail.filter((t) => t.public),
    materials: item?.materials ?? [],
    promisedDays: item?.promisedDays ?? 0,
    forwardedItem: item?.forwarded ?? false,
    forwardedTo: item?.forwardedTo ?? '',
  };
}

/** A trail step; `put` with a fresh random id: as an insert, in one CloudBase round trip instead of two. */
async function addTrail(tx: TxOps, c: Case, actor: User, action: string, text: string, isPublic: boolean, at: string): Promise<TrailEntry> {
  const entry: TrailEntry = { id: `t-${crypto.randomUUID()}`, caseId: c.id, centerId: c.centerId, at, actorId: actor.id, actorName: actor.name, action, text, public: isPublic };
  await tx.put('trail', entry);
  return entry;
}

const caseSeqId = (windowId: string, date: string) => `seq:case:${windowId}:${date}`;

/** What opening a case reads in its transaction: the window (unless known), the handler, the day's number. */
export interface CaseReads {
  window: ServiceWindow | null;
  handler: User | null;
  seq: number;
}

/** The reads of openCase, all at once; a caller may start them together with its own (issue 12). */
export async function caseReads(tx: TxOps, receiver: User, item: ServiceItem, windowPost: Post | null, at: string, window?: ServiceWindow): Promise<CaseReads> {
  const handlerId = windowPost?.aId ?? receiver.id;
  const [w, handler, seq] = await Promise.all([
    window ?? tx.get('windows', item.windowId),
    handlerId === receiver.id ? receiver : tx.get('users', handlerId),
    tx.get('meta', caseSeqId(item.windowId, shanghaiDate(new Date(at)))),
  ]);
  return { window: w, handler, seq: Number(seq?.value ?? '0') };
}

export interface OpenCaseInput {
  item: ServiceItem;
  applicantName: string;
  applicantUserId?: string;
  residentId?: string;
  agentId?: string;
  bookingId?: string;
}

/**
 * Opens a case inside the caller's transaction. The receiving staff member is the first-ask
 * person for its whole life (R-CASE-1); the handler is the A of the item's window post (the
 * receiver when the window has no post), and B acts for them while they are away (R-CASE-6).
 */
export async function openCase(ctx: Ctx, tx: TxOps, receiver: User, input: OpenCaseInput, windowPost: Post | null, at: string, known?: CaseReads): Promise<Case> {
  return (await openCaseWithTrail(tx, receiver, input, windowPost, at, known)).c;
}

/** openCase, also giving the trail step it wrote (for an answer without reading the trail again). */
async function openCaseWithTrail(tx: TxOps, receiver: User, input: OpenCaseInput, windowPost: Post | null, at: string, known?: CaseReads): Promise<{ c: Case; entry: TrailEntry }> {
  const reads = known ?? (await caseReads(tx, receiver, input.item, windowPost, at));
  const { window, handler } = reads;
  if (!window) throw new AppError('NOT_FOUND', '对不起,没有找到该事项的办理窗口,请联系中心管理员。');
  const handlerId = windowPost?.aId ?? receiver.id;
  const date = shanghaiDate(new Date(at));
  const seq = reads.seq + 1;
  const c: Case = {
    id: `case-${crypto.randomUUID()}`,
    number: `J${date.replace(/-/g, '')}-${window.code}-${String(seq).padStart(3, '0')}`,
    centerId: input.item.centerId,
    windowId: window.id,
    itemId: input.item.id,
    itemName: input.item.name,
    applicantName: input.applicantName,
    firstAskId: receiver.id,
    firstAskName: receiver.name,
    handlerId,
    handlerName: handler?.name ?? '',
    status: 'received',
    createdAt: at,
    updatedAt: at,
    remindersSent: [],
  };
  if (windowPost) c.postId = windowPost.id;
  if (input.applicantUserId) c.applicantUserId = input.applicantUserId;
  if (input.residentId) c.residentId = input.residentId;
  if (input.agentId) c.agentId = input.agentId;
  if (input.bookingId) c.bookingId = input.bookingId;
  // Every write at once: on CloudBase each is its own round trip.
  const [, , entry] = await Promise.all([
    tx.put('meta', { id: caseSeqId(window.id, date), value: String(seq) }),
    tx.put('cases', c), // a fresh random id: as an insert, in one round trip
    addTrail(tx, c, receiver, 'case.open', `${receiver.name}接待并登记(首问责任人),事项“${c.itemName}”,由${window.name}${c.handlerName}办理。`, true, at),
    appendAudit(tx, { centerId: c.centerId, at, actorId: receiver.id, action: 'case.open', collection: 'cases', recordId: c.id, before: null, after: c }),
  ]);
  return { c, entry };
}

export async function windowPostOf(ctx: Ctx, windowId: string): Promise<Post | null> {
  const [p] = await ctx.store.find('posts', { where: { windowId }, limit: 1 });
  return p ?? null;
}

type Known = { l: Lookups & { data: CenterData }; trail: TrailEntry[] };

/**
 * A case with what a decision on it and the answer need — the center's lookups and the trail —
 * read at once (issue 12): one round trip where there were five one after another.
 */
async function decisionStart(ctx: Ctx, user: User, caseId: string): Promise<{ c: Case; known: Known }> {
  const [c, l, trail] = await Promise.all([loadCase(ctx, caseId), lookups(ctx, user.centerId), caseTrail(ctx, caseId)]);
  return { c, known: { l, trail } };
}

/** Only the handler (or whoever acts for them today) decides outcomes. */
async function requireHandler(ctx: Ctx, user: User, c: Case, l?: Lookups): Promise<void> {
  requireSameCenter(user, c.centerId, '办件');
  if (user.id === c.handlerId) return;
  // The caller's center is the case's (checked above): its lookups hold the post and today's leaves.
  const post = c.postId ? (l ? (l.posts.get(c.postId) ?? null) : await ctx.store.get('posts', c.postId)) : null;
  const acting = actingFor(c, post, today(ctx), l ? l.leaves : await leavesOn(ctx, c.centerId, today(ctx)));
  if (acting === user.id) return;
  throw new AppError('FORBIDDEN', `对不起,本件由${c.handlerName}办理,办理结果须由承办人(或其B岗)作出;如需您来办理,请先由承办人转交给您。`);
}

function requireStatus(c: Case, allowed: readonly Case['status'][], action: string): void {
  if (allowed.includes(c.status)) return;
  if (!isOpen(c.status)) throw new AppError('CONFLICT', `本件已${CASE_STATUS_LABELS[c.status]},不能再${action};如有新的申请,请重新登记。`);
  throw new AppError('CONFLICT', `本件当前状态为“${CASE_STATUS_LABELS[c.status]}”,不能${action},请刷新后按页面提示操作。`);
}

/**
 * Applies a change to a case in one transaction: the new state, its trail step, the audit
 * entry and the notices it causes commit together; a concurrent change makes it a CONFLICT.
 */
async function change(
  ctx: Ctx,
  user: User,
  c: Case,
  known: Known | null,
  next: Case,
  step: { action: string; text: string; public: boolean },
  /** `applicant`: tell the applicant's side too (the resident's account is read with the case, in the transaction). */
  tell: { to: Array<string | null | undefined>; applicant?: boolean; title: string; body: string } | null,
): Promise<Detail> {
  const at = nowIso(ctx);
  const saved: Case = { ...next, updatedAt: at };
  let entry: TrailEntry | null = null;
  await ctx.store.transaction(async (tx) => {
    // The resident is read with the case when the applicant's side is told or the case completes
    // (the rating invitation goes to the resident's account too): one round trip, not two.
    const needsResident = Boolean(c.residentId) && (Boolean(tell?.applicant) || next.status === 'done');
    const [cur, resident] = await Promise.all([tx.get('cases', c.id), needsResident && c.residentId ? tx.get('residents', c.residentId) : null]);
    if (!cur || cur.updatedAt !== c.updatedAt) throw new AppError('CONFLICT', '本件刚刚已被其他人办理,请刷新后再试。');
    const to = tell ? [...tell.to, ...(tell.applicant ? [c.applicantUserId, c.agentId, resident?.userId] : [])] : [];
    // Every write at once: on CloudBase each is its own round trip (issue 12). Started before
    // the rating invitation below, so that its reads and writes overlap these.
    const writes = Promise.all([
      tx.put('cases', saved),
      addTrail(tx, saved, user, step.action, step.text, step.public, at),
      appendAudit(tx, { centerId: c.centerId, at, actorId: user.id, action: step.action, collection: 'cases', recordId: c.id, before: cur, after: saved }),
      tell ? notify(tx, to.filter((u) => u !== user.id), { centerId: c.centerId, kind: 'case', title: tell.title, body: tell.body, link: `/pages/matter/index?id=${c.id}` }, at) : null,
    ]);
    writes.catch(() => undefined); // awaited below; a failure of the invitation must not leave it unhandled
    await inviteToRate(tx, cur, saved, at, needsResident ? resident : undefined); // R-RATE-1: the invitation commits with the completion
    [, entry] = await writes;
  });
  // The answer from what was read before, with the step just written: nothing read again.
  return detail(ctx, saved, user, known && entry ? { l: known.l, trail: [...known.trail, entry] } : undefined);
}

/** Removes optional keys a later state no longer has. */
function without<T extends object, F extends keyof T>(o: T, ...fields: F[]): Omit<T, F> {
  const copy = { ...o };
  for (const f of fields) delete copy[f];
  return copy;
}

export async function mine(ctx: Ctx, _input: In<'mine'>): Promise<Out<'mine'>> {
  const user = requireCaller(ctx);
  const l = await lookups(ctx, user.centerId);
  const open = await ctx.store.find('cases', { where: { centerId: user.centerId, status: { $in: [...OPEN_STATUSES] } } });
  const views = open.map((c) => view(c, l));
  return {
    handling: views.filter((v) => v.actingHandlerId === user.id).sort(byDeadline),
    following: views.filter((v) => v.firstAskId === user.id && v.actingHandlerId !== user.id).sort(byDeadline),
  };
}

export async function get(ctx: Ctx, input: In<'get'>): Promise<Out<'get'>> {
  const user = requireCaller(ctx);
  // The case, the trail and the caller's center's lookups at once; the check decides what is shown.
  const { c, known } = await decisionStart(ctx, user, input.caseId);
  const allowed = user.role === 'villager' || user.role === 'agent' ? await isParty(ctx, user, c) : user.centerId === c.centerId;
  if (!allowed) throw new AppError('FORBIDDEN', '对不起,这不是您的办件,无法查看;请在“我的办件”中查看您本人的办件。');
  return detail(ctx, c, user, known);
}

export async function registerWalkIn(ctx: Ctx, input: In<'registerWalkIn'>): Promise<Out<'registerWalkIn'>> {
  const staff = requireCaller(ctx);
  // Everything the checks and the answer need, at once (issue 12): the staff's center (with the
  // item when it is one of theirs), the resident and the agent named.
  const [l, r, a] = await Promise.all([
    lookups(ctx, staff.centerId),
    input.residentId ? ctx.store.get('residents', input.residentId) : null,
    input.agentId ? ctx.store.get('users', input.agentId) : null,
  ]);
  const item = l.data.item(input.itemId) ?? (await loadItem(ctx, input.itemId));
  requireSameCenter(staff, item.centerId, '办件登记');
  if (input.residentId && (!r || r.centerId !== staff.centerId)) throw new AppError('NOT_FOUND', '对不起,没有找到该群众的登记信息,请核对后重试。');
  if (input.agentId && (!a || a.role !== 'agent' || a.centerId !== staff.centerId)) {
    throw new AppError('VALIDATION', '请选择本中心的村代办员。', [{ field: 'agentId', message: '请选择本中心的村代办员' }]);
  }
  const post = l.data.posts.find((p) => p.windowId === item.windowId) ?? null;
  const at = nowIso(ctx);
  const { c, entry } = await ctx.store.transaction((tx) =>
    openCaseWithTrail(tx, staff, { item, applicantName: input.applicantName, ...(input.residentId ? { residentId: input.residentId } : {}), ...(input.agentId ? { agentId: input.agentId } : {}) }, post, at, undefined),
  );
  return detail(ctx, c, staff, { l, trail: [entry] });
}

export async function supplement(ctx: Ctx, input: In<'supplement'>): Promise<Out<'supplement'>> {
  const user = requireCaller(ctx);
  const { c, known } = await decisionStart(ctx, user, input.caseId);
  await requireHandler(ctx, user, c, known.l);
  if (c.supplementIssuedAt) {
    throw new AppError('CONFLICT', '本件已经发过一次补正通知。按一次性告知的要求,每件只能补正一次;群众补齐材料后请直接受理或作出其他决定。');
  }
  requireStatus(c, ['received'], '发补正通知');
  const item = known.l.data.item(c.itemId) ?? (await loadItem(ctx, c.itemId));
  const missing = [...new Set(input.missing)];
  const problem = supplementProblem(item.materials.map((m) => m.name), missing);
  if (problem) throw new AppError('VALIDATION', problem, [{ field: 'missing', message: problem }]);
  const at = nowIso(ctx);
  return change(
    ctx,
    user,
    c,
    known,
    { ...c, status: 'supplement', supplementIssuedAt: at, missingMaterials: missing },
    { action: 'case.supplement', text: `出具材料补正通知单,需补齐:${missing.join('、')}${input.note ? `(${input.note})` : ''}。`, public: true },
    { to: [], applicant: true, title: '请补齐材料', body: `您办理的“${c.itemName}”(${c.number})还需补齐:${missing.join('、')}。这是需要补充的全部材料,补齐后请带来窗口,谢谢。` },
  );
}

export async function resubmitted(ctx: Ctx, input: In<'resubmitted'>): Promise<Out<'resubmitted'>> {
  const user = requireCaller(ctx);
  const { c, known } = await decisionStart(ctx, user, input.caseId);
  await requireHandler(ctx, user, c, known.l);
  requireStatus(c, ['supplement'], '登记补正材料');
  return change(ctx, user, c, known, { ...c, status: 'received' }, { action: 'case.resubmitted', text: '群众已补齐材料,进入受理审查。', public: true }, null);
}

export async function accept(ctx: Ctx, input: In<'accept'>): Promise<Out<'accept'>> {
  const user = requireCaller(ctx);
  const { c, known } = await decisionStart(ctx, user, input.caseId);
  await requireHandler(ctx, user, c, known.l);
  requireStatus(c, ['received'], '受理');
  const item = known.l.data.item(c.itemId) ?? (await loadItem(ctx, c.itemId));
  const cal = known.l.cal;
  const on = today(ctx);
  const deadline = cal.addWorkingDays(on, item.promisedDays);
  const next: Case = { ...c, status: 'accepted', acceptedOn: on, deadline, remindersSent: [] };
  const first = nextReminderDate(cal, deadline, addDays(on, -1));
  if (first) next.nextReminderOn = first;
  return change(
    ctx,
    user,
    c,
    known,
    next,
    { action: 'case.accept', text: `已受理,出具受理通知书,承诺${promiseLabel(item.promisedDays)},办结期限${dateLabel(deadline)}。`, public: true },
    { to: [], applicant: true, title: '已受理', body: `您办理的“${c.itemName}”(${c.number})已受理,将于${dateLabel(deadline)}前办结。` },
  );
}

export async function doneOnSpot(ctx: Ctx, input: In<'doneOnSpot'>): Promise<Out<'doneOnSpot'>> {
  const user = requireCaller(ctx);
  const { c, known } = await decisionStart(ctx, user, input.caseId);
  await requireHandler(ctx, user, c, known.l);
  requireStatus(c, ['received'], '即收即办');
  const at = nowIso(ctx);
  return change(
    ctx,
    user,
    c,
    known,
    { ...without(c, 'nextReminderOn'), status: 'done', result: input.result, finishedAt: at, acceptedOn: today(ctx) },
    { action: 'case.done_on_spot', text: `即收即办,当场办结:${input.result}`, public: true },
    { to: [], applicant: true, title: '已办结', body: `您办理的“${c.itemName}”(${c.number})已当场办结:${input.result}。谢谢您的配合!` },
  );
}

export async function reject(ctx: Ctx, input: In<'reject'>): Promise<Out<'reject'>> {
  const user = requireCaller(ctx);
  const { c, known } = await decisionStart(ctx, user, input.caseId);
  await requireHandler(ctx, user, c, known.l);
  requireStatus(c, ['received', 'supplement'], '作出不予受理决定');
  const at = nowIso(ctx);
  return change(
    ctx,
    user,
    c,
    known,
    { ...without(c, 'nextReminderOn'), status: 'rejected', rejectReasons: input.reasons, finishedAt: at },
    { action: 'case.reject', text: `不予受理,出具不予受理通知书,理由:${input.reasons.join(';')}`, public: true },
    { to: [], applicant: true, title: '不予受理', body: `对不起,您申请的“${c.itemName}”(${c.number})不予受理,理由:${input.reasons.join(';')}。如有疑问,请咨询窗口或拨打监督电话。` },
  );
}

export async function forward(ctx: Ctx, input: In<'forward'>): Promise<Out<'forward'>> {
  const user = requireCaller(ctx);
  const { c, known } = await decisionStart(ctx, user, input.caseId);
  await requireHandler(ctx, user, c, known.l);
  requireStatus(c, ['received'], '转报');
  const item = known.l.data.item(c.itemId) ?? (await loadItem(ctx, c.itemId));
  const cal = known.l.cal;
  const on = today(ctx);
  if (input.committedDate < on || !cal.isWorkingDay(input.committedDate)) {
    throw new AppError('VALIDATION', '承诺办结日期须是今天或以后的工作日,请重新选择。', [{ field: 'committedDate', message: '请选择今天或以后的工作日' }]);
  }
  const to = item.forwardedTo || '上级主管部门';
  const next: Case = { ...c, status: 'forwarded', acceptedOn: on, deadline: input.committedDate, forwardedTo: to, remindersSent: [] };
  const first = nextReminderDate(cal, input.committedDate, addDays(on, -1));
  if (first) next.nextReminderOn = first;
  return change(
    ctx,
    user,
    c,
    known,
    next,
    { action: 'case.forward', text: `已受理并转报${to},承诺${dateLabel(input.committedDate)}前办结。`, public: true },
    { to: [], applicant: true, title: '已转报', body: `您办理的“${c.itemName}”(${c.number})已报送${to},承诺${dateLabel(input.committedDate)}前办结。` },
  );
}

export async function transfer(ctx: Ctx, input: In<'transfer'>): Promise<Out<'transfer'>> {
  const user = requireCaller(ctx);
  const { c, known } = await decisionStart(ctx, user, input.caseId);
  const { l } = known;
  if (user.id !== c.firstAskId) await requireHandler(ctx, user, c, l);
  requireStatus(c, ['received', 'supplement', 'accepted', 'forwarded'], '转办');
  // The center's users, posts, windows and today's leaves are in the lookups read with the case.
  const sameCenter = l.data.center?.id === c.centerId;
  const target = sameCenter ? l.users.get(input.toUserId) : await ctx.store.get('users', input.toUserId);
  if (!target || target.role !== 'staff' || target.centerId !== c.centerId) {
    throw new AppError('VALIDATION', '请选择本中心的一位窗口工作人员接收本件,不能转给“其他人”。', [{ field: 'toUserId', message: '请选择具体的工作人员' }]);
  }
  if (target.id === c.handlerId) throw new AppError('VALIDATION', `本件已由${target.name}办理,无需转办。`, [{ field: 'toUserId', message: '请选择其他工作人员' }]);
  const posts = [...l.posts.values()];
  const post = sameCenter ? (posts.find((p) => p.aId === target.id) ?? posts.find((p) => p.bId === target.id) ?? null) : await postOf(ctx, target.id);
  const date = today(ctx);
  const leaves = sameCenter ? l.leaves : await leavesOn(ctx, c.centerId, date);
  const acting = actingHandler(target.id, post ?? { aId: target.id, bId: target.id }, date, leaves);
  if (!acting) {
    throw new AppError('VALIDATION', `${target.name}今天不在岗,且其B岗也不在岗。请转给其他在岗人员;或由您(首问责任人)先登记事项,与群众约定时间和联系方式(R-CASE-4)。`, [
      { field: 'toUserId', message: '该工作人员及其B岗均不在岗' },
    ]);
  }
  const windowId = target.windowId ?? c.windowId;
  const window = l.windows.get(windowId) ?? (await ctx.store.get('windows', windowId));
  const next: Case = { ...c, handlerId: target.id, handlerName: target.name, windowId };
  if (post) next.postId = post.id;
  else delete next.postId;
  const actingName = acting === target.id ? target.name : ((l.users.get(acting) ?? (await ctx.store.get('users', acting)))?.name ?? '');
  return change(
    ctx,
    user,
    c,
    known,
    next,
    { action: 'case.transfer', text: `转至${window?.name ?? ''}${target.name}办理${acting !== target.id ? `(${target.name}不在岗期间由B岗${actingName}代办)` : ''}:${input.note}`, public: true },
    { to: [acting, c.firstAskId], applicant: true, title: '办件转办', body: `“${c.itemName}”(${c.number})已转至${window?.name ?? ''}${target.name}办理。` },
  );
}

export async function complete(ctx: Ctx, input: In<'complete'>): Promise<Out<'complete'>> {
  const user = requireCaller(ctx);
  const { c, known } = await decisionStart(ctx, user, input.caseId);
  await requireHandler(ctx, user, c, known.l);
  requireStatus(c, ['accepted', 'forwarded'], '办结');
  const at = nowIso(ctx);
  const late = c.deadline !== undefined && today(ctx) > c.deadline;
  return change(
    ctx,
    user,
    c,
    known,
    { ...without(c, 'nextReminderOn'), status: 'done', result: input.result, finishedAt: at },
    { action: 'case.complete', text: `已办结${late ? '(超期办结)' : ''}:${input.result}`, public: true },
    { to: [c.firstAskId], applicant: true, title: '已办结', body: `您办理的“${c.itemName}”(${c.number})已办结:${input.result}。谢谢您的耐心等待!` },
  );
}

const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  acceptance: '受理通知书',
  supplement: '材料补正通知单',
  rejection: '不予受理通知书',
  forward: '转报件告知单',
  done: '办结通知书',
};

export async function document(ctx: Ctx, input: In<'document'>): Promise<Out<'document'>> {
  const d = await get(ctx, { caseId: input.caseId });
  const c = d.case;
  const [center, window, trail] = await Promise.all([ctx.store.get('centers', c.centerId), ctx.store.get('windows', c.windowId), caseTrail(ctx, c.id)]);
  const stepOn = (action: string) => {
    const t = trail.filter((x) => x.action === action).pop();
    return t ? shanghaiDate(new Date(t.at)) : null;
  };
  const issued = (action: string, what: string) => {
    const on = stepOn(action);
    if (!on) throw new AppError('NOT_FOUND', `本件没有${what},请选择已出具的通知书。`);
    return on;
  };
  const paragraphs: string[] = [];
  let list: string[] = [];
  let issuedOn = '';
  const name = maskName(c.applicantName);
  switch (input.kind) {
    case 'acceptance':
      issuedOn = issued('case.accept', '受理通知书');
      paragraphs.push(`${name}:您申请的“${c.itemName}”,材料齐全、符合法定形式,本中心已于${dateLabel(c.acceptedOn ?? issuedOn)}受理。`);
      paragraphs.push(`承诺${promiseLabel(d.promisedDays)},办结期限为${c.deadline ? dateLabel(c.deadline) : ''}。办理进度可在小程序“我的办件”中查看。`);
      break;
    case 'supplement':
      issuedOn = issued('case.supplement', '补正通知');
      paragraphs.push(`${name}:您申请的“${c.itemName}”,经审查,还需补齐下列材料。按一次性告知的要求,以下为需要补正的全部材料,请补齐后到${window?.name ?? '窗口'}提交。`);
      list = c.missingMaterials ?? [];
      break;
    case 'rejection':
      issuedOn = issued('case.reject', '不予受理决定');
      // The number itself, not only "the supervision phone" (outside review: the printed notice had none).
      paragraphs.push(`${name}:您申请的“${c.itemName}”,经审查,决定不予受理,理由如下。如有异议,${center?.complaintPhone ? `可拨打本中心监督电话${center.complaintPhone}反映` : '可向本中心管理办公室反映'}。`);
      list = c.rejectReasons ?? [];
      break;
    case 'forward':
      issuedOn = issued('case.forward', '转报记录');
      paragraphs.push(`${name}:您申请的“${c.itemName}”属于转报件,本中心已于${dateLabel(c.acceptedOn ?? issuedOn)}受理并报送${c.forwardedTo ?? ''}。`);
      paragraphs.push(`承诺于${c.deadline ? dateLabel(c.deadline) : ''}前办结并告知您结果。`);
      break;
    case 'done':
      issuedOn = c.status === 'done' && c.finishedAt ? shanghaiDate(new Date(c.finishedAt)) : issued('case.complete', '办结记录');
      paragraphs.push(`${name}:您申请的“${c.itemName}”已办结。办理结果:${c.result ?? ''}。`);
      break;
  }
  return {
    kind: input.kind,
    title: DOCUMENT_TITLES[input.kind],
    centerName: center?.name ?? '',
    caseNumber: c.number,
    applicantName: name,
    itemName: c.itemName,
    windowName: window?.name ?? '',
    paragraphs,
    list,
    handlerName: c.handlerName,
    issuedOn,
    phone: window?.phone ?? center?.phone ?? '',
  };
}

export async function staff(ctx: Ctx, _input: In<'staff'>): Promise<Out<'staff'>> {
  const user = requireCaller(ctx);
  const l = await lookups(ctx, user.centerId);
  const list = [...l.users.values()].filter((u) => u.role === 'staff');
  return {
    staff: list.map((u) => {
      const post = [...l.posts.values()].find((p) => p.aId === u.id) ?? [...l.posts.values()].find((p) => p.bId === u.id);
      const backup = post ? (post.aId === u.id ? post.bId : post.aId) : '';
      return {
        id: u.id,
        name: u.name,
        windowId: u.windowId ?? '',
        windowName: l.windows.get(u.windowId ?? '')?.name ?? '',
        awayToday: l.leaves.some((x) => x.userId === u.id),
        backupName: l.users.get(backup)?.name ?? '',
      };
    }),
  };
}

export async function overdue(ctx: Ctx, _input: In<'overdue'>): Promise<Out<'overdue'>> {
  const user = requireCaller(ctx);
  const l = await lookups(ctx, user.centerId);
  const late = await ctx.store.find('cases', { where: { centerId: user.centerId, status: { $in: ['accepted', 'forwarded'] }, deadline: { $lt: l.date } } });
  return { cases: late.map((c) => view(c, l)).sort(byDeadline) };
}

export async function myMatters(ctx: Ctx, _input: In<'myMatters'>): Promise<Out<'myMatters'>> {
  const user = requireCaller(ctx);
  // What needs only the caller goes out at once; the cases of the residents they are, after.
  const [l, residents, ...own] = await Promise.all([
    lookups(ctx, user.centerId),
    ctx.store.find('residents', { where: { userId: user.id } }),
    ctx.store.find('cases', { where: { applicantUserId: user.id } }),
    user.role === 'agent' ? ctx.store.find('cases', { where: { centerId: user.centerId, agentId: user.id } }) : Promise.resolve([]),
  ]);
  const lists = [...own, ...(await Promise.all(residents.map((r) => ctx.store.find('cases', { where: { residentId: r.id } }))))];
  const all = new Map(lists.flat().map((c) => [c.id, c]));
  return { cases: [...all.values()].map((c) => view(c, l)).sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
}

export async function sweep(ctx: Ctx, _input: In<'sweep'>): Promise<Out<'sweep'>> {
  const user = requireCaller(ctx);
  // The caller's center only (issue 8.8); the sweep timer covers every center.
  return runSweep(ctx.store, ctx.clock, { centerId: user.centerId });
}

export async function leaves(ctx: Ctx, _input: In<'leaves'>): Promise<Out<'leaves'>> {
  const user = requireCaller(ctx);
  const since = addDays(today(ctx), -30);
  const all = await ctx.store.find('leaves', { where: { centerId: user.centerId, to: { $gte: since } }, orderBy: [['from', 'asc']] });
  const users = new Map((await ctx.store.find('users', { where: { centerId: user.centerId } })).map((u) => [u.id, u.name]));
  const visible = user.role === 'staff' ? all.filter((x) => x.userId === user.id) : all;
  return { leaves: visible.map((x) => ({ ...x, userName: users.get(x.userId) ?? '' })) };
}

export async function addLeave(ctx: Ctx, input: In<'addLeave'>): Promise<Out<'addLeave'>> {
  const user = requireCaller(ctx);
  const userId = input.userId ?? user.id;
  if (user.role !== 'admin' && userId !== user.id) throw new AppError('FORBIDDEN', '对不起,请假只能本人登记,或由中心管理员代为登记。');
  const who = await ctx.store.get('users', userId);
  if (!who || who.role !== 'staff') throw new AppError('VALIDATION', '请选择一位窗口工作人员。', [{ field: 'userId', message: '请选择窗口工作人员' }]);
  requireSameCenter(user, who.centerId, '请假登记');
  const overlapping = (await ctx.store.find('leaves', { where: { userId, to: { $gte: input.from } } })).find((x) => x.from <= input.to);
  if (overlapping) throw new AppError('CONFLICT', `${who.name}在${overlapping.from}至${overlapping.to}已登记过,请勿重复登记;如需调整,请先删除原记录。`);
  const at = nowIso(ctx);
  const leave: Leave = { id: `leave-${crypto.randomUUID()}`, centerId: who.centerId, userId, kind: input.kind, from: input.from, to: input.to, note: input.note, createdBy: user.id, createdAt: at };
  await ctx.store.transaction(async (tx) => {
    await tx.insert('leaves', leave);
    await appendAudit(tx, { centerId: who.centerId, at, actorId: user.id, action: 'leave.add', collection: 'leaves', recordId: leave.id, before: null, after: leave });
  });
  return { leave };
}

export async function removeLeave(ctx: Ctx, input: In<'removeLeave'>): Promise<Out<'removeLeave'>> {
  const user = requireCaller(ctx);
  const leave = await ctx.store.get('leaves', input.leaveId);
  if (!leave) throw new AppError('NOT_FOUND', '对不起,没有找到该请假记录,请刷新后再试。');
  if (user.role !== 'admin' && leave.userId !== user.id) throw new AppError('FORBIDDEN', '对不起,请假记录只能由本人或中心管理员删除。');
  requireSameCenter(user, leave.centerId, '请假登记');
  const at = nowIso(ctx);
  await ctx.store.transaction(async (tx) => {
    await tx.remove('leaves', leave.id);
    await appendAudit(tx, { centerId: leave.centerId, at, actorId: user.id, action: 'leave.remove', collection: 'leaves', recordId: leave.id, before: leave, after: null });
  });
  return { ok: true };
}
