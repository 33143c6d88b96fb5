/**
 * Petitions (信访, R-PET-1..3): registration by any window, the office or a leader, with the
 * reply's due date on the center's chosen day count; collective or urgent petitions alert the
 * center's leaders, today's duty leaders and the unit concerned in the registering transaction;
 * assignment to a unit and a named person of the center; a leader's reception (answered within
 * a week); the assigned person's reply; the office's closing.
 */
import type { petitionsContract } from '../../../../shared/contracts/petitions';
import type { ActionOutput, ActionParsedInput } from '../../../../shared/contracts/define';
import { nextReminderDate } from '../../../../shared/domain/cases';
import { AppError } from '../../../../shared/domain/errors';
import type { User } from '../../../../shared/domain/org';
import {
  isCollective,
  leaderDue,
  needsAlert,
  PETITION_FORM_LABELS,
  petitionOnTime,
  petitionTransitionProblem,
  REPLY_MODE_LABELS,
  replyDue,
  type Petition,
  type PetitionAction,
} from '../../../../shared/domain/petitions';
import { addDays, dateLabel, shanghaiDate, shanghaiTime } from '../../../../shared/domain/time';
import { nowIso, type Ctx } from '../../context';
import type { TxOps } from '../../store/port';
import { centerCalendar } from '../calendar';
import { invalid, todayOf } from '../complaints/access';
import { dutyLeadersOn } from '../duty';
import { requireCaller } from '../guards';
import { notify } from '../notify';
import { detailFor, loadPetition, mayOpen, redact, requireOpen, saveChange, unitStaff, type Detail } from './access';
import { dayCountOf } from './settings';

type K = typeof petitionsContract;
type In<A extends keyof K> = ActionParsedInput<K[A]>;
type Out<A extends keyof K> = ActionOutput<K[A]>;

/** The petition's page in the app (the petition subpackage). */
const LINK = (id: string) => `/petition/detail/index?id=${id}`;

async function nextNumber(tx: TxOps, date: string): Promise<string> {
  const id = `seq:petition:${date}`;
  const cur = await tx.get('meta', id);
  const n = (cur ? Number(cur.value) : 0) + 1;
  await tx.put('meta', { id, value: String(n) });
  return `XF${date.replaceAll('-', '')}${String(n).padStart(4, '0')}`;
}

async function unitOf(ctx: Ctx, centerId: string, unitId: string, field: string): Promise<{ id: string; name: string }> {
  const w = await ctx.store.get('windows', unitId);
  if (!w || w.centerId !== centerId) throw invalid(field, '对不起,没有找到本中心的这个单位(窗口),请从列表中重新选择。');
  return w;
}

/** The next sweep date of a running limit, counted from today. */
function scheduled(p: Petition, next: string | null): Petition {
  const out = { ...p };
  if (next) out.nextReminderOn = next;
  else delete out.nextReminderOn;
  return out;
}

