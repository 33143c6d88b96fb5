/**
 * Rating a finished matter once (一事一评, R-RATE-1): the villager in the app, an agent for a
 * resident it acted for (recorded as on behalf), or the window's pad (pad.ts). The invitation
 * is written in the completion's own transaction (inviteToRate, called from cases.ts). A bad
 * review opens its rectification item for the head of the window in the rating's transaction
 * (R-RATE-2), and the clerk rated is told he may appeal.
 */
import type { ratingsContract } from '../../../../shared/contracts/ratings';
import type { ActionOutput, ActionParsedInput } from '../../../../shared/contracts/define';
import { CASE_STATUS_LABELS, nextReminderDate, type Case } from '../../../../shared/domain/cases';
import { AppError } from '../../../../shared/domain/errors';
import type { User } from '../../../../shared/domain/org';
import { maskName } from '../../../../shared/domain/personal-data';
import {
  appealLastDay,
  finishedOnForRating,
  headOfWindow,
  isBad,
  RATING_LEVEL_LABELS,
  ratingDaysLeft,
  ratingId,
  ratingLastDay,
  rateProblem,
  rectificationDeadline,
  rectificationId,
  type Rating,
  type RatingChannel,
  type RatingLevel,
  type Rectification,
  type SubIndicator,
} from '../../../../shared/domain/ratings';
import { actingProblem } from '../../../../shared/domain/residents';
import { addDays, dateLabel, shanghaiDate } from '../../../../shared/domain/time';
import { nowIso, type Ctx } from '../../context';
import type { TxOps } from '../../store/port';
import { appendAudit } from '../audit';
import { centerCalendar } from '../calendar';
import { requireCaller } from '../guards';
import { notify } from '../notify';
import { ownView, rateable, todayOf, windowNames } from './access';

type K = typeof ratingsContract;
type In<A extends keyof K> = ActionParsedInput<K[A]>;
type Out<A extends keyof K> = ActionOutput<K[A]>;

/** The rate page a notice links to. */
export const ratePageLink = (caseId: string): string => `/rate/index?caseId=${caseId}`;

/**
 * Called by cases.ts inside the transaction that finishes a case: when it has just become done
 * (completed, or done on the spot), the applicant's side is invited to rate (R-RATE-1). Once per
 * case: only the change into 'done' invites, and that change commits once (cases.ts refuses a
 * stale case), so no notice key (and no extra read per recipient) is needed.
 */
export async function inviteToRate(
  tx: TxOps,
  before: Case,
  after: Case,
  at: string,
  /** The case's resident when the caller already read it in this transaction (one round trip less, issue 12). */
  knownResident?: { userId?: string | null } | null,
): Promise<void> {
  if (after.status !== 'done' || before.status === 'done') return;
  const resident = knownResident !== undefined ? knownResident : after.residentId ? await tx.get('residents', after.residentId) : null;
  const residentUser = resident?.userId;
  const to = [after.applicantUserId, after.agentId, residentUser];
  const last = ratingLastDay(shanghaiDate(new Date(after.finishedAt ?? at)));
  await notify(
    tx,
    to,
    {
      centerId: after.centerId,
      kind: 'case',
      title: '请您评价',
      body: `您好,您办理的“${after.itemName}”(${after.number})已办结。请您对${after.handlerName}的服务作出评价(非常满意至非常不满意),${dateLabel(last)}前有效。谢谢您的监督!`,
      link: ratePageLink(after.id),
    },
    at,
  );
}

/** Who the caller rates as for this case, or why they may not. */
async function raterFor(ctx: Ctx, user: User, c: Case): Promise<{ channel: RatingChannel; onBehalf: boolean; residentName: string | null }> {
  if (c.centerId !== user.centerId) throw new AppError('FORBIDDEN', '对不起,该办件不属于您所在的服务中心,只能评价本人(或您代办)的事项。');
  if (c.applicantUserId === user.id) return { channel: 'app', onBehalf: false, residentName: null };
  const resident = c.residentId ? await ctx.store.get('residents', c.residentId) : null;
  if (resident && resident.userId === user.id) return { channel: 'app', onBehalf: false, residentName: null };
  if (user.role === 'agent' && resident && c.agentId === user.id) {
    const auths = await ctx.store.find('authorizations', { where: { residentId: resident.id } });
    const problem = actingProblem(user, resident, auths, todayOf(ctx));
    if (problem) throw new AppError('FORBIDDEN', problem.replace('再办理', '再代为评价'));
    return { channel: 'agent', onBehalf: true, residentName: resident.name };
  }
  throw new AppError('FORBIDDEN', '对不起,只能评价您本人(或您受托代办)的事项;请在“待评价”中选择您的事项。');
}

