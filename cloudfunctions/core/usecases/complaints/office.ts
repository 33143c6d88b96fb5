/**
 * The office's side (R-CMP-2, R-CMP-6, R-CMP-7): the queue, classification, assignment of a
 * handler (never the person complained about, never someone of another center), findings, and
 * the accountability flags over a rolling 12 months.
 */
import type { complaintsContract } from '../../../../shared/contracts/complaints';
import type { ActionOutput, ActionParsedInput } from '../../../../shared/contracts/define';
import { nextReminderDate } from '../../../../shared/domain/cases';
import {
  isComplainedAbout,
  accountabilityFlags,
  COMPLAINT_CLASS_LABELS,
  complaintDeadline,
  FLAG_LABELS,
  majorProblem,
  transitionProblem,
  type Complaint,
  type ComplaintAction,
  type Finding,
} from '../../../../shared/domain/complaints';
import { AppError } from '../../../../shared/domain/errors';
import type { User } from '../../../../shared/domain/org';
import { addDays, dateLabel } from '../../../../shared/domain/time';
import { nowIso, type Ctx } from '../../context';
import { centerCalendar } from '../calendar';
import { requireCaller, requireSameCenter } from '../guards';
import { notify } from '../notify';
import { detailFor, invalid, loadComplaint, redact, requireOpen, saveChange, todayOf, type Detail } from './access';
import { escalateMajor, majorRecipients } from './escalation';

type K = typeof complaintsContract;
type In<A extends keyof K> = ActionParsedInput<K[A]>;
type Out<A extends keyof K> = ActionOutput<K[A]>;

/** The complaint, checked to be the caller's center and in a state that allows the action. */
export async function loadFor(ctx: Ctx, user: User, id: string, action: ComplaintAction): Promise<Complaint> {
  const c = await loadComplaint(ctx, id);
  if (user.role !== 'villager' && user.role !== 'agent') requireSameCenter(user, c.centerId, '投诉');
  const problem = transitionProblem(action, c);
  if (problem) throw new AppError('CONFLICT', problem);
  return c;
}

const BADGE_ORDER = { overdue: 0, due_today: 1, due_soon: 2, on_time: 3 } as const;

export async function queue(ctx: Ctx, input: In<'queue'>): Promise<Out<'queue'>> {
  const user = requireCaller(ctx);
  const [all, cal] = await Promise.all([ctx.store.find('complaints', { where: { centerId: user.centerId } }), centerCalendar(ctx, user.centerId)]);
  const today = todayOf(ctx);
  const views = all
    .filter((c) => (!input.klass || c.klass === input.klass) && (!input.state || c.state === input.state))
    .map((c) => redact(c, user, cal, today))
    .filter((v) => !input.due || v.badge === input.due);
  return { complaints: overdueFirst(views) };
}

/** Overdue first, then due today, due soon; within each, the nearest deadline first. */
function overdueFirst<T extends { badge: keyof typeof BADGE_ORDER | null; deadline: string; receivedAt: string }>(views: T[]): T[] {
  return views.sort((a, b) => (a.badge ? BADGE_ORDER[a.badge] : 9) - (b.badge ? BADGE_ORDER[b.badge] : 9) || a.deadline.localeCompare(b.deadline) || a.receivedAt.localeCompare(b.receivedAt));
}

/** A handler's own list (R-CMP-2: the unit reports back): complaints assigned to them, still open or not. */
export async function assigned(ctx: Ctx, _input: In<'assigned'>): Promise<Out<'assigned'>> {
  const user = requireCaller(ctx);
  const [mine, cal] = await Promise.all([ctx.store.find('complaints', { where: { handlerId: user.id } }), centerCalendar(ctx, user.centerId)]);
  const today = todayOf(ctx);
  return { complaints: overdueFirst(mine.filter((c) => c.centerId === user.centerId).map((c) => redact(c, user, cal, today))) };
}

export async function get(ctx: Ctx, input: In<'get'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const c = await loadComplaint(ctx, input.complaintId);
  requireOpen(c, user);
  return detailFor(ctx, c, user);
}

export async function classify(ctx: Ctx, input: In<'classify'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const c = await loadFor(ctx, user, input.complaintId, 'classify');
  const major = majorProblem(input.klass, c.channel);
  if (major) throw invalid('klass', major);
  const cal = await centerCalendar(ctx, c.centerId);
  const today = todayOf(ctx);
  const byClass = complaintDeadline(cal, c.receivedOn, input.klass);
  // An extension the handler recorded stands when it is later than the class's limit.
  const deadline = c.extension && c.extension.newDate > byClass ? c.extension.newDate : byClass;
  const at = nowIso(ctx);
  const next: Complaint = { ...c, klass: input.klass, classified: true, state: c.state === 'received' ? 'registered' : c.state, deadline, updatedAt: at };
  if (deadline !== c.deadline) {
    next.remindersSent = [];
    const first = nextReminderDate(cal, deadline, addDays(today, -1));
    if (first) next.nextReminderOn = first;
    else delete next.nextReminderOn;
  }
  const leaders = input.klass === 'major' ? await majorRecipients(ctx, c.centerId) : [];
  await ctx.store.transaction(async (tx) => {
    await saveChange(tx, user, c, next, { action: 'complaint.classify', text: `已登记为${COMPLAINT_CLASS_LABELS[input.klass]},答复期限${dateLabel(deadline)}。`, public: true }, at);
    if (input.klass === 'major') await escalateMajor(tx, next, leaders, at);
  });
  return detailFor(ctx, await loadComplaint(ctx, c.id), user);
}