export async function register(ctx: Ctx, input: In<'register'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const unit = input.unitId ? await unitOf(ctx, user.centerId, input.unitId, 'unitId') : null;
  const [cal, center, dayCount, office] = await Promise.all([
    centerCalendar(ctx, user.centerId),
    ctx.store.get('centers', user.centerId),
    dayCountOf(ctx, user.centerId),
    ctx.store.find('users', { where: { centerId: user.centerId, role: 'office' } }),
  ]);
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const due = replyDue(cal, dayCount, today, shanghaiTime(now), center?.closesAt ?? '17:00');
  const collective = isCollective(input.headcount);
  const alert = needsAlert({ collective, urgent: input.urgent });
  // R-PET-2: the center's leaders, today's duty leaders and the unit concerned, told at once.
  const alerted = alert
    ? [
        ...(await ctx.store.find('users', { where: { centerId: user.centerId, role: 'leader' } })).map((u) => u.id),
        ...(await dutyLeadersOn(ctx, user.centerId, today)).map((u) => u.id),
        ...(unit ? await unitStaff(ctx, user.centerId, unit.id) : []),
      ]
    : [];
  const at = nowIso(ctx);
  const saved = await ctx.store.transaction(async (tx) => {
    const number = await nextNumber(tx, today);
    const p: Petition = scheduled(
      {
        id: `pet-${number}-${user.centerId}`,
        centerId: user.centerId,
        number,
        form: input.form,
        state: 'registered',
        receivedAt: at,
        petitioner: {
          name: input.name,
          gender: input.gender,
          age: input.age,
          occupation: input.occupation,
          addressOrUnit: input.addressOrUnit,
          ...(input.politicalStatus ? { politicalStatus: input.politicalStatus } : {}),
        },
        mainIssue: input.mainIssue,
        headcount: input.headcount,
        collective,
        urgent: input.urgent,
        dayCount,
        deadline: due,
        deadlineKind: 'reply',
        replyDue: due,
        ...(unit ? { unitId: unit.id, unitName: unit.name } : {}),
        registeredById: user.id,
        createdAt: at,
        updatedAt: at,
        remindersSent: [],
      },
      nextReminderDate(cal, due, addDays(today, -1)),
    );
    const kind = [collective ? `集体访${input.headcount}人` : '', input.urgent ? '紧急' : ''].filter(Boolean).join('、');
    await saveChange(tx, user, null, p, { action: 'petition.register', text: `${PETITION_FORM_LABELS[input.form]}已登记,编号${number}${kind ? `(${kind})` : ''},请于${dateLabel(due)}前答复。` }, at);
    await notify(tx, office.map((u) => u.id), { centerId: p.centerId, kind: 'petition', title: '新的信访件', body: `信访件${number}(${PETITION_FORM_LABELS[input.form]})已登记,请交办,答复期限${dateLabel(due)}。`, link: LINK(p.id) }, at);
    if (alert) {
      await notify(
        tx,
        alerted,
        { centerId: p.centerId, kind: 'petition', title: collective ? '集体访,请即阅处' : '紧急信访,请即阅处', body: `信访件${number}(${kind}${unit ? `,涉及${unit.name}` : ''})需立即处理,答复期限${dateLabel(due)}。`, link: LINK(p.id) },
        at,
      );
    }
    return p;
  });
  return detailFor(ctx, saved, user);
}

async function loadFor(ctx: Ctx, user: User, id: string, action: PetitionAction): Promise<Petition> {
  const p = await loadPetition(ctx, user, id);
  const problem = petitionTransitionProblem(action, p.state);
  if (problem) throw new AppError('CONFLICT', problem);
  return p;
}

const BADGE_ORDER = { overdue: 0, due_today: 1, due_soon: 2, on_time: 3 } as const;

export async function list(ctx: Ctx, _input: In<'list'>): Promise<Out<'list'>> {
  const user = requireCaller(ctx);
  const [all, cal] = await Promise.all([ctx.store.find('petitions', { where: { centerId: user.centerId } }), centerCalendar(ctx, user.centerId)]);
  const units = new Map<string, string[]>();
  for (const id of new Set(all.flatMap((p) => (p.unitId ? [p.unitId] : [])))) units.set(id, await unitStaff(ctx, user.centerId, id));
  const today = todayOf(ctx);
  const views = all.filter((p) => mayOpen(p, user, p.unitId ? (units.get(p.unitId) ?? []) : [])).map((p) => redact(p, user, cal, today));
  views.sort((a, b) => (a.badge ? BADGE_ORDER[a.badge] : 9) - (b.badge ? BADGE_ORDER[b.badge] : 9) || a.deadline.localeCompare(b.deadline) || a.number.localeCompare(b.number));
  return { petitions: views };
}

export async function get(ctx: Ctx, input: In<'get'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const p = await loadPetition(ctx, user, input.petitionId);
  await requireOpen(ctx, p, user);
  return detailFor(ctx, p, user);
}

