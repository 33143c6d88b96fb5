/** The admin's window schedules and the center's calendar (R-BOOK-1, R-BOOK-3). */
import type { centerContract } from '../../../shared/contracts/center';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import { CALENDAR_KIND_LABELS } from '../../../shared/domain/calendar';
import { AppError } from '../../../shared/domain/errors';
import { dateLabel } from '../../../shared/domain/time';
import { nowIso, type Ctx } from '../context';
import type { CalendarDoc } from '../store/collections';
import type { Post } from '../../../shared/domain/posts';
import { appendAudit } from './audit';
import { cancelByCenter } from './booking';
import { centerCalendar } from './calendar';
import { requireCaller, requireSameCenter } from './guards';

type C = typeof centerContract;
type In<K extends keyof C> = ActionParsedInput<C[K]>;
type Out<K extends keyof C> = ActionOutput<C[K]>;

const entryId = (centerId: string, date: string) => `cal:${centerId}:${date}`;

export async function windows(ctx: Ctx, _input: In<'windows'>): Promise<Out<'windows'>> {
  const user = requireCaller(ctx);
  return { windows: await ctx.store.find('windows', { where: { centerId: user.centerId }, orderBy: [['sort', 'asc']] }) };
}

export async function saveWindowSchedule(ctx: Ctx, input: In<'saveWindowSchedule'>): Promise<Out<'saveWindowSchedule'>> {
  const admin = requireCaller(ctx);
  const w = await ctx.store.get('windows', input.windowId);
  if (!w) throw new AppError('NOT_FOUND', '对不起,没有找到该窗口,请刷新后再试。');
  requireSameCenter(admin, w.centerId, '窗口设置');
  const after = { ...w, slotMinutes: input.slotMinutes, slotCapacity: input.slotCapacity };
  const at = nowIso(ctx);
  await ctx.store.transaction(async (tx) => {
    await tx.put('windows', after);
    await appendAudit(tx, { centerId: w.centerId, at, actorId: admin.id, action: 'window.schedule', collection: 'windows', recordId: w.id, before: { slotMinutes: w.slotMinutes, slotCapacity: w.slotCapacity }, after: { slotMinutes: after.slotMinutes, slotCapacity: after.slotCapacity } });
  });
  return { window: after };
}

export async function calendar(ctx: Ctx, input: In<'calendar'>): Promise<Out<'calendar'>> {
  const user = requireCaller(ctx);
  const entries = await ctx.store.find('calendar', {
    where: { centerId: user.centerId, date: { $gte: `${input.year}-01-01`, $lte: `${input.year}-12-31` } },
    orderBy: [['date', 'asc']],
  });
  const cal = await centerCalendar(ctx, user.centerId);
  return {
    entries: entries.map((e) => ({ date: e.date, kind: e.kind, note: e.note, createdBy: e.createdBy })),
    yearKnown: cal.yearKnown(input.year),
  };
}

export async function saveCalendarEntry(ctx: Ctx, input: In<'saveCalendarEntry'>): Promise<Out<'saveCalendarEntry'>> {
  const admin = requireCaller(ctx);
  const at = nowIso(ctx);
  const doc: CalendarDoc = { id: entryId(admin.centerId, input.date), centerId: admin.centerId, date: input.date, kind: input.kind, note: input.note, createdBy: admin.id, createdAt: at };
  await ctx.store.transaction(async (tx) => {
    const before = await tx.get('calendar', doc.id);
    await tx.put('calendar', doc);
    await appendAudit(tx, { centerId: admin.centerId, at, actorId: admin.id, action: 'calendar.save', collection: 'calendar', recordId: doc.id, before, after: doc });
  });
  // A day that is now closed cancels its bookings, each with notices to the people concerned.
  // Each cancellation is its own transaction; a booking already cancelled is left alone, so
  // saving the entry again finishes whatever an interrupted run left.
  let cancelled = 0;
  const cal = await centerCalendar(ctx, admin.centerId);
  if (!cal.isWorkingDay(input.date)) {
    const affected = await ctx.store.find('bookings', { where: { centerId: admin.centerId, date: input.date, status: 'booked' } });
    const reason = `${dateLabel(input.date)}${CALENDAR_KIND_LABELS[input.kind]}(${input.note}),中心不办公`;
    for (const b of affected) {
      if (await cancelByCenter(ctx, admin, b.id, reason)) cancelled += 1;
    }
  }
  return { entry: { date: doc.date, kind: doc.kind, note: doc.note, createdBy: doc.createdBy }, cancelledBookings: cancelled };
}

