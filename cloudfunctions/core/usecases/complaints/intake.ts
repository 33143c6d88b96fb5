/**
 * Intake on every channel (R-CMP-1) and routing to the office (R-CMP-2): a villager or an
 * agent files in the app, staff at any window or the office register phone, oral, written and
 * suggestion-box complaints. Each lands in the office's queue and every office member is told
 * at once, in the same transaction (inbox + outbox); the complainant gets the tracking number
 * and a secret for tracking. Notices never name the complainant.
 */
import crypto from 'node:crypto';
import type { complaintsContract } from '../../../../shared/contracts/complaints';
import type { ActionOutput, ActionParsedInput } from '../../../../shared/contracts/define';
import { nextReminderDate } from '../../../../shared/domain/cases';
import {
  complaintDeadline,
  majorProblem,
  receivedOn,
  type Complaint,
  type ComplaintChannel,
  type SubjectKind,
} from '../../../../shared/domain/complaints';
import type { WorkCalendar } from '../../../../shared/domain/calendar';
import { AppError } from '../../../../shared/domain/errors';
import type { User } from '../../../../shared/domain/org';
import { actingProblem } from '../../../../shared/domain/residents';
import { addDays, dateLabel, shanghaiTime } from '../../../../shared/domain/time';
import { nowIso, type Ctx } from '../../context';
import type { TxOps } from '../../store/port';
import { centerCalendar } from '../calendar';
import { requireCaller } from '../guards';
import { notify } from '../notify';
import { complainantSide, detailFor, invalid, redact, saveChange, secretHashOf, todayOf, type Detail } from './access';
import { escalateMajor, majorRecipients } from './escalation';

type K = typeof complaintsContract;
type In<A extends keyof K> = ActionParsedInput<K[A]>;
type Out<A extends keyof K> = ActionOutput<K[A]>;

interface SubjectInput {
  subjectKind: SubjectKind;
  windowId?: string | undefined;
  staffId?: string | undefined;
  caseId?: string | undefined;
  bookingId?: string | undefined;
}

/** What the complaint is about, checked against the center's records; the label names it. */
async function resolveSubject(ctx: Ctx, centerId: string, s: SubjectInput, party: User | null): Promise<Complaint['subject']> {
  const otherCenter = (what: string) => new AppError('FORBIDDEN', `对不起,该${what}不属于本中心,只能投诉本中心的${what};请重新选择。`);
  switch (s.subjectKind) {
    case 'window': {
      if (!s.windowId) throw invalid('windowId', '请选择被投诉的窗口');
      const w = await ctx.store.get('windows', s.windowId);
      if (!w) throw new AppError('NOT_FOUND', '对不起,没有找到该窗口,请重新选择。', [{ field: 'windowId', message: '没有找到该窗口' }]);
      if (w.centerId !== centerId) throw otherCenter('窗口');
      return { kind: 'window', label: w.name, windowId: w.id };
    }
    case 'staff': {
      if (!s.staffId) throw invalid('staffId', '请选择被投诉的工作人员');
      const u = await ctx.store.get('users', s.staffId);
      if (!u || !['staff', 'office', 'leader', 'admin'].includes(u.role)) {
        throw new AppError('NOT_FOUND', '对不起,没有找到该工作人员,请重新选择。', [{ field: 'staffId', message: '没有找到该工作人员' }]);
      }
      if (u.centerId !== centerId) throw otherCenter('工作人员');
      const w = u.windowId ? await ctx.store.get('windows', u.windowId) : null;
      return { kind: 'staff', label: w ? `${w.name} ${u.name}` : u.name, staffId: u.id, ...(w ? { windowId: w.id } : {}) };
    }
    case 'case': {
      if (!s.caseId) throw invalid('caseId', '请选择被投诉的办件');
      const c = await ctx.store.get('cases', s.caseId);
      if (!c) throw new AppError('NOT_FOUND', '对不起,没有找到该办件,请重新选择。', [{ field: 'caseId', message: '没有找到该办件' }]);
      if (c.centerId !== centerId) throw otherCenter('办件');
      if (party && c.applicantUserId !== party.id && c.agentId !== party.id) throw new AppError('FORBIDDEN', '对不起,只能投诉您本人(或您代办)的办件;其他情况请选择窗口或中心。');
      return { kind: 'case', label: `办件${c.number}“${c.itemName}”`, caseId: c.id, windowId: c.windowId, staffId: c.handlerId };
    }
    case 'booking': {
      if (!s.bookingId) throw invalid('bookingId', '请选择被投诉的预约');
      const b = await ctx.store.get('bookings', s.bookingId);
      if (!b) throw new AppError('NOT_FOUND', '对不起,没有找到该预约,请重新选择。', [{ field: 'bookingId', message: '没有找到该预约' }]);
      if (b.centerId !== centerId) throw otherCenter('预约');
      if (party && b.bookedBy !== party.id && b.agentId !== party.id) throw new AppError('FORBIDDEN', '对不起,只能投诉您本人(或您代办)的预约;其他情况请选择窗口或中心。');
      return { kind: 'booking', label: `${dateLabel(b.date)}的预约`, bookingId: b.id, windowId: b.windowId };
    }
    case 'center':
      return { kind: 'center', label: '中心整体服务' };
  }
}