export async function assign(ctx: Ctx, input: In<'assign'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const p = await loadFor(ctx, user, input.petitionId, 'assign');
  const unit = await unitOf(ctx, p.centerId, input.unitId, 'unitId');
  const person = await ctx.store.get('users', input.assigneeId);
  if (!person || person.centerId !== p.centerId) throw invalid('assigneeId', '对不起,承办人须是本中心的工作人员,请重新选择本中心的人员。');
  if (!['staff', 'office', 'leader'].includes(person.role) || person.erasedAt) throw invalid('assigneeId', '请指定本中心的窗口工作人员、管理办公室人员或领导承办。');
  if (person.id === p.assigneeId && unit.id === p.unitId) throw invalid('assigneeId', `此信访件已交由${person.name}承办,无需重复交办。`);
  const at = nowIso(ctx);
  const next: Petition = { ...p, unitId: unit.id, unitName: unit.name, assigneeId: person.id, assigneeName: person.name, state: p.state === 'registered' ? 'assigned' : p.state, updatedAt: at };
  const staff = await unitStaff(ctx, p.centerId, unit.id);
  await ctx.store.transaction(async (tx) => {
    await saveChange(tx, user, p, next, { action: p.assigneeId ? 'petition.reassign' : 'petition.assign', text: `交${unit.name}${person.name}承办${p.assigneeName ? `(原承办人${p.assigneeName})` : ''},请于${dateLabel(p.deadline)}前答复。` }, at);
    await notify(tx, [person.id, ...staff], { centerId: p.centerId, kind: 'petition', title: '信访事项交办', body: `信访件${p.number}已交${unit.name}${person.name}承办,请于${dateLabel(p.deadline)}前答复信访人。`, link: LINK(p.id) }, at);
  });
  return detailFor(ctx, next, user);
}

export async function leaderReception(ctx: Ctx, input: In<'leaderReception'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const p = await loadFor(ctx, user, input.petitionId, 'leaderReception');
  const cal = await centerCalendar(ctx, p.centerId);
  const today = todayOf(ctx);
  const due = leaderDue(today);
  const at = nowIso(ctx);
  const next: Petition = scheduled(
    {
      ...p,
      state: 'received_by_leader',
      leaderReception: { byId: user.id, byName: user.name, on: today, summary: input.summary, due },
      deadline: due,
      deadlineKind: 'leader',
      remindersSent: [],
      ...(p.assigneeId ? {} : { assigneeId: user.id, assigneeName: user.name }),
      updatedAt: at,
    },
    nextReminderDate(cal, due, addDays(today, -1)),
  );
  const office = await ctx.store.find('users', { where: { centerId: p.centerId, role: 'office' } });
  await ctx.store.transaction(async (tx) => {
    await saveChange(tx, user, p, next, { action: 'petition.leader_reception', text: `${user.name}接待了信访人,一周内(${dateLabel(due)}前)给予答复。` }, at);
    await notify(tx, [...office.map((u) => u.id), next.assigneeId], { centerId: p.centerId, kind: 'petition', title: '领导已接待信访人', body: `信访件${p.number}:${user.name}已接待,请于${dateLabel(due)}前答复。`, link: LINK(p.id) }, at);
  });
  return detailFor(ctx, next, user);
}

export async function reply(ctx: Ctx, input: In<'reply'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const p = await loadFor(ctx, user, input.petitionId, 'reply');
  if (user.id !== p.assigneeId && user.id !== p.leaderReception?.byId) {
    const message = `对不起,此信访件由${p.assigneeName ?? '管理办公室指定的承办人'}承办,只有承办人可以答复;如需调整,请联系中心管理办公室。`;
    throw new AppError('FORBIDDEN', message, [{ field: 'petitionId', message }]);
  }
  const today = todayOf(ctx);
  const at = nowIso(ctx);
  const { nextReminderOn: _n, ...rest } = p;
  const next: Petition = { ...rest, state: 'replied', reply: { mode: input.mode, byId: user.id, byName: user.name, at, summary: input.summary, onTime: petitionOnTime(p.deadline, today) }, updatedAt: at };
  const office = await ctx.store.find('users', { where: { centerId: p.centerId, role: 'office' } });
  await ctx.store.transaction(async (tx) => {
    await saveChange(tx, user, p, next, { action: 'petition.reply', text: `${user.name}已${REPLY_MODE_LABELS[input.mode]}信访人${next.reply?.onTime ? '' : '(已超过期限)'}。` }, at);
    await notify(tx, office.map((u) => u.id), { centerId: p.centerId, kind: 'petition', title: '信访件已答复', body: `信访件${p.number}已由${user.name}答复,请核实后办结。`, link: LINK(p.id) }, at);
  });
  return detailFor(ctx, next, user);
}

export async function close(ctx: Ctx, input: In<'close'>): Promise<Detail> {
  const user = requireCaller(ctx);
  const p = await loadFor(ctx, user, input.petitionId, 'close');
  const at = nowIso(ctx);
  const next: Petition = { ...p, state: 'closed', closedAt: at, updatedAt: at };
  await ctx.store.transaction((tx) => saveChange(tx, user, p, next, { action: 'petition.close', text: '已办结。' }, at));
  return detailFor(ctx, next, user);
}