export async function posts(ctx: Ctx, _input: In<'posts'>): Promise<Out<'posts'>> {
  const user = requireCaller(ctx);
  const [list, users, windowsOf] = await Promise.all([
    ctx.store.find('posts', { where: { centerId: user.centerId } }),
    ctx.store.find('users', { where: { centerId: user.centerId, role: 'staff' } }),
    ctx.store.find('windows', { where: { centerId: user.centerId }, orderBy: [['sort', 'asc']] }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  const order = new Map(windowsOf.map((w, i) => [w.id, i]));
  return {
    posts: list
      .sort((a, b) => (order.get(a.windowId) ?? 0) - (order.get(b.windowId) ?? 0))
      .map((p) => ({ ...p, windowName: windowsOf.find((w) => w.id === p.windowId)?.name ?? '', aName: names.get(p.aId) ?? '', bName: names.get(p.bId) ?? '' })),
    staff: users.map((u) => ({ id: u.id, name: u.name, windowId: u.windowId ?? '' })),
  };
}

export async function savePost(ctx: Ctx, input: In<'savePost'>): Promise<Out<'savePost'>> {
  const admin = requireCaller(ctx);
  const window = await ctx.store.get('windows', input.windowId);
  if (!window) throw new AppError('NOT_FOUND', '对不起,没有找到该窗口,请刷新后再试。');
  requireSameCenter(admin, window.centerId, '岗位设置');
  for (const [field, id] of [['aId', input.aId], ['bId', input.bId]] as const) {
    const u = await ctx.store.get('users', id);
    if (!u || u.role !== 'staff' || u.centerId !== admin.centerId) {
      throw new AppError('VALIDATION', '请从本中心的窗口工作人员中选择。', [{ field, message: '请选择本中心的窗口工作人员' }]);
    }
  }
  const [existing] = await ctx.store.find('posts', { where: { windowId: window.id }, limit: 1 });
  const post: Post = { id: existing?.id ?? `post-${window.id}`, centerId: window.centerId, windowId: window.id, name: existing?.name ?? `${window.name}岗`, aId: input.aId, bId: input.bId };
  const at = nowIso(ctx);
  await ctx.store.transaction(async (tx) => {
    await tx.put('posts', post);
    await appendAudit(tx, { centerId: window.centerId, at, actorId: admin.id, action: 'post.save', collection: 'posts', recordId: post.id, before: existing ?? null, after: post });
  });
  return { post };
}

export async function removeCalendarEntry(ctx: Ctx, input: In<'removeCalendarEntry'>): Promise<Out<'removeCalendarEntry'>> {
  const admin = requireCaller(ctx);
  const id = entryId(admin.centerId, input.date);
  const at = nowIso(ctx);
  const removed = await ctx.store.transaction(async (tx) => {
    const before = await tx.get('calendar', id);
    if (!before) return false;
    await tx.remove('calendar', id);
    await appendAudit(tx, { centerId: admin.centerId, at, actorId: admin.id, action: 'calendar.remove', collection: 'calendar', recordId: id, before, after: null });
    return true;
  });
  if (!removed) throw new AppError('NOT_FOUND', '对不起,该日期没有登记过日历条目,请刷新后再试。');
  return { ok: true };
}
