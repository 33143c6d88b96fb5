/**
 * The month's picture (R-RATE-3) and the office's export (issue 10.7). Reads only: ratings,
 * rectifications and appeals belong to the ratings use cases, cases and complaints to theirs.
 * Each month is read by date range on indexed fields (ratings.ratedOn, rectifications.openedOn,
 * cases.finishedAt, complaints.outcome.closedOn) in parallel, then counted in one pass
 * (shared/domain/report.ts), so the cost follows the month's records, never the whole history.
 */
import type { reportsContract } from '../../../shared/contracts/reports';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import { monthLabel } from '../../../shared/domain/duty';
import { AppError } from '../../../shared/domain/errors';
import type { User } from '../../../shared/domain/org';
import type { Rating, Rectification } from '../../../shared/domain/ratings';
import {
  completedOnTime,
  DEFAULT_THRESHOLDS,
  monthBounds,
  monthPicture,
  monthsBefore,
  monthsEndingWith,
  ratesOf,
  tally,
  thresholdsSchema,
  windowMarks,
  type Counts,
  type MonthFacts,
  type Rates,
  type Thresholds,
} from '../../../shared/domain/report';
import { shanghaiDate } from '../../../shared/domain/time';
import { nowIso, type Ctx } from '../context';
import type { Doc } from '../store/port';
import { appendAudit } from './audit';
import { requireCaller } from './guards';
import { exportCsv } from './report-export';

type K = typeof reportsContract;
type In<A extends keyof K> = ActionParsedInput<K[A]>;
type Out<A extends keyof K> = ActionOutput<K[A]>;

const thresholdsId = (centerId: string) => `report-thresholds:${centerId}`;
const TREND_MONTHS = 12;

/** The admin's thresholds, or the defaults until saved (a damaged document reads as the defaults). */
export async function thresholdsOf(ctx: Ctx, centerId: string): Promise<{ thresholds: Thresholds; saved: boolean }> {
  const doc = await ctx.store.get('meta', thresholdsId(centerId));
  if (!doc) return { thresholds: DEFAULT_THRESHOLDS, saved: false };
  let raw: unknown = null;
  try {
    raw = JSON.parse(doc.value);
  } catch {
    raw = null;
  }
  const parsed = thresholdsSchema.safeParse(raw);
  return parsed.success ? { thresholds: parsed.data, saved: true } : { thresholds: DEFAULT_THRESHOLDS, saved: false };
}

const thisMonth = (ctx: Ctx): string => shanghaiDate(ctx.clock.now()).slice(0, 7);

/** A month not yet begun has no figures: refused, naming the field. */
function requireStarted(ctx: Ctx, month: string): void {
  const now = thisMonth(ctx);
  if (month > now) {
    throw new AppError('VALIDATION', `${monthLabel(month)}还没有开始,暂无数据;请选择${monthLabel(now)}或以前的月份。`, [{ field: 'month', message: '请选择本月或以前的月份' }]);
  }
}

/** The records of one month of a center that the figures and the export read. */
export interface MonthRecords {
  ratings: Array<Doc<'ratings'>>;
  rectifications: Array<Doc<'rectifications'>>;
  /** Cases completed (办结) in the month. */
  completed: Array<Doc<'cases'>>;
  /** Complaints found substantiated in the month (the finding's date). */
  substantiated: Array<Doc<'complaints'>>;
}

export async function monthRecords(ctx: Ctx, centerId: string, month: string): Promise<MonthRecords> {
  const b = monthBounds(month);
  const days = { $gte: b.firstDay, $lte: b.lastDay };
  const [ratings, rectifications, completed, substantiated] = await Promise.all([
    ctx.store.find('ratings', { where: { centerId, ratedOn: days } }),
    // A bad review opens its rectification on the rating's own day, so the month's items are the month's bad reviews'.
    ctx.store.find('rectifications', { where: { centerId, openedOn: days } }),
    ctx.store.find('cases', { where: { centerId, finishedAt: { $gte: b.fromInstant, $lt: b.toInstant }, status: 'done' } }),
    ctx.store.find('complaints', { where: { centerId, 'outcome.closedOn': days, 'outcome.substantiated': true } }),
  ]);
  return { ratings, rectifications, completed, substantiated };
}

/** The rating's staff: the handler and, when different, the first-ask person (R-RATE-1). */
export const ratedStaff = (r: Pick<Rating, 'handlerId' | 'firstAskId'>): string[] =>
  r.firstAskId && r.firstAskId !== r.handlerId ? [r.handlerId, r.firstAskId] : [r.handlerId];

/** A bad review counts as rectified when its item was closed by the head after the callback. */
const rectifiedRatings = (items: readonly Rectification[]): Set<string> =>
  new Set(items.filter((x) => x.state === 'closed' && x.closedBy === 'head').map((x) => x.ratingId));

export function factsOf(r: MonthRecords): MonthFacts {
  const rectified = rectifiedRatings(r.rectifications);
  return {
    ratings: r.ratings.map((x) => ({ windowId: x.windowId, staffIds: ratedStaff(x), level: x.level, excluded: x.excludedFromFigures, rectified: rectified.has(x.id) })),
    cases: r.completed.map((c) => ({ windowId: c.windowId, staffId: c.handlerId, onTime: completedOnTime({ deadline: c.deadline, finishedAt: c.finishedAt ?? c.updatedAt }) })),
    complaints: r.substantiated.map((c) => ({ windowId: c.subject.windowId, staffId: c.subject.staffId })),
  };
}

