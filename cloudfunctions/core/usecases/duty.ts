/**
 * Leaders on duty (领导带班值班, R-DUTY-1..2): the admin drafts and publishes a month's roster,
 * the public sees it (公示) and today's leaders, the leader on duty records the day, and
 * escalations go to that day's leaders (dutyLeadersOn, used by the deadline sweep and the
 * complaints). Publishing writes one `duty` document per working day, the roster and an audit
 * entry in one transaction; a refused draft or publication writes nothing.
 */
import type { dutyContract } from '../../../shared/contracts/duty';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import {
  draftProblems,
  dutyId,
  dutyLeaderIds,
  dutyRecordId,
  monthDates,
  monthLabel,
  monthOf,
  monthWorkingDays,
  rosterId,
  rosterProblems,
  rosterRefusal,
  type DutyRecord,
  type Reception,
  type Roster,
  type RosterEntry,
  type RosterProblem,
} from '../../../shared/domain/duty';
import { AppError } from '../../../shared/domain/errors';
import type { User } from '../../../shared/domain/org';
import { dayLabel, shanghaiDate } from '../../../shared/domain/time';
import { nowIso, type Ctx } from '../context';
import { appendAudit } from './audit';
import { centerCalendar } from './calendar';
import { requireCaller } from './guards';

type C = typeof dutyContract;
type In<K extends keyof C> = ActionParsedInput<C[K]>;
type Out<K extends keyof C> = ActionOutput<C[K]>;
type RosterView = Out<'roster'>['roster'];

const todayOf = (ctx: Ctx): string => shanghaiDate(ctx.clock.now());

const leadersOf = (ctx: Ctx, centerId: string): Promise<User[]> => ctx.store.find('users', { where: { centerId, role: 'leader' } });

/**
 * The leader ids a PUBLISHED roster names for the date, or null when the date's month has no
 * published roster or the day has no entry.
 */
async function publishedLeaderIds(ctx: Ctx, centerId: string, date: string): Promise<string[] | null> {
  const [roster, duty] = await Promise.all([ctx.store.get('rosters', rosterId(centerId, monthOf(date))), ctx.store.get('duty', dutyId(centerId, date))]);
  if (!roster?.publishedAt || !duty) return null;
  const ids = dutyLeaderIds(duty);
  return ids.length ? ids : null;
}

/**
 * The leaders on duty on a date (R-DUTY-2): those the center's published roster names for that
 * day, or all the center's leaders when the day has none (no published roster, no entry, or
 * nobody named is a leader any more). Escalations (the sweep's overdue cases, complaints) go to
 * them.
 */
export async function dutyLeadersOn(ctx: Ctx, centerId: string, date: string): Promise<User[]> {
  const [ids, leaders] = await Promise.all([publishedLeaderIds(ctx, centerId, date), leadersOf(ctx, centerId)]);
  const named = ids ? leaders.filter((u) => ids.includes(u.id)) : [];
  return named.length ? named : leaders;
}

function refuse(problems: readonly RosterProblem[], publishing: boolean): never {
  throw new AppError('VALIDATION', rosterRefusal(problems, publishing), problems.map((p) => ({ field: p.field, message: p.message })));
}

/** R-DUTY-1: a roster is made for this month or later; a month gone by stays as it was. */
function requireOpenMonth(ctx: Ctx, month: string): void {
  if (month < monthOf(todayOf(ctx))) {
    throw new AppError('VALIDATION', `对不起,${monthLabel(month)}已经过去,排班不能再修改;请选择本月或以后的月份。`, [{ field: 'month', message: '请选择本月或以后的月份' }]);
  }
}