export interface RatingDraft {
  level: RatingLevel;
  subIndicators: Partial<Record<SubIndicator, RatingLevel>>;
  comment: string;
  channel: RatingChannel;
  onBehalf: boolean;
  raterUserId?: string;
  padId?: string;
}

/** The rating document of a case. */
function ratingOf(c: Case, d: RatingDraft, at: string, today: string): Rating {
  const r: Rating = {
    id: ratingId(c.id),
    centerId: c.centerId,
    caseId: c.id,
    caseNumber: c.number,
    itemName: c.itemName,
    windowId: c.windowId,
    handlerId: c.handlerId,
    handlerName: c.handlerName,
    applicantMasked: maskName(c.applicantName),
    onBehalf: d.onBehalf,
    channel: d.channel,
    level: d.level,
    bad: isBad(d.level),
    subIndicators: d.subIndicators,
    comment: d.comment,
    createdAt: at,
    ratedOn: today,
    appeal: 'none',
    excludedFromFigures: false,
  };
  if (c.bookingId) r.bookingId = c.bookingId;
  if (c.firstAskId !== c.handlerId) Object.assign(r, { firstAskId: c.firstAskId, firstAskName: c.firstAskName });
  if (d.raterUserId) r.raterUserId = d.raterUserId;
  if (d.onBehalf && c.residentId) r.residentId = c.residentId;
  if (!d.onBehalf && c.residentId && d.channel !== 'pad') r.residentId = c.residentId;
  if (d.padId) r.padId = d.padId;
  return r;
}

/**
 * Saves a rating of a case, checked again inside the transaction (one per matter); a bad review
 * opens its rectification item and tells the head and the clerk rated. Everything or nothing.
 */
export async function saveRating(ctx: Ctx, c: Case, d: RatingDraft, actorId: string): Promise<{ rating: Rating; item: Rectification | null }> {
  const today = todayOf(ctx);
  const at = nowIso(ctx);
  const problem = rateProblem(await rateable(ctx, c), today, (await ctx.store.get('ratings', ratingId(c.id))) !== null);
  if (problem) throw new AppError(problem.includes('只能评价一次') ? 'CONFLICT' : 'VALIDATION', problem, [{ field: 'caseId', message: problem }]);
  const rating = ratingOf(c, d, at, today);
  const cal = await centerCalendar(ctx, c.centerId);
  let item: Rectification | null = null;
  let office: User[] = [];
  if (rating.bad) {
    const posts = await ctx.store.find('posts', { where: { centerId: c.centerId } });
    const headId = headOfWindow(posts, c.windowId, c.postId, [c.handlerId, c.firstAskId]);
    office = await ctx.store.find('users', { where: { centerId: c.centerId, role: 'office' } });
    // No post at the window, or both of it rated: the office takes the item (its name says so).
    const head = headId ? await ctx.store.get('users', headId) : null;
    const deadline = rectificationDeadline(cal, today);
    item = {
      id: rectificationId(rating.id),
      centerId: c.centerId,
      ratingId: rating.id,
      caseId: c.id,
      caseNumber: c.number,
      itemName: c.itemName,
      windowId: c.windowId,
      level: rating.level,
      headId: head?.id ?? office[0]?.id ?? c.handlerId,
      headName: head?.name ?? (office[0] ? `${office[0].name}(管理办公室)` : c.handlerName),
      state: 'opened',
      openedOn: today,
      deadline,
      createdAt: at,
      updatedAt: at,
      remindersSent: [],
    };
    const next = nextReminderDate(cal, deadline, addDays(today, -1));
    if (next) item.nextReminderOn = next;
  }
  await ctx.store.transaction(async (tx) => {
    if (await tx.get('ratings', rating.id)) {
      throw new AppError('CONFLICT', '对不起,此事项刚刚已经评价过了,每件事项只能评价一次(一事一评)。', [{ field: 'caseId', message: '此事项已评价' }]);
    }
    await tx.insert('ratings', rating);
    await appendAudit(tx, { centerId: c.centerId, at, actorId, action: 'rating.create', collection: 'ratings', recordId: rating.id, before: null, after: { level: rating.level, channel: rating.channel } });
    if (!item) return;
    await tx.insert('rectifications', item);
    await appendAudit(tx, { centerId: c.centerId, at, actorId: 'system', action: 'rectification.open', collection: 'rectifications', recordId: item.id, before: null, after: { headId: item.headId, deadline: item.deadline } });
    const what = `“${c.itemName}”(${c.number},${c.handlerName}办理)`;
    await notify(tx, [item.headId], { centerId: c.centerId, kind: 'deadline', title: '收到差评,请核实整改', body: `${what}收到“${RATING_LEVEL_LABELS[rating.level]}”评价。请核实情况、整改,并回访评价人,${dateLabel(item.deadline)}前办结。`, link: `/review/rectify/index?id=${item.id}` }, at);
    await notify(tx, [c.handlerId, rating.firstAskId].filter((u) => u !== item?.headId), { centerId: c.centerId, kind: 'deadline', title: '您办理的事项收到差评', body: `${what}收到“${RATING_LEVEL_LABELS[rating.level]}”评价。如认为评价恶意或有误,可在${dateLabel(appealLastDay(cal, today))}前提出申诉。`, link: '/review/received/index' }, at);
  });
  return { rating, item };
}