export async function assign(ctx: Ctx, input: In<'assign'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const c = await loadFor(ctx, user, input.complaintId, 'assign');
  const handler = await ctx.store.get('users', input.handlerId);
  if (!handler) throw new AppError('NOT_FOUND', '对不起,没有找到该承办人,请重新选择。', [{ field: 'handlerId', message: '没有找到该承办人' }]);
  if (handler.centerId !== c.centerId) throw invalid('handlerId', '对不起,承办人须是本中心的工作人员,请重新选择本中心的人员。');
  if (!['staff', 'office', 'leader'].includes(handler.role) || handler.erasedAt) throw invalid('handlerId', '请指定本中心的窗口负责人、管理办公室人员或领导承办。');
  if (handler.id === c.subject.staffId) throw invalid('handlerId', '对不起,不能由被投诉人本人承办此投诉;请另行指定窗口负责人或其他人员。');
  if (isComplainedAbout(c.subject, handler)) {
    throw invalid('handlerId', `对不起,这是对${c.subject.label}的投诉,不能由该窗口的工作人员承办;请指定管理办公室人员、中心领导或其他窗口的负责人承办。`);
  }
  if (handler.id === c.handlerId) throw invalid('handlerId', `此投诉已由${handler.name}承办,无需重复指定。`);
  const at = nowIso(ctx);
  const previous = c.handlerName;
  const next: Complaint = { ...c, handlerId: handler.id, handlerName: handler.name, state: 'investigating', updatedAt: at };
  await ctx.store.transaction(async (tx) => {
    const text = previous ? `改由${handler.name}承办(原承办人${previous})。${input.note}` : `指定${handler.name}承办。${input.note}`;
    await saveChange(tx, user, c, next, { action: previous ? 'complaint.reassign' : 'complaint.assign', text: text.trim(), public: false }, at);
    await notify(tx, [handler.id], { centerId: c.centerId, kind: 'complaint', title: '请承办投诉', body: `投诉${c.number}(${c.subject.label})已交由您承办,请于${dateLabel(c.deadline)}前调查并答复。`, link: `/office/complaint/index?id=${c.id}` }, at);
  });
  return detailFor(ctx, next, user);
}

export async function close(ctx: Ctx, input: In<'close'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const c = await loadFor(ctx, user, input.complaintId, 'close');
  const at = nowIso(ctx);
  const next: Complaint = {
    ...c,
    state: 'handled',
    outcome: { substantiated: input.substantiated, findings: input.findings, measure: input.measure, closedOn: todayOf(ctx), closedBy: user.name },
    updatedAt: at,
  };
  await ctx.store.transaction(async (tx) => {
    await saveChange(tx, user, c, next, { action: 'complaint.close', text: input.substantiated ? `经核查,投诉属实。处理措施:${input.measure}` : '经核查,投诉不属实。', public: true }, at);
    await notify(tx, [c.handlerId], { centerId: c.centerId, kind: 'complaint', title: '投诉已有处理意见', body: `投诉${c.number}已有核查处理意见,请于${dateLabel(c.deadline)}前答复投诉人。`, link: `/office/complaint/index?id=${c.id}` }, at);
  });
  return detailFor(ctx, next, user);
}

export async function flags(ctx: Ctx, _input: In<'flags'>): Promise<Out<'flags'>> {
  const user = requireCaller(ctx);
  const [all, users, windows] = await Promise.all([
    ctx.store.find('complaints', { where: { centerId: user.centerId } }),
    ctx.store.find('users', { where: { centerId: user.centerId } }),
    ctx.store.find('windows', { where: { centerId: user.centerId } }),
  ]);
  const substantiated = all.filter((c) => c.outcome?.substantiated);
  const findings: Finding[] = substantiated.flatMap((c) => {
    const on = c.outcome?.closedOn ?? '';
    return [
      ...(c.subject.staffId ? [{ complaintId: c.id, subject: `staff:${c.subject.staffId}`, on }] : []),
      ...(c.subject.windowId ? [{ complaintId: c.id, subject: `window:${c.subject.windowId}`, on }] : []),
    ];
  });
  const byId = new Map(substantiated.map((c) => [c.id, c]));
  const names = new Map<string, string>([...users.map((u) => [`staff:${u.id}`, u.name] as const), ...windows.map((w) => [`window:${w.id}`, w.name] as const)]);
  return {
    flags: accountabilityFlags(findings).map((f) => {
      const [kind, id] = f.subject.split(':') as ['staff' | 'window', string];
      return {
        subjectKind: kind,
        subjectId: id,
        name: names.get(f.subject) ?? '',
        level: f.level,
        levelLabel: FLAG_LABELS[f.level],
        raisedOn: f.raisedOn,
        complaints: f.complaintIds.map((cid) => {
          const c = byId.get(cid);
          return { id: cid, number: c?.number ?? '', closedOn: c?.outcome?.closedOn ?? '', findings: c?.outcome?.findings ?? '' };
        }),
      };
    }),
  };
}
