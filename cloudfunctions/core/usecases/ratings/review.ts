/**
 * Bad reviews and appeals (R-RATE-2): the head of the window verifies, rectifies within 15
 * working days, calls the rater back and closes (never before the callback); the office may act
 * for him. The clerk rated sees his ratings and appeals a bad one within 5 working days; the
 * office decides. An upheld appeal marks the rating excluded from the figures and ends its
 * rectification item; the rating itself is never deleted.
 */
import type { ratingsContract } from '../../../../shared/contracts/ratings';
import type { ActionOutput, ActionParsedInput } from '../../../../shared/contracts/define';
import { REMINDER_STAGE_LABELS, type ReminderStage } from '../../../../shared/domain/cases';
import { AppError } from '../../../../shared/domain/errors';
import type { User } from '../../../../shared/domain/org';
import {
  APPEAL_DECISION_LABELS,
  appealId,
  appealProblem,
  nextRectificationState,
  RATING_LEVEL_LABELS,
  rectificationProblem,
  rectificationTimed,
  type Rating,
  type RatingAppeal,
  type Rectification,
  type RectificationAction,
} from '../../../../shared/domain/ratings';
import { dateLabel } from '../../../../shared/domain/time';
import { nowIso, type Ctx } from '../../context';
import { appendAudit } from '../audit';
import { centerCalendar } from '../calendar';
import { withRemindersSent, type MatterKind } from '../deadline-matters';
import { requireCaller } from '../guards';
import { notify } from '../notify';
import { appealView, isRatedClerk, mayHandle, maySeeRectification, raterPhone, rectView, staffView, todayOf, windowNames } from './access';

type K = typeof ratingsContract;
type In<A extends keyof K> = ActionParsedInput<K[A]>;
type Out<A extends keyof K> = ActionOutput<K[A]>;

const notFound = (what: string) => new AppError('NOT_FOUND', `对不起,没有找到该${what},请刷新后再试。`);