interface Identity {
  userId?: string;
  agentId?: string;
  residentId?: string;
  name?: string;
  contact?: string;
}

interface IntakeInput extends SubjectInput {
  facts: string;
  wants: string;
  anonymous: boolean;
  major: boolean;
}

/** The next tracking number of the day, from a counter written in the same transaction. */
async function nextNumber(tx: TxOps, date: string): Promise<string> {
  const id = `seq:complaint:${date}`;
  const cur = await tx.get('meta', id);
  const n = (cur ? Number(cur.value) : 0) + 1;
  await tx.put('meta', { id, value: String(n) });
  return `TS${date.replaceAll('-', '')}${String(n).padStart(4, '0')}`;
}

/**
 * A retried request (same requestId from the same person) gets the complaint it already made,
 * with the same tracking number and secret — never a second complaint. The key is a hash, so it
 * does not tie an anonymous complaint to its filer for anyone without the request id.
 */
const requestKey = (actor: User, requestId: string | undefined): string | null =>
  requestId ? `req:complaint:${crypto.createHash('sha256').update(`${actor.id}:${requestId}`).digest('hex').slice(0, 40)}` : null;

async function replay(ctx: Ctx, value: string, viewer: User, cal: WorkCalendar, today: string, tx?: TxOps): Promise<Out<'file'>> {
  const { id, secret } = JSON.parse(value) as { id: string; secret: string };
  const c = tx ? await tx.get('complaints', id) : await ctx.store.get('complaints', id);
  if (!c) throw new AppError('CONFLICT', '对不起,您的投诉正在提交中,请稍后在“我的投诉”中查看。');
  return { complaint: redact(c, viewer, cal, today), trackingNumber: c.number, secret };
}

async function intake(ctx: Ctx, actor: User, channel: ComplaintChannel, input: IntakeInput, who: Identity, registeredBy: User | null): Promise<Out<'file'>> {
  const major = majorProblem(input.major ? 'major' : 'general', channel);
  if (major) throw invalid('major', major);
  if ((channel === 'phone' || channel === 'oral') && !input.anonymous && !who.contact) {
    throw invalid('contact', '电话或当面投诉请记录投诉人的联系电话,以便答复;投诉人不愿留下的,请选择匿名。');
  }
  const subject = await resolveSubject(ctx, actor.centerId, input, registeredBy ? null : actor);
  const center = await ctx.store.get('centers', actor.centerId);
  const cal = await centerCalendar(ctx, actor.centerId);
  const now = ctx.clock.now();
  const today = todayOf(ctx);
  const on = receivedOn(cal, today, shanghaiTime(now), center?.closesAt ?? '17:00');
  const klass = input.major ? 'major' : 'general';
  const deadline = complaintDeadline(cal, on, klass);
  const at = nowIso(ctx);
  // Eight digits (outside review: mixed-case base64 such as "OQp--lOJ" could not be copied by
  // hand and typed back). With the complaint number they open only that complaint.
  const secret = String(crypto.randomInt(0, 100_000_000)).padStart(8, '0');
  const office = await ctx.store.find('users', { where: { centerId: actor.centerId, role: 'office' } });
  const leaders = klass === 'major' ? await majorRecipients(ctx, actor.centerId) : [];
  const retry = requestKey(actor, ctx.requestId);
  if (retry) {
    const made = await ctx.store.get('meta', retry);
    if (made) return replay(ctx, made.value, registeredBy ?? actor, cal, today);
  }
  return ctx.store.transaction(async (tx) => {
    if (retry) {
      const made = await tx.get('meta', retry);
      if (made) return replay(ctx, made.value, registeredBy ?? actor, cal, today, tx);
    }
    const number = await nextNumber(tx, today);
    const c: Complaint = {
      id: `cmp-${crypto.randomUUID()}`,
      centerId: actor.centerId,
      number,
      secretHash: secretHashOf(number, secret),
      channel,
      klass,
      classified: false,
      state: 'received',
      subject,
      facts: input.facts,
      wants: input.wants,
      anonymous: input.anonymous,
      receivedAt: at,
      receivedOn: on,
      deadline,
      createdAt: at,
      updatedAt: at,
      remindersSent: [],
    };
    if (!input.anonymous) {
      if (who.userId) c.complainantUserId = who.userId;
      if (who.agentId) c.agentId = who.agentId;
      if (who.residentId) c.residentId = who.residentId;
      if (who.name) c.complainantName = who.name;
      if (who.contact) c.complainantContact = who.contact;
    }
    if (registeredBy) c.registeredById = registeredBy.id;
    const next = nextReminderDate(cal, deadline, addDays(today, -1));
    if (next) c.nextReminderOn = next;
    // The first step of the public trail is the center's acceptance, said to the complainant who
    // reads it (outside review: it read as an order to the office, signed 投诉人).
    const actorRef = registeredBy ? { id: registeredBy.id, name: registeredBy.name } : { id: 'system', name: '便民服务中心' };
    await saveChange(tx, actorRef, null, c, { action: 'complaint.receive', text: `中心已受理您的投诉,编号${number},将于${dateLabel(deadline)}前答复您。`, public: true }, at);
    // R-CMP-2: the office's queue, and every office member told at once.
    await notify(tx, office.map((u) => u.id), { centerId: c.centerId, kind: 'complaint', title: '收到新的投诉', body: `投诉${number}(${subject.label}),请分类并指定承办人,答复期限${dateLabel(deadline)}。`, link: `/office/complaint/index?id=${c.id}` }, at);
    await notify(tx, complainantSide(c), { centerId: c.centerId, kind: 'complaint', title: '投诉已受理', body: `您好,您的投诉(编号${number})已受理,我们将于${dateLabel(deadline)}前答复您,谢谢您的监督。`, link: `/complaint/detail/index?id=${c.id}` }, at);
    if (klass === 'major') await escalateMajor(tx, c, leaders, at);
    if (retry) await tx.insert('meta', { id: retry, value: JSON.stringify({ id: c.id, secret }) });
    return { complaint: redact(c, registeredBy ?? actor, cal, today), trackingNumber: number, secret };
  });
}