const figures = (c: Counts & Partial<Rates>): Out<'month'>['center'] => ({
  ratings: c.ratings,
  excluded: c.excluded,
  satisfied: c.satisfied,
  bad: c.bad,
  rectified: c.rectified,
  completed: c.completed,
  onTime: c.onTime,
  substantiated: c.substantiated,
  ...ratesOf(c),
});

/** Names of the people in the records, for those no longer on the staff list (moved, left). */
function namesIn(r: MonthRecords): Map<string, string> {
  const names = new Map<string, string>();
  for (const x of r.ratings) {
    names.set(x.handlerId, x.handlerName);
    if (x.firstAskId && x.firstAskName) names.set(x.firstAskId, x.firstAskName);
  }
  for (const c of r.completed) names.set(c.handlerId, c.handlerName);
  return names;
}

export async function month(ctx: Ctx, input: In<'month'>): Promise<Out<'month'>> {
  const user = requireCaller(ctx);
  const current = thisMonth(ctx);
  const shown = input.month ?? current;
  requireStarted(ctx, shown);
  const previous = monthsBefore(shown, 1);
  const [center, windows, staff, { thresholds }, now, before] = await Promise.all([
    ctx.store.get('centers', user.centerId),
    ctx.store.find('windows', { where: { centerId: user.centerId }, orderBy: [['sort', 'asc']] }),
    ctx.store.find('users', { where: { centerId: user.centerId, role: 'staff' } }),
    thresholdsOf(ctx, user.centerId),
    monthRecords(ctx, user.centerId, shown),
    monthRecords(ctx, user.centerId, previous),
  ]);
  const facts = factsOf(now);
  // Everyone with figures is listed, also a person who has left the window since.
  const known = new Set(staff.map((s) => s.id));
  const names = namesIn(now);
  const withFigures = new Set([...facts.ratings.flatMap((r) => r.staffIds), ...facts.cases.map((c) => c.staffId), ...facts.complaints.flatMap((c) => (c.staffId ? [c.staffId] : []))]);
  const extra = [...withFigures].filter((id) => !known.has(id)).map((id) => ({ id, name: names.get(id) ?? '', windowId: undefined }));
  const windowName = new Map(windows.map((w) => [w.id, w.name]));
  const people: Array<Pick<User, 'id' | 'name' | 'windowId'>> = [...staff, ...extra];
  const windowOf = new Map(people.map((p) => [p.id, p.windowId]));
  const p = monthPicture(facts, factsOf(before), windows, people, thresholds);
  return {
    month: shown,
    thisMonth: current,
    today: shanghaiDate(ctx.clock.now()),
    monthLabel: monthLabel(shown),
    centerName: center?.name ?? '',
    previousMonth: previous,
    current: shown === current,
    thresholds,
    center: figures(p.center),
    windows: p.windows.map((w) => ({ id: w.id, name: w.name, figures: figures(w.counts), rank: w.rank, honour: w.honour, bottom: w.bottom, interview: w.interview, marks: windowMarks(w) })),
    staff: p.staff.map((s) => ({ id: s.id, name: s.name, figures: figures(s.counts), rank: s.rank, windowName: windowName.get(windowOf.get(s.id) ?? '') ?? '' })),
  };
}

export async function trend(ctx: Ctx, input: In<'trend'>): Promise<Out<'trend'>> {
  const user = requireCaller(ctx);
  const last = input.month ?? thisMonth(ctx);
  requireStarted(ctx, last);
  const months = monthsEndingWith(last, TREND_MONTHS);
  const records = await Promise.all(months.map((m) => monthRecords(ctx, user.centerId, m)));
  return {
    months: months.map((m, i) => ({ month: m, label: monthLabel(m), figures: figures(tally(factsOf(records[i] as MonthRecords)).center) })),
  };
}

export async function thresholds(ctx: Ctx, _input: In<'thresholds'>): Promise<Out<'thresholds'>> {
  const user = requireCaller(ctx);
  return thresholdsOf(ctx, user.centerId);
}

export async function saveThresholds(ctx: Ctx, input: In<'saveThresholds'>): Promise<Out<'saveThresholds'>> {
  const user = requireCaller(ctx);
  const before = await thresholdsOf(ctx, user.centerId);
  const id = thresholdsId(user.centerId);
  await ctx.store.transaction(async (tx) => {
    await tx.put('meta', { id, value: JSON.stringify(input) });
    await appendAudit(tx, { centerId: user.centerId, at: nowIso(ctx), actorId: user.id, action: 'report.thresholds', collection: 'meta', recordId: id, before: before.thresholds, after: input });
  });
  return { thresholds: input, saved: true };
}

export async function exportMonth(ctx: Ctx, input: In<'exportMonth'>): Promise<Out<'exportMonth'>> {
  const user = requireCaller(ctx);
  requireStarted(ctx, input.month);
  const file = await exportCsv(ctx, user.centerId, input.month, input.kind);
  // Who took which month's records out of the system, and when (the numbers in it are masked).
  await ctx.store.transaction((tx) =>
    appendAudit(tx, { centerId: user.centerId, at: nowIso(ctx), actorId: user.id, action: 'report.export', collection: input.kind, recordId: `${input.kind}:${input.month}`, before: null, after: { month: input.month, kind: input.kind, rows: file.rows } }),
  );
  return file;
}