export async function pending(ctx: Ctx, _input: In<'pending'>): Promise<Out<'pending'>> {
  const user = requireCaller(ctx);
  const today = todayOf(ctx);
  const [own, resident] = await Promise.all([ctx.store.find('cases', { where: { applicantUserId: user.id } }), ctx.store.find('residents', { where: { userId: user.id }, limit: 1 })]);
  const byResident = resident[0] ? await ctx.store.find('cases', { where: { residentId: resident[0].id } }) : [];
  const actedFor: Case[] = [];
  if (user.role === 'agent') {
    const auths = await ctx.store.find('authorizations', { where: { agentId: user.id } });
    for (const rid of new Set(auths.map((a) => a.residentId))) actedFor.push(...(await ctx.store.find('cases', { where: { residentId: rid } })).filter((c) => c.agentId === user.id));
  }
  const all = [...new Map([...own, ...byResident, ...actedFor].filter((c) => c.centerId === user.centerId).map((c) => [c.id, c])).values()];
  const windows = await windowNames(ctx, user.centerId);
  const matters: Out<'pending'>['matters'] = [];
  for (const c of all) {
    const on = finishedOnForRating(await rateable(ctx, c));
    if (!on || ratingDaysLeft(on, today) < 0) continue;
    if (await ctx.store.get('ratings', ratingId(c.id))) continue;
    const behalf = c.applicantUserId !== user.id && c.agentId === user.id && c.residentId && resident[0]?.id !== c.residentId ? c.applicantName : null;
    matters.push({
      caseId: c.id,
      caseNumber: c.number,
      itemName: c.itemName,
      windowName: windows.get(c.windowId) ?? '',
      handlerName: c.handlerName,
      statusLabel: CASE_STATUS_LABELS[c.status],
      finishedOn: on,
      lastDay: ratingLastDay(on),
      daysLeft: ratingDaysLeft(on, today),
      onBehalfOf: behalf,
    });
  }
  return { matters: matters.sort((a, b) => a.daysLeft - b.daysLeft || b.finishedOn.localeCompare(a.finishedOn)) };
}

export async function rate(ctx: Ctx, input: In<'rate'>): Promise<Out<'rate'>> {
  const user = requireCaller(ctx);
  const c = await ctx.store.get('cases', input.caseId);
  if (!c) throw new AppError('NOT_FOUND', '对不起,没有找到该办件,请在“待评价”中重新选择。', [{ field: 'caseId', message: '没有找到该办件' }]);
  const who = await raterFor(ctx, user, c);
  const { rating, item } = await saveRating(ctx, c, { level: input.level, subIndicators: input.subIndicators, comment: input.comment, channel: who.channel, onBehalf: who.onBehalf, raterUserId: user.id }, user.id);
  return { rating: ownView(rating, item, who.residentName) };
}

export async function mine(ctx: Ctx, _input: In<'mine'>): Promise<Out<'mine'>> {
  const user = requireCaller(ctx);
  const ratings = (await ctx.store.find('ratings', { where: { raterUserId: user.id } })).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const out: Out<'mine'>['ratings'] = [];
  for (const r of ratings) {
    const item = r.bad ? await ctx.store.get('rectifications', rectificationId(r.id)) : null;
    const resident = r.onBehalf && r.residentId ? await ctx.store.get('residents', r.residentId) : null;
    out.push(ownView(r, item, resident?.name ?? null));
  }
  return { ratings: out };
}