export async function received(ctx: Ctx, _input: In<'received'>): Promise<Out<'received'>> {
  const user = requireCaller(ctx);
  const [handled, asked] = await Promise.all([ctx.store.find('ratings', { where: { handlerId: user.id } }), ctx.store.find('ratings', { where: { firstAskId: user.id } })]);
  const all = [...new Map([...handled, ...asked].filter((r) => r.centerId === user.centerId).map((r) => [r.id, r])).values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const [cal, windows] = await Promise.all([centerCalendar(ctx, user.centerId), windowNames(ctx, user.centerId)]);
  const today = todayOf(ctx);
  return { ratings: all.map((r) => staffView(r, user, cal, today, windows)) };
}

async function viewOf(ctx: Ctx, item: Rectification, viewer: User): Promise<Out<'verify'>> {
  const rating = await ctx.store.get('ratings', item.ratingId);
  const [cal, windows, phone] = await Promise.all([centerCalendar(ctx, item.centerId), windowNames(ctx, item.centerId), raterPhone(ctx, rating)]);
  return { item: rectView(item, rating, viewer, cal, todayOf(ctx), windows, phone) };
}

export async function rectifications(ctx: Ctx, input: In<'rectifications'>): Promise<Out<'rectifications'>> {
  const user = requireCaller(ctx);
  const items =
    user.role === 'staff'
      ? await ctx.store.find('rectifications', { where: { headId: user.id } })
      : await ctx.store.find('rectifications', { where: { centerId: user.centerId } });
  const shown = items.filter((i) => maySeeRectification(i, user) && (!input.open || i.state !== 'closed'));
  const [cal, windows] = await Promise.all([centerCalendar(ctx, user.centerId), windowNames(ctx, user.centerId)]);
  const today = todayOf(ctx);
  const out: Out<'rectifications'>['items'] = [];
  for (const i of shown) {
    const rating = await ctx.store.get('ratings', i.ratingId);
    out.push(rectView(i, rating, user, cal, today, windows, await raterPhone(ctx, rating)));
  }
  // Overdue first, then by due date.
  const rank = (v: (typeof out)[number]) => (v.badge === 'overdue' ? 0 : v.badge === null ? 2 : 1);
  return { items: out.sort((a, b) => rank(a) - rank(b) || a.deadline.localeCompare(b.deadline)) };
}

/** One step of the item, checked again inside its transaction; the rater is told of the close. */
async function step(ctx: Ctx, id: string, action: RectificationAction, change: (item: Rectification, user: User, at: string, today: string) => Partial<Rectification>): Promise<Out<'verify'>> {
  const user = requireCaller(ctx);
  const item = await ctx.store.get('rectifications', id);
  if (!item || item.centerId !== user.centerId) throw notFound('整改事项');
  if (!mayHandle(item, user)) throw new AppError('FORBIDDEN', `对不起,此整改事项由窗口负责人${item.headName}办理;如需协助,请联系中心管理办公室。`);
  const problem = rectificationProblem(action, item.state);
  if (problem) throw new AppError(action === 'close' ? 'VALIDATION' : 'CONFLICT', problem, [{ field: action === 'close' ? 'callback' : 'rectificationId', message: problem }]);
  const at = nowIso(ctx);
  const today = todayOf(ctx);
  const next: Rectification = { ...item, ...change(item, user, at, today), state: nextRectificationState(action), updatedAt: at };
  if (!rectificationTimed(next.state)) delete next.nextReminderOn;
  const rating = await ctx.store.get('ratings', item.ratingId);
  await ctx.store.transaction(async (tx) => {
    const cur = await tx.get('rectifications', id);
    if (!cur || cur.updatedAt !== item.updatedAt) throw new AppError('CONFLICT', '此整改事项刚刚已被办理,请刷新后再试。');
    await tx.put('rectifications', next);
    await appendAudit(tx, { centerId: item.centerId, at, actorId: user.id, action: `rectification.${action}`, collection: 'rectifications', recordId: id, before: cur, after: next });
    if (action === 'close' && rating?.raterUserId) {
      await notify(tx, [rating.raterUserId], { centerId: item.centerId, kind: 'case', title: '差评整改已办结', body: `您好,您对“${item.itemName}”(${item.caseNumber})的评价,中心已核实整改并回访,现已办结。谢谢您的监督!`, link: '/rate/mine/index' }, at);
    }
  });
  return viewOf(ctx, next, user);
}

const by = (user: User, at: string) => ({ byId: user.id, byName: user.name, at });

export const verify = (ctx: Ctx, input: In<'verify'>) => step(ctx, input.rectificationId, 'verify', (_i, u, at) => ({ verification: { text: input.text, ...by(u, at) } }));
export const rectify = (ctx: Ctx, input: In<'rectify'>) => step(ctx, input.rectificationId, 'rectify', (_i, u, at) => ({ measures: { text: input.measures, ...by(u, at) } }));
export const callback = (ctx: Ctx, input: In<'callback'>) =>
  step(ctx, input.rectificationId, 'callback', (i, u, at, today) => ({ callback: { result: input.result, note: input.note, ...by(u, at), onTime: today <= i.deadline } }));
export const close = (ctx: Ctx, input: In<'close'>) => step(ctx, input.rectificationId, 'close', (_i, _u, at) => ({ closedAt: at, closedBy: 'head' }));

// ---- Appeals --------------------------------------------------------------------------------

export async function appeal(ctx: Ctx, input: In<'appeal'>): Promise<Out<'appeal'>> {
  const user = requireCaller(ctx);
  const r = await ctx.store.get('ratings', input.ratingId);
  if (!r || r.centerId !== user.centerId) throw notFound('评价');
  if (!isRatedClerk(r, user.id)) throw new AppError('FORBIDDEN', '对不起,只有被评价的工作人员本人可以对该评价申诉。');
  const cal = await centerCalendar(ctx, r.centerId);
  const problem = appealProblem(cal, r, todayOf(ctx));
  if (problem) throw new AppError('VALIDATION', problem, [{ field: 'ratingId', message: problem }]);
  const at = nowIso(ctx);
  const a: RatingAppeal = {
    id: appealId(r.id),
    centerId: r.centerId,
    ratingId: r.id,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    itemName: r.itemName,
    windowId: r.windowId,
    level: r.level,
    byId: user.id,
    byName: user.name,
    reasons: input.reasons,
    filedAt: at,
    state: 'pending',
  };
  const office = await ctx.store.find('users', { where: { centerId: r.centerId, role: 'office' } });
  await ctx.store.transaction(async (tx) => {
    const cur = await tx.get('ratings', r.id);
    if (!cur || cur.appeal !== 'none' || (await tx.get('ratingAppeals', a.id))) throw new AppError('CONFLICT', '对不起,此评价已经申诉过,每条评价只能申诉一次。');
    await tx.insert('ratingAppeals', a);
    await tx.put('ratings', { ...cur, appeal: 'pending' });
    await appendAudit(tx, { centerId: r.centerId, at, actorId: user.id, action: 'rating.appeal', collection: 'ratingAppeals', recordId: a.id, before: null, after: a });
    await notify(tx, office.map((u) => u.id), { centerId: r.centerId, kind: 'deadline', title: '收到评价申诉', body: `${user.name}对“${r.itemName}”(${r.caseNumber})的“${RATING_LEVEL_LABELS[r.level]}”评价提出申诉,请审核。`, link: '/review/appeals/index' }, at);
  });
  return { appeal: appealView(a, r.comment, await windowNames(ctx, r.centerId)) };
}

export async function appeals(ctx: Ctx, input: In<'appeals'>): Promise<Out<'appeals'>> {
  const user = requireCaller(ctx);
  const list = await ctx.store.find('ratingAppeals', { where: input.state ? { centerId: user.centerId, state: input.state } : { centerId: user.centerId } });
  const windows = await windowNames(ctx, user.centerId);
  const out: Out<'appeals'>['appeals'] = [];
  for (const a of list.sort((x, y) => Number(x.state !== 'pending') - Number(y.state !== 'pending') || y.filedAt.localeCompare(x.filedAt))) {
    out.push(appealView(a, (await ctx.store.get('ratings', a.ratingId))?.comment ?? '', windows));
  }
  return { appeals: out };
}

export async function decideAppeal(ctx: Ctx, input: In<'decideAppeal'>): Promise<Out<'decideAppeal'>> {
  const user = requireCaller(ctx);
  const a = await ctx.store.get('ratingAppeals', input.appealId);
  if (!a || a.centerId !== user.centerId) throw notFound('申诉');
  if (a.state !== 'pending') throw new AppError('CONFLICT', `此申诉已审核(${APPEAL_DECISION_LABELS[a.state]}),无需再次审核。`);
  const r = await ctx.store.get('ratings', a.ratingId);
  if (!r) throw notFound('评价');
  const at = nowIso(ctx);
  const upheld = input.outcome === 'upheld';
  const decided: RatingAppeal = { ...a, state: input.outcome, decision: { outcome: input.outcome, reasons: input.reasons, ...by(user, at) } };
  // The rating stays in the record; an upheld appeal only takes it out of the figures.
  const rating: Rating = { ...r, appeal: input.outcome, excludedFromFigures: upheld };
  await ctx.store.transaction(async (tx) => {
    const cur = await tx.get('ratingAppeals', a.id);
    if (!cur || cur.state !== 'pending') throw new AppError('CONFLICT', '此申诉刚刚已审核,请刷新后查看。');
    await tx.put('ratingAppeals', decided);
    await tx.put('ratings', rating);
    await appendAudit(tx, { centerId: a.centerId, at, actorId: user.id, action: `rating.appeal.${input.outcome}`, collection: 'ratings', recordId: r.id, before: r, after: rating });
    const item = upheld ? await tx.get('rectifications', `rect:${r.id}`) : null;
    if (item && item.state !== 'closed') {
      const { nextReminderOn: _n, ...rest } = item;
      await tx.put('rectifications', { ...rest, state: 'closed', closedAt: at, closedBy: 'appeal_upheld', updatedAt: at });
    }
    await notify(tx, [a.byId, item?.headId], { centerId: a.centerId, kind: 'deadline', title: `评价申诉:${APPEAL_DECISION_LABELS[input.outcome]}`, body: `对“${a.itemName}”(${a.caseNumber})评价的申诉,管理办公室审核为“${APPEAL_DECISION_LABELS[input.outcome]}”:${input.reasons}`, link: '/review/received/index' }, at);
  });
  return { appeal: appealView(decided, r.comment, await windowNames(ctx, a.centerId)) };
}

// ---- The one sweep (R-RATE-2) -----------------------------------------------------------------

function message(i: Rectification, stage: ReminderStage): { title: string; body: string } {
  const what = `差评整改“${i.itemName}”(${i.caseNumber})`;
  switch (stage) {
    case 'due_soon':
      return { title: '差评整改即将到期', body: `${what}应于${dateLabel(i.deadline)}前整改并回访评价人,请抓紧办理。负责人:${i.headName}。` };
    case 'due_today':
      return { title: '差评整改今日到期', body: `${what}今天(${dateLabel(i.deadline)})到期,请务必今日完成整改和回访。负责人:${i.headName}。` };
    case 'overdue':
      return { title: '差评整改已超期', body: `${what}已超过整改期限(${dateLabel(i.deadline)}),请督促负责人${i.headName}尽快整改并回访评价人。` };
  }
}

/** Rectification items in the one deadline sweep: the head before and on the day; once overdue, the office too. */
export const rectificationReminders: MatterKind<'rectifications'> = {
  collection: 'rectifications',
  deadline: (i) => (rectificationTimed(i.state) ? i.deadline : null),
  sent: (i) => i.remindersSent,
  async remind(tx, i, stage, key, center, _today, at) {
    const recipients = stage === 'overdue' ? [i.headId, ...center.office.map((u) => u.id)] : [i.headId];
    const sent = await notify(tx, recipients, { centerId: i.centerId, kind: 'deadline', key, link: `/review/rectify/index?id=${i.id}`, ...message(i, stage) }, at);
    await appendAudit(tx, { centerId: i.centerId, at, actorId: 'system', action: `rectification.reminder.${stage}`, collection: 'rectifications', recordId: i.id, before: null, after: { stage, label: REMINDER_STAGE_LABELS[stage] } });
    return sent;
  },
  withReminders: withRemindersSent,
};
