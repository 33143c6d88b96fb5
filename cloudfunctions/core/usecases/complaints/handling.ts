/**
 * The handler and the complainant (R-CMP-3, R-CMP-4, R-CMP-6): extensions told to the
 * complainant at once, the reply in the form received (recorded oral reply or written reply
 * with its printable 答复书), the complainant's rating and one review, and the admin's
 * 执行 and 归档.
 */
import type { complaintsContract } from '../../../../shared/contracts/complaints';
import type { ActionOutput, ActionParsedInput } from '../../../../shared/contracts/define';
import { nextReminderDate } from '../../../../shared/domain/cases';
import { answeredOnTime, complaintDeadline, REPLY_MEANS_LABELS, replyForm, type Complaint } from '../../../../shared/domain/complaints';
import { AppError } from '../../../../shared/domain/errors';
import type { User } from '../../../../shared/domain/org';
import { maskName } from '../../../../shared/domain/personal-data';
import { addDays, dateLabel, documentDate, shanghaiDate } from '../../../../shared/domain/time';
import { clause } from '../../../../shared/domain/text';
import { nowIso, type Ctx } from '../../context';
import { centerCalendar } from '../calendar';
import { requireCaller } from '../guards';
import { notify } from '../notify';
import { complainantSide, detailFor, invalid, isComplainant, loadComplaint, maySeeIdentity, requireOpen, saveChange, todayOf, type Detail } from './access';
import { loadFor } from './office';

type K = typeof complaintsContract;
type In<A extends keyof K> = ActionParsedInput<K[A]>;
type Out<A extends keyof K> = ActionOutput<K[A]>;

function requireHandler(c: Complaint, user: User): void {
  if (c.handlerId !== user.id) {
    throw new AppError('FORBIDDEN', `对不起,此投诉由${c.handlerName ?? '管理办公室指定的承办人'}承办,只有承办人可以办理这一步;如需调整,请联系中心管理办公室。`);
  }
}

function requireComplainant(c: Complaint, user: User): void {
  if (!isComplainant(c, user)) throw new AppError('FORBIDDEN', '对不起,只有投诉人本人(或代办的村代办员)可以办理这一步。');
}

/** Without its sweep date and stages: the time limit no longer runs. */
function untimed(c: Complaint): Complaint {
  const { nextReminderOn: _n, ...rest } = c;
  return rest;
}

export async function extend(ctx: Ctx, input: In<'extend'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const c = await loadFor(ctx, user, input.complaintId, 'extend');
  requireHandler(c, user);
  const cal = await centerCalendar(ctx, c.centerId);
  if (input.newDate <= c.deadline) throw invalid('newDate', `新的答复日期须晚于原期限${dateLabel(c.deadline)},请重新选择。`);
  if (!cal.isWorkingDay(input.newDate)) throw invalid('newDate', `${dateLabel(input.newDate)}不是工作日,请选择一个工作日。`);
  const at = nowIso(ctx);
  const next: Complaint = { ...c, deadline: input.newDate, extension: { reason: input.reason, newDate: input.newDate, at }, remindersSent: [], updatedAt: at };
  const first = nextReminderDate(cal, input.newDate, addDays(todayOf(ctx), -1));
  if (first) next.nextReminderOn = first;
  await ctx.store.transaction(async (tx) => {
    await saveChange(tx, user, c, next, { action: 'complaint.extend', text: `因${clause(input.reason)},答复日期延至${dateLabel(input.newDate)};我们会跟踪办理到底。`, public: true }, at);
    await notify(tx, complainantSide(c), { centerId: c.centerId, kind: 'complaint', title: '投诉答复延期', body: `您好,您的投诉(编号${c.number})因${clause(input.reason)},答复日期延至${dateLabel(input.newDate)},对不起,请您谅解。`, link: `/complaint/detail/index?id=${c.id}` }, at);
  });
  return detailFor(ctx, next, user);
}

export async function reply(ctx: Ctx, input: In<'reply'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const c = await loadFor(ctx, user, input.complaintId, 'reply');
  requireHandler(c, user);
  const form = replyForm(c.channel);
  if (form === 'oral' && !input.means) throw invalid('means', '电话或当面投诉应口头答复,请选择答复方式(电话或当面)并记录答复要点。');
  const at = nowIso(ctx);
  const today = todayOf(ctx);
  const next: Complaint = untimed({
    ...c,
    state: 'replied',
    reply: { form, byId: user.id, byName: user.name, at, text: input.text, onTime: answeredOnTime(c.deadline, today), ...(form === 'oral' && input.means ? { means: input.means } : {}) },
    updatedAt: at,
  });
  const text = form === 'oral' && input.means ? `${user.name}已${REPLY_MEANS_LABELS[input.means]}投诉人,答复要点:${input.text}` : `已书面答复:${input.text}`;
  await ctx.store.transaction(async (tx) => {
    await saveChange(tx, user, c, next, { action: 'complaint.reply', text, public: true }, at);
    await notify(tx, complainantSide(c), { centerId: c.centerId, kind: 'complaint', title: '投诉已答复', body: `您好,您的投诉(编号${c.number})已答复,请在小程序中查看;欢迎告诉我们您是否满意,谢谢。`, link: `/complaint/detail/index?id=${c.id}` }, at);
  });
  return detailFor(ctx, next, user);
}