async function rosterView(ctx: Ctx, centerId: string, month: string, forAdmin: boolean): Promise<RosterView> {
  const [roster, cal, people, duty] = await Promise.all([
    ctx.store.get('rosters', rosterId(centerId, month)),
    centerCalendar(ctx, centerId),
    ctx.store.find('users', { where: { centerId } }),
    ctx.store.find('duty', { where: { centerId, date: { $gte: `${month}-01`, $lte: `${month}-31` } }, orderBy: [['date', 'asc']] }),
  ]);
  const names = new Map(people.map((u) => [u.id, u.name]));
  const leadersOfDay = (ids: readonly string[]) => ids.map((id) => ({ id, name: names.get(id) ?? '(已离任)' }));
  const published = roster?.publishedAt
    ? { publishedAt: roster.publishedAt, days: duty.map((d) => ({ date: d.date, leaders: leadersOfDay(dutyLeaderIds(d)) })).filter((d) => d.leaders.length > 0) }
    : null;
  const draft =
    forAdmin && roster
      ? {
          status: roster.status,
          updatedAt: roster.updatedAt,
          days: roster.entries.map((e) => ({ date: e.date, leaders: leadersOfDay(e.leaderIds) })),
          problems: rosterProblems(month, roster.entries, cal, people),
        }
      : null;
  const leaders = forAdmin ? people.filter((u) => u.role === 'leader').map((u) => ({ id: u.id, name: u.name })) : null;
  return { month, workingDays: monthWorkingDays(month, cal), published, draft, leaders };
}

/** Entries as stored: by date, without the days left open. */
const normalise = (entries: readonly RosterEntry[]): RosterEntry[] =>
  entries.filter((e) => e.leaderIds.length > 0).map((e) => ({ date: e.date, leaderIds: [...e.leaderIds] })).sort((a, b) => (a.date < b.date ? -1 : 1));

export async function draftRoster(ctx: Ctx, input: In<'draftRoster'>): Promise<Out<'draftRoster'>> {
  const admin = requireCaller(ctx);
  requireOpenMonth(ctx, input.month);
  const [cal, people] = await Promise.all([centerCalendar(ctx, admin.centerId), ctx.store.find('users', { where: { centerId: admin.centerId } })]);
  const problems = draftProblems(rosterProblems(input.month, input.entries, cal, people));
  if (problems.length) refuse(problems, false);
  const at = nowIso(ctx);
  const id = rosterId(admin.centerId, input.month);
  await ctx.store.transaction(async (tx) => {
    const before = await tx.get('rosters', id);
    const after: Roster = {
      id,
      centerId: admin.centerId,
      month: input.month,
      status: 'draft',
      entries: normalise(input.entries),
      updatedAt: at,
      updatedBy: admin.id,
      ...(before?.publishedAt ? { publishedAt: before.publishedAt } : {}),
      ...(before?.publishedBy ? { publishedBy: before.publishedBy } : {}),
    };
    await tx.put('rosters', after);
    await appendAudit(tx, { centerId: admin.centerId, at, actorId: admin.id, action: 'roster.draft', collection: 'rosters', recordId: id, before, after });
  });
  return { roster: await rosterView(ctx, admin.centerId, input.month, true) };
}

export async function publishRoster(ctx: Ctx, input: In<'publishRoster'>): Promise<Out<'publishRoster'>> {
  const admin = requireCaller(ctx);
  requireOpenMonth(ctx, input.month);
  const id = rosterId(admin.centerId, input.month);
  const [roster, cal, people, existing] = await Promise.all([
    ctx.store.get('rosters', id),
    centerCalendar(ctx, admin.centerId),
    ctx.store.find('users', { where: { centerId: admin.centerId } }),
    ctx.store.find('duty', { where: { centerId: admin.centerId, date: { $gte: `${input.month}-01`, $lte: `${input.month}-31` } } }),
  ]);
  if (!roster) throw new AppError('NOT_FOUND', `对不起,${monthLabel(input.month)}还没有保存排班草稿;请先为每个工作日选择带班领导并保存草稿,再发布。`);
  const problems = rosterProblems(input.month, roster.entries, cal, people);
  if (problems.length) refuse(problems, true);
  const at = nowIso(ctx);
  const days = new Set(roster.entries.map((e) => e.date));
  await ctx.store.transaction(async (tx) => {
    for (const e of roster.entries) await tx.put('duty', { id: dutyId(admin.centerId, e.date), centerId: admin.centerId, date: e.date, leaderIds: e.leaderIds });
    // A day published before that is no longer on the roster (now a holiday) leaves the 公示.
    for (const d of existing) if (!days.has(d.date) && monthDates(input.month).includes(d.date)) await tx.remove('duty', d.id);
    const after: Roster = { ...roster, status: 'published', publishedAt: at, publishedBy: admin.id };
    await tx.put('rosters', after);
    await appendAudit(tx, { centerId: admin.centerId, at, actorId: admin.id, action: 'roster.publish', collection: 'rosters', recordId: id, before: roster, after });
  });
  return { roster: await rosterView(ctx, admin.centerId, input.month, true) };
}