export async function file(ctx: Ctx, input: In<'file'>): Promise<Out<'file'>> {
  const user = requireCaller(ctx);
  const who: Identity = { userId: user.id, name: user.name };
  if (input.residentId) {
    if (user.role !== 'agent') throw invalid('residentId', '只有村代办员可以代群众投诉;请以本人身份投诉。');
    const r = await ctx.store.get('residents', input.residentId);
    if (!r) throw new AppError('NOT_FOUND', '对不起,没有找到该群众,请刷新后重新选择。', [{ field: 'residentId', message: '没有找到该群众' }]);
    const auths = await ctx.store.find('authorizations', { where: { residentId: r.id } });
    const problem = actingProblem(user, r, auths, todayOf(ctx));
    if (problem) throw new AppError('FORBIDDEN', problem);
    delete who.userId;
    Object.assign(who, { agentId: user.id, residentId: r.id, name: r.name, contact: r.phone, ...(r.userId ? { userId: r.userId } : {}) });
  }
  if (input.contact) who.contact = input.contact;
  return intake(ctx, user, 'in_app', input, who, null);
}

export async function register(ctx: Ctx, input: In<'register'>): Promise<Out<'register'>> {
  const user = requireCaller(ctx);
  const who: Identity = {};
  if (input.name) who.name = input.name;
  if (input.contact) who.contact = input.contact;
  return intake(ctx, user, input.channel, input, who, user);
}

export async function mine(ctx: Ctx, _input: In<'mine'>): Promise<Out<'mine'>> {
  const user = requireCaller(ctx);
  const [own, asAgent] = await Promise.all([
    ctx.store.find('complaints', { where: { complainantUserId: user.id } }),
    user.role === 'agent' ? ctx.store.find('complaints', { where: { agentId: user.id } }) : Promise.resolve([]),
  ]);
  const all = [...new Map([...own, ...asAgent].map((c) => [c.id, c])).values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  const cal = await centerCalendar(ctx, user.centerId);
  const today = todayOf(ctx);
  return { complaints: all.map((c) => redact(c, user, cal, today)) };
}

export async function track(ctx: Ctx, input: In<'track'>): Promise<Detail> {
  const [c] = await ctx.store.find('complaints', { where: { number: input.number.toUpperCase() }, limit: 1 });
  // As typed (codes issued before the eight digits are case-sensitive), else without spaces or
  // dashes and with full-width digits made plain: a Chinese keyboard may give "１２３４ ５６７８".
  const typed = [input.secret, input.secret.normalize('NFKC').replace(/[\s-]/g, '')];
  if (!c || !typed.some((s) => c.secretHash === secretHashOf(c.number, s))) {
    throw new AppError('NOT_FOUND', '对不起,投诉编号或查询码不正确,请核对受理时告知您的编号和查询码后再试。');
  }
  return detailFor(ctx, c, null);
}