export async function document(ctx: Ctx, input: In<'document'>): Promise<Out<'document'>> {
  const user = requireCaller(ctx);
  const c = await loadComplaint(ctx, input.complaintId);
  requireOpen(c, user);
  if (!c.reply || c.reply.form !== 'written') {
    throw new AppError('NOT_FOUND', '对不起,此投诉还没有书面答复(电话、当面投诉为口头答复),没有答复书可打印;请答复后再试。');
  }
  const center = await ctx.store.get('centers', c.centerId);
  const addressee = c.anonymous ? '投诉人' : maySeeIdentity(c, user) ? maskName(c.complainantName ?? '投诉人') : '投诉人';
  return {
    title: '投诉答复书',
    centerName: center?.name ?? '',
    number: c.number,
    addressee,
    paragraphs: [
      `${addressee}:您好!您于${dateLabel(c.receivedOn)}反映的关于${c.subject.label}的投诉(编号${c.number}),本中心已受理并调查核实。`,
      c.reply.text,
      `如对答复不满意,可在小程序中申请复核一次,或拨打中心监督电话${center?.complaintPhone ?? ''}。感谢您对本中心工作的监督。`,
    ],
    handlerName: c.reply.byName,
    issuedOn: documentDate(shanghaiDate(new Date(c.reply.at))),
    phone: center?.complaintPhone ?? center?.phone ?? '',
  };
}

export async function rate(ctx: Ctx, input: In<'rate'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const c = await loadComplaint(ctx, input.complaintId);
  requireComplainant(c, user);
  const checked = await loadFor(ctx, user, c.id, 'rate');
  const at = nowIso(ctx);
  const next: Complaint = { ...checked, rating: input.satisfied ? 'satisfied' : 'unsatisfied', updatedAt: at };
  await ctx.store.transaction(async (tx) => {
    await saveChange(tx, { id: 'complainant', name: '投诉人' }, c, next, { action: 'complaint.rate', text: input.satisfied ? '投诉人对答复表示满意。' : '投诉人对答复表示不满意。', public: true }, at);
  });
  return detailFor(ctx, next, user);
}

export async function requestReview(ctx: Ctx, input: In<'requestReview'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const c = await loadComplaint(ctx, input.complaintId);
  requireComplainant(c, user);
  const checked = await loadFor(ctx, user, c.id, 'requestReview');
  const cal = await centerCalendar(ctx, c.centerId);
  const today = todayOf(ctx);
  const deadline = complaintDeadline(cal, today, checked.klass);
  const at = nowIso(ctx);
  const next: Complaint = { ...checked, state: 'investigating', reviewRequestedAt: at, deadline, remindersSent: [], updatedAt: at };
  const first = nextReminderDate(cal, deadline, addDays(today, -1));
  if (first) next.nextReminderOn = first;
  const office = await ctx.store.find('users', { where: { centerId: c.centerId, role: 'office' } });
  await ctx.store.transaction(async (tx) => {
    await saveChange(tx, { id: 'complainant', name: '投诉人' }, c, next, { action: 'complaint.review', text: `投诉人申请复核:${clause(input.reason)}。中心将于${dateLabel(deadline)}前重新答复。`, public: true }, at);
    await notify(tx, [...office.map((u) => u.id), c.handlerId], { centerId: c.centerId, kind: 'complaint', title: '投诉申请复核', body: `投诉${c.number}的投诉人对答复不满意,申请复核,请于${dateLabel(deadline)}前重新核查答复。`, link: `/office/complaint/index?id=${c.id}` }, at);
  });
  return detailFor(ctx, next, user);
}

export async function carriedOut(ctx: Ctx, input: In<'carriedOut'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const c = await loadFor(ctx, user, input.complaintId, 'carriedOut');
  const at = nowIso(ctx);
  const next: Complaint = { ...c, state: 'carried_out', carriedOutAt: at, updatedAt: at };
  await ctx.store.transaction((tx) => saveChange(tx, user, c, next, { action: 'complaint.carried_out', text: `处理措施已执行:${input.note}`, public: false }, at));
  return detailFor(ctx, next, user);
}

export async function archive(ctx: Ctx, input: In<'archive'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const c = await loadFor(ctx, user, input.complaintId, 'archive');
  const at = nowIso(ctx);
  const next: Complaint = { ...c, state: 'archived', archivedAt: at, updatedAt: at };
  await ctx.store.transaction((tx) => saveChange(tx, user, c, next, { action: 'complaint.archive', text: '已归档。', public: true }, at));
  return detailFor(ctx, next, user);
}