async function requireCenter(ctx: Ctx, centerId: string): Promise<void> {
  if (!(await ctx.store.get('centers', centerId))) throw new AppError('NOT_FOUND', '对不起,没有找到该服务中心,请返回重新选择中心。');
}

export async function roster(ctx: Ctx, input: In<'roster'>): Promise<Out<'roster'>> {
  await requireCenter(ctx, input.centerId);
  const forAdmin = ctx.caller?.role === 'admin' && ctx.caller.centerId === input.centerId;
  return { roster: await rosterView(ctx, input.centerId, input.month, forAdmin) };
}

export async function today(ctx: Ctx, input: In<'today'>): Promise<Out<'today'>> {
  await requireCenter(ctx, input.centerId);
  const date = todayOf(ctx);
  const [cal, ids, leaders] = await Promise.all([centerCalendar(ctx, input.centerId), publishedLeaderIds(ctx, input.centerId, date), leadersOf(ctx, input.centerId)]);
  const names = new Map(leaders.map((u) => [u.id, u.name]));
  const onDuty = (ids ?? []).filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id) ?? '' }));
  return { date, workingDay: cal.isWorkingDay(date), published: ids !== null, leaders: onDuty };
}

const recordOut = (r: DutyRecord, name: string) => ({ date: r.date, leaderId: r.leaderId, leaderName: name, presentAt: r.presentAt, receptions: r.receptions });

export async function recordDuty(ctx: Ctx, input: In<'recordDuty'>): Promise<Out<'recordDuty'>> {
  const leader = requireCaller(ctx);
  const date = todayOf(ctx);
  const ids = await publishedLeaderIds(ctx, leader.centerId, date);
  if (!ids?.includes(leader.id)) {
    throw new AppError('FORBIDDEN', `对不起,今天(${dayLabel(date)})公示的排班中没有您的带班值班安排,所以不能记录;如排班有误,请联系中心管理员调整。`);
  }
  const at = nowIso(ctx);
  const id = dutyRecordId(leader.centerId, date, leader.id);
  const record = await ctx.store.transaction(async (tx) => {
    const before = await tx.get('dutyRecords', id);
    const receptions: Reception[] = [...(before?.receptions ?? [])];
    if (input.reception) {
      const { visitorName, matter, outcome } = input.reception;
      receptions.push({ at, ...(visitorName ? { visitorName } : {}), matter, outcome });
    }
    const after: DutyRecord = { id, centerId: leader.centerId, month: monthOf(date), date, leaderId: leader.id, presentAt: before?.presentAt ?? at, receptions };
    await tx.put('dutyRecords', after);
    await appendAudit(tx, { centerId: leader.centerId, at, actorId: leader.id, action: input.reception ? 'duty.reception' : 'duty.present', collection: 'dutyRecords', recordId: id, before, after });
    return after;
  });
  return { record: recordOut(record, leader.name) };
}

export async function records(ctx: Ctx, input: In<'records'>): Promise<Out<'records'>> {
  const user = requireCaller(ctx);
  const [list, people] = await Promise.all([
    ctx.store.find('dutyRecords', { where: { centerId: user.centerId, month: input.month }, orderBy: [['date', 'asc']] }),
    ctx.store.find('users', { where: { centerId: user.centerId } }),
  ]);
  const names = new Map(people.map((u) => [u.id, u.name]));
  return { records: list.map((r) => recordOut(r, names.get(r.leaderId) ?? '(已离任)')) };
}
