/** Booking use cases (R-BOOK-1..5): slots, bookings, cancellations, check-in, door-to-door. */
import crypto from 'node:crypto';
import type { bookingContract } from '../../../shared/contracts/booking';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import {
  bookableDays,
  bookerChangeProblem,
  bookingNumber,
  daySlots,
  nearestFreeSlots,
  slotId,
  slotProblem,
  type Booking,
  type Visit,
} from '../../../shared/domain/booking';
import type { ServiceItem } from '../../../shared/domain/catalog';
import { AppError, isAppError } from '../../../shared/domain/errors';
import type { ServiceWindow, User } from '../../../shared/domain/org';
import { maskPhone } from '../../../shared/domain/personal-data';
import { actingProblem, type Authorization, type Resident } from '../../../shared/domain/residents';
import { dateLabel, dayLabel, shanghaiDate } from '../../../shared/domain/time';
import { nowIso, type Ctx } from '../context';
import { centerData, itemWithCenter, peekItem, type CenterData } from '../store/center-cache';
import { TransactionConflict, type TxOps, type Where } from '../store/port';
import { appendAudit } from './audit';
import { centerCalendar } from './calendar';
import { requireCaller, requireSameCenter } from './guards';
import { notify } from './notify';
import { caseReads, openCase } from './cases';

type B = typeof bookingContract;
type In<K extends keyof B> = ActionParsedInput<B[K]>;
type Out<K extends keyof B> = ActionOutput<B[K]>;

async function loadWindow(ctx: Ctx, windowId: string): Promise<ServiceWindow> {
  const w = await ctx.store.get('windows', windowId);
  if (!w) throw new AppError('NOT_FOUND', '对不起,没有找到该窗口,请返回重新选择。');
  return w;
}

async function loadBooking(ctx: Ctx, id: string): Promise<Booking> {
  const b = await ctx.store.get('bookings', id);
  if (!b) throw new AppError('NOT_FOUND', '对不起,没有找到该预约,请在“我的预约”中刷新后再试。');
  return b;
}

const ITEM_NOT_FOUND = '对不起,没有找到该事项,可能已调整,请返回办事指南重新选择。';

/**
 * An item, its window and its center's cached data (store/center-cache.ts): one round trip when
 * the container has the center (the version check), two when it loads it.
 */
async function itemAndWindow(ctx: Ctx, itemId: string): Promise<{ item: ServiceItem; window: ServiceWindow; data: CenterData }> {
  const found = await itemWithCenter(ctx.store, itemId);
  if (!found) throw new AppError('NOT_FOUND', ITEM_NOT_FOUND);
  // A window of another center is not among the center's own: read it, as before the cache.
  const window = found.data.window(found.item.windowId) ?? (await loadWindow(ctx, found.item.windowId));
  return { item: found.item, window, data: found.data };
}

/** The residents a villager is, through records agents registered and the villager claimed. */
async function myResidentIds(ctx: Ctx, user: User): Promise<string[]> {
  if (user.role !== 'villager') return [];
  return (await ctx.store.find('residents', { where: { userId: user.id } })).map((r) => r.id);
}

async function residentUserId(ctx: Ctx, residentId: string | undefined): Promise<string | undefined> {
  return residentId ? (await ctx.store.get('residents', residentId))?.userId : undefined;
}

/** Who may see and change a booking as its party: the booker, the agent, the resident booked for. */
async function isParty(ctx: Ctx, user: User, b: Booking | Visit): Promise<boolean> {
  const booker = 'bookedBy' in b ? b.bookedBy : b.requestedBy;
  if (booker === user.id || b.agentId === user.id) return true;
  return b.residentId !== undefined && (await myResidentIds(ctx, user)).includes(b.residentId);
}

const isCenterStaff = (u: User) => u.role === 'staff' || u.role === 'office' || u.role === 'admin';

interface ActingReads {
  resident: Resident | null;
  auths: Authorization[];
}

/** The reads applicantFor needs for an agent, started before the item is known (one round trip). */
async function actingReads(ctx: Ctx, user: User, residentId: string | undefined): Promise<ActingReads | null> {
  if (user.role === 'villager' || residentId === undefined) return null;
  const [resident, auths] = await Promise.all([ctx.store.get('residents', residentId), ctx.store.find('authorizations', { where: { residentId } })]);
  return { resident, auths };
}

/** The applicant: the villager themself, or an authorised resident of the agent's village. */
function applicantFor(ctx: Ctx, user: User, item: ServiceItem, residentId: string | undefined, reads: ActingReads | null): { name: string; resident: Resident | null } {
  if (user.centerId !== item.centerId) {
    throw new AppError('FORBIDDEN', '对不起,您只能预约您所在乡镇便民服务中心的事项;请在首页切换回本中心后再选择。');
  }
  if (user.role === 'villager') {
    if (residentId !== undefined) {
      throw new AppError('VALIDATION', '群众本人预约无需选择代办对象,请直接预约。', [{ field: 'residentId', message: '本人预约请勿填写' }]);
    }
    return { name: user.name, resident: null };
  }
  if (residentId === undefined || !reads) {
    throw new AppError('VALIDATION', '请先选择为哪位群众代办。', [{ field: 'residentId', message: '请选择代办群众' }]);
  }
  const { resident, auths } = reads;
  if (!resident) throw new AppError('NOT_FOUND', '对不起,没有找到这位群众,请先在“我代办的群众”中登记。');
  const problem = actingProblem(user, resident, auths, shanghaiDate(ctx.clock.now()));
  if (problem) throw new AppError('FORBIDDEN', problem);
  return { name: resident.name, resident };
}

function slotCheck(cal: CenterData['cal'], ctx: Ctx, window: ServiceWindow, date: string, start: string): void {
  const p = slotProblem(cal, ctx.clock.now(), date, start, window.slotMinutes);
  if (p) throw new AppError('VALIDATION', p, [{ field: cal.isWorkingDay(date) ? 'start' : 'date', message: p }]);
}

class SlotFull extends Error {}

const seqId = (windowId: string, date: string) => `seq:booking:${windowId}:${date}`;

/** One more place of a slot as read in a transaction; SlotFull when none is left (R-BOOK-2). */
function takenPlace(window: ServiceWindow, date: string, start: string, slot: { booked: number } | null) {
  const booked = slot?.booked ?? 0;
  if (booked >= window.slotCapacity) throw new SlotFull();
  return { id: slotId(window.id, date, start), centerId: window.centerId, windowId: window.id, date, start, booked: booked + 1 };
}

/** Gives a place back: the slot as read in the transaction, one less (never below 0); null when nothing to write. */
function releasedPlace<S extends { booked: number }>(slot: S | null): S | null {
  return slot && slot.booked > 0 ? { ...slot, booked: slot.booked - 1 } : null;
}

/**
 * Creates the slot's document and the day's number sequence before the transaction that updates
 * them (issue 7.7). On CloudBase two transactions that both create the same new document race
 * (one fails with a duplicate key, which the SDK does not retry); a plain insert with the
 * deterministic id lets exactly one create it, and the others find it in their transaction,
 * where concurrent updates are detected and retried. Called only once the request passed every
 * check a sequential call can fail, so a refused request creates nothing. `known` holds the two
 * documents when the caller has read them already (in parallel with its other reads): then
 * nothing is read again, and only a missing one is created (issue 12).
 */
async function ensureSlotDocs(ctx: Ctx, window: ServiceWindow, date: string, start: string, known?: readonly [unknown, unknown]): Promise<void> {
  const sid = slotId(window.id, date, start);
  const qid = seqId(window.id, date);
  const [slot, seq] = known ?? (await Promise.all([ctx.store.get('slots', sid), ctx.store.get('meta', qid)]));
  const create = async (write: () => Promise<void>) => {
    try {
      await write();
    } catch (e) {
      // Another request created it meanwhile: the transaction reads theirs.
      if (!(isAppError(e) && e.code === 'CONFLICT')) throw e;
    }
  };
  await Promise.all([
    slot ? null : create(() => ctx.store.insert('slots', { id: sid, centerId: window.centerId, windowId: window.id, date, start, booked: 0 })),
    seq ? null : create(() => ctx.store.insert('meta', { id: qid, value: '0' })),
  ]);
}

async function fullSlotError(ctx: Ctx, window: ServiceWindow, date: string, start: string): Promise<AppError> {
  const cal = (await centerData(ctx.store, window.centerId)).cal;
  const loads = await ctx.store.find('slots', { where: { windowId: window.id, date: { $gte: date } } });
  const alternatives = nearestFreeSlots(cal, ctx.clock.now(), window.slotMinutes, window.slotCapacity, { date, start }, loads);
  const hint =
    alternatives.length > 0
      ? `最近的空余时段:${alternatives.map((a) => `${dateLabel(a.date)} ${a.start}`).join('、')}。`
      : '近期时段均已约满,请拨打窗口电话预约,或申请村代办员代办。';
  // A transaction that lost a rush (CloudBase gave up retrying) may leave places: say so (issue 7.7).
  const full = (loads.find((l) => l.date === date && l.start === start)?.booked ?? 0) >= window.slotCapacity;
  const what = full ? '这个时段已约满' : '这个时段此刻预约的人较多,没能为您约上,您可稍后再试';
  return new AppError('CONFLICT', `对不起,${dateLabel(date)} ${start} ${what}。${hint}`, { alternatives });
}

/** A booking with its window, materials and center, from the center's cached data. */
async function detail(ctx: Ctx, b: Booking, known?: CenterData): Promise<Out<'get'>> {
  const data = known?.center?.id === b.centerId ? known : await centerData(ctx.store, b.centerId);
  const window = data.window(b.windowId) ?? (await loadWindow(ctx, b.windowId));
  const item = data.item(b.itemId) ?? (await ctx.store.get('items', b.itemId));
  return {
    booking: b,
    window,
    materials: item?.materials ?? [],
    centerName: data.center?.name ?? '',
    centerAddress: data.center?.address ?? '',
  };
}

export async function options(ctx: Ctx, input: In<'options'>): Promise<Out<'options'>> {
  const { item, window, data } = await itemAndWindow(ctx, input.itemId);
  const cal = data.cal;
  const now = ctx.clock.now();
  const dates = bookableDays(cal, now, window.slotMinutes);
  const loads =
    dates.length === 0
      ? []
      : await ctx.store.find('slots', { where: { windowId: window.id, date: { $gte: dates[0] as string, $lte: dates[dates.length - 1] as string } } });
  const booked = new Map(loads.map((l) => [`${l.date} ${l.start}`, l.booked]));
  return {
    item: { id: item.id, code: item.code, name: item.name, windowId: item.windowId, promisedDays: item.promisedDays, fees: item.fees, doorToDoor: item.doorToDoor, forwarded: item.forwarded },
    window,
    days: dates.map((date) => ({
      date,
      label: dayLabel(date),
      slots: daySlots(window.slotMinutes)
        .filter((s) => slotProblem(cal, now, date, s.start, window.slotMinutes) === null)
        .map((s) => ({ ...s, capacity: window.slotCapacity, left: Math.max(0, window.slotCapacity - (booked.get(`${date} ${s.start}`) ?? 0)) })),
    })),
  };
}

const duplicateBooking = (dup: Booking, itemName: string) =>
  new AppError('CONFLICT', `您已预约了${dateLabel(dup.date)} ${dup.start}办理“${itemName}”,无需重复预约;如需换时间,请在“我的预约”中改期。`, { bookingId: dup.id });

/** One document per (booker, person booked for, item, day) naming the booking made under it. */
const dupGuardId = (userId: string, residentId: string | undefined, itemId: string, date: string) => `dup:booking:${userId}:${residentId ?? '-'}:${itemId}:${date}`;

/** The booking a guard names, if it still stands for that day. */
async function bookedUnder(tx: TxOps, guard: { value: string } | null, date: string): Promise<Booking | null> {
  const b = guard?.value ? await tx.get('bookings', guard.value) : null;
  return b && b.status === 'booked' && b.date === date ? b : null;
}

/**
 * Round trips (issue 12): every read that needs nothing but the input goes out at once — the
 * retry check, the item with its center's cached window and calendar, the agent's resident and
 * authorisations, the same-day bookings, and the slot's documents when the container knows the
 * item; then one transaction that reads its four documents together and writes together.
 */
export async function create(ctx: Ctx, input: In<'create'>): Promise<Out<'create'>> {
  const user = requireCaller(ctx);
  const store = ctx.store;
  // A retried request (same requestId from the same user) finds the booking it already made.
  const id = ctx.requestId
    ? `bk-${crypto.createHash('sha256').update(`${user.id}\n${ctx.requestId}`).digest('hex').slice(0, 32)}`
    : `bk-${crypto.randomUUID()}`;
  const hint = peekItem(store, input.itemId);
  const [already, found, reads, sameDay, hintedSlot, hintedSeq] = await Promise.all([
    store.get('bookings', id),
    itemWithCenter(store, input.itemId),
    actingReads(ctx, user, input.residentId),
    store.find('bookings', { where: input.residentId !== undefined ? { residentId: input.residentId, date: input.date } : { bookedBy: user.id, date: input.date } }),
    hint ? store.get('slots', slotId(hint.windowId, input.date, input.start)) : null,
    hint ? store.get('meta', seqId(hint.windowId, input.date)) : null,
  ]);
  if (already) return detail(ctx, already, found?.data);
  if (!found) throw new AppError('NOT_FOUND', ITEM_NOT_FOUND);
  const { item, data } = found;
  const window = data.window(item.windowId) ?? (await loadWindow(ctx, item.windowId));
  if (window.centerId !== item.centerId) throw new AppError('VALIDATION', '该窗口不办理此事项,请返回办事指南重新选择。');
  const applicant = applicantFor(ctx, user, item, input.residentId, reads);
  slotCheck(data.cal, ctx, window, input.date, input.start);

  const dup = sameDay.find((b) => b.itemId === item.id && b.status === 'booked' && b.bookedBy === user.id);
  if (dup) throw duplicateBooking(dup, item.name);
  const guard = dupGuardId(user.id, applicant.resident?.id, item.id, input.date);

  const at = nowIso(ctx);
  const end = daySlots(window.slotMinutes).find((s) => s.start === input.start)?.end ?? input.start;
  const residentUser = applicant.resident?.userId;
  const sid = slotId(window.id, input.date, input.start);
  const qid = seqId(window.id, input.date);
  try {
    await ensureSlotDocs(ctx, window, input.date, input.start, hint?.windowId === window.id ? [hintedSlot, hintedSeq] : undefined);
    const booking = await store.transaction(async (tx) => {
      const [existing, guardDoc, slot, seq] = await Promise.all([tx.get('bookings', id), tx.get('meta', guard), tx.get('slots', sid), tx.get('meta', qid)]);
      if (existing) return existing;
      // The duplicate check again, with the write (issue 8.9): two concurrent requests both
      // passed the check above, but only one can commit its guard; the other reads it here.
      const twin = await bookedUnder(tx, guardDoc, input.date);
      if (twin) throw duplicateBooking(twin, item.name);
      const place = takenPlace(window, input.date, input.start, slot);
      const seqNo = Number(seq?.value ?? '0') + 1;
      const b: Booking = {
        id,
        number: bookingNumber(input.date, window.code, seqNo),
        centerId: item.centerId,
        windowId: window.id,
        itemId: item.id,
        itemName: item.name,
        date: input.date,
        start: input.start,
        end,
        status: 'booked',
        applicantName: applicant.name,
        bookedBy: user.id,
        createdAt: at,
      };
      if (applicant.resident) b.residentId = applicant.resident.id;
      if (user.role === 'agent') b.agentId = user.id;
      // Every write of the booking at once: on CloudBase each is its own round trip.
      await Promise.all([
        tx.put('slots', place),
        tx.put('meta', { id: qid, value: String(seqNo) }),
        tx.put('bookings', b), // its id was read above in this transaction: as an insert, in one round trip
        tx.put('meta', { id: guard, value: b.id }),
        appendAudit(tx, { centerId: b.centerId, at, actorId: user.id, action: 'booking.create', collection: 'bookings', recordId: b.id, before: null, after: b }),
        notify(
          tx,
          [user.id, residentUser],
          {
            centerId: b.centerId,
            kind: 'booking',
            title: '预约成功',
            body: `${b.agentId ? `村代办员${user.name}已为${b.applicantName}` : `${b.applicantName}已`}预约${dateLabel(b.date)} ${b.start}–${b.end}到${window.name}办理“${b.itemName}”,预约号 ${b.number}。请按材料清单备齐材料,准时前来,谢谢。`,
            link: `/pages/booking/index?id=${b.id}`,
          },
          at,
        ),
      ]);
      return b;
    });
    return detail(ctx, booking, data);
  } catch (e) {
    if (e instanceof SlotFull || e instanceof TransactionConflict) throw await fullSlotError(ctx, window, input.date, input.start);
    throw e;
  }
}

export async function mine(ctx: Ctx, _input: In<'mine'>): Promise<Out<'mine'>> {
  const user = requireCaller(ctx);
  const [own, rids] = await Promise.all([ctx.store.find('bookings', { where: { bookedBy: user.id } }), myResidentIds(ctx, user)]);
  const forMe = (await Promise.all(rids.map((rid) => ctx.store.find('bookings', { where: { residentId: rid } })))).flat();
  const all = new Map([...own, ...forMe].map((b) => [b.id, b]));
  const bookings = [...all.values()].sort((a, b) => `${b.date} ${b.start}`.localeCompare(`${a.date} ${a.start}`));
  return { bookings };
}

/**
 * The caller's bookings of one item still to come (issue 11): the guide and the booking page say
 * "您已预约 …" before a slot is picked, instead of refusing a duplicate after it. One indexed read
 * (bookedBy, date): what the caller booked, for themself or, as an agent, for a resident.
 */
export async function held(ctx: Ctx, input: In<'held'>): Promise<Out<'held'>> {
  const user = requireCaller(ctx);
  const today = shanghaiDate(ctx.clock.now());
  const mineFromToday = await ctx.store.find('bookings', { where: { bookedBy: user.id, date: { $gte: today } } });
  const bookings = mineFromToday
    .filter((b) => b.itemId === input.itemId && b.status === 'booked')
    .sort((a, b) => `${a.date} ${a.start}`.localeCompare(`${b.date} ${b.start}`));
  return { bookings };
}

export async function get(ctx: Ctx, input: In<'get'>): Promise<Out<'get'>> {
  const user = requireCaller(ctx);
  // The caller's center is almost always the booking's: its cached data comes with the booking.
  const [b, data] = await Promise.all([loadBooking(ctx, input.bookingId), centerData(ctx.store, user.centerId)]);
  const allowed = isCenterStaff(user) ? user.centerId === b.centerId : await isParty(ctx, user, b);
  if (!allowed) throw new AppError('FORBIDDEN', '对不起,这不是您的预约,无法查看;请在“我的预约”中查看您本人的预约。');
  return detail(ctx, b, data);
}

/** Everyone a booking concerns: booker, agent, and the resident when on WeChat (R-BOOK-4). */
async function partiesOf(ctx: Ctx, b: Booking): Promise<string[]> {
  const residentUser = await residentUserId(ctx, b.residentId);
  return [b.bookedBy, b.agentId, residentUser].filter((u): u is string => u !== undefined);
}

async function notifyParties(tx: TxOps, parties: string[], b: Booking, exclude: string, title: string, body: string, at: string): Promise<void> {
  await notify(tx, parties.filter((u) => u !== exclude), { centerId: b.centerId, kind: 'booking', title, body, link: `/pages/booking/index?id=${b.id}` }, at);
}

/** Who may change the booking, and whom to tell: both reads at once (one round trip, or none). */
async function partyAndParties(ctx: Ctx, user: User, b: Booking): Promise<{ party: boolean; parties: string[] }> {
  const [party, parties] = await Promise.all([isParty(ctx, user, b), partiesOf(ctx, b)]);
  return { party, parties };
}

/** The booking as the transaction reads it must still be the one the checks saw, in the same slot. */
function stillBooked(cur: Booking | null, b: Booking): Booking {
  if (!cur || cur.status !== 'booked' || cur.windowId !== b.windowId || cur.date !== b.date || cur.start !== b.start) {
    throw new AppError('CONFLICT', '该预约状态已变化,请刷新后再试。');
  }
  return cur;
}

export async function cancel(ctx: Ctx, input: In<'cancel'>): Promise<Out<'cancel'>> {
  const user = requireCaller(ctx);
  const b = await loadBooking(ctx, input.bookingId);
  const { party, parties } = await partyAndParties(ctx, user, b);
  if (!party) throw new AppError('FORBIDDEN', '对不起,只有预约人本人或代办员可以取消该预约。');
  const problem = bookerChangeProblem(b, ctx.clock.now());
  if (problem) throw new AppError('CONFLICT', problem);
  const at = nowIso(ctx);
  const sid = slotId(b.windowId, b.date, b.start);
  const next = await ctx.store.transaction(async (tx) => {
    const [found, slot] = await Promise.all([tx.get('bookings', b.id), tx.get('slots', sid)]);
    const cur = stillBooked(found, b);
    const after: Booking = { ...cur, status: 'cancelled', cancelledAt: at, cancelledBy: user.id, cancelReason: '预约人取消' };
    const released = releasedPlace(slot);
    await Promise.all([
      tx.put('bookings', after),
      released ? tx.put('slots', released) : null,
      appendAudit(tx, { centerId: cur.centerId, at, actorId: user.id, action: 'booking.cancel', collection: 'bookings', recordId: cur.id, before: cur, after }),
      notifyParties(tx, parties, after, user.id, '预约已取消', `${after.applicantName}${dateLabel(after.date)} ${after.start}办理“${after.itemName}”的预约(${after.number})已由${user.name}取消。`, at),
    ]);
    return after;
  });
  return { booking: next };
}

/** The agent must still be authorised on the day of the change (no read when there is no agent). */
async function agentStillActing(ctx: Ctx, user: User, b: Booking): Promise<void> {
  if (!(b.agentId && b.residentId && user.id === b.agentId)) return;
  const [resident, auths] = await Promise.all([ctx.store.get('residents', b.residentId), ctx.store.find('authorizations', { where: { residentId: b.residentId } })]);
  if (resident) {
    const p = actingProblem(user, resident, auths, shanghaiDate(ctx.clock.now()));
    if (p) throw new AppError('FORBIDDEN', p);
  }
}

export async function reschedule(ctx: Ctx, input: In<'reschedule'>): Promise<Out<'reschedule'>> {
  const user = requireCaller(ctx);
  const [b, data] = await Promise.all([loadBooking(ctx, input.bookingId), centerData(ctx.store, user.centerId)]);
  const sid = slotId(b.windowId, input.date, input.start);
  const qid = seqId(b.windowId, input.date);
  const otherDay = b.date !== input.date;
  // Who may change it, whom to tell, the new slot's documents and the new day's bookings of the
  // same person: one round trip.
  const [{ party, parties }, , newSlot, newSeq, newDay] = await Promise.all([
    partyAndParties(ctx, user, b),
    agentStillActing(ctx, user, b),
    ctx.store.get('slots', sid),
    ctx.store.get('meta', qid),
    otherDay ? ctx.store.find('bookings', { where: b.residentId !== undefined ? { residentId: b.residentId, date: input.date } : { bookedBy: b.bookedBy, date: input.date } }) : [],
  ]);
  if (!party) throw new AppError('FORBIDDEN', '对不起,只有预约人本人或代办员可以改期。');
  const problem = bookerChangeProblem(b, ctx.clock.now());
  if (problem) throw new AppError('CONFLICT', problem);
  if (b.date === input.date && b.start === input.start) {
    throw new AppError('VALIDATION', '新的时段与原预约相同,请选择另一个时段。', [{ field: 'start', message: '请选择不同的时段' }]);
  }
  // One booking of an item per person and day, whichever way it got there (R-BOOK-3).
  const dup = newDay.find((o) => o.id !== b.id && o.itemId === b.itemId && o.status === 'booked' && o.bookedBy === b.bookedBy);
  if (dup) throw duplicateBooking(dup, b.itemName);
  const guard = dupGuardId(b.bookedBy, b.residentId, b.itemId, input.date);
  const own = b.centerId === data.center?.id ? data : await centerData(ctx.store, b.centerId);
  const window = own.window(b.windowId) ?? (await loadWindow(ctx, b.windowId));
  slotCheck(own.cal, ctx, window, input.date, input.start);
  const at = nowIso(ctx);
  const end = daySlots(window.slotMinutes).find((s) => s.start === input.start)?.end ?? input.start;
  const oldSid = slotId(b.windowId, b.date, b.start);
  try {
    await ensureSlotDocs(ctx, window, input.date, input.start, [newSlot, newSeq]);
    const next = await ctx.store.transaction(async (tx) => {
      const [found, slot, oldSlot, seq, guardDoc] = await Promise.all([
        tx.get('bookings', b.id),
        tx.get('slots', sid),
        tx.get('slots', oldSid),
        tx.get('meta', qid),
        otherDay ? tx.get('meta', guard) : null,
      ]);
      const cur = stillBooked(found, b);
      // The duplicate check again, with the write, as in create: the guard moves with the booking.
      const twin = await bookedUnder(tx, guardDoc, input.date);
      if (twin && twin.id !== cur.id) throw duplicateBooking(twin, cur.itemName);
      const place = takenPlace(window, input.date, input.start, slot);
      const released = releasedPlace(oldSlot);
      const seqNo = Number(seq?.value ?? '0') + 1;
      const sameDay = cur.date === input.date;
      const after: Booking = {
        ...cur,
        date: input.date,
        start: input.start,
        end,
        number: sameDay ? cur.number : bookingNumber(input.date, window.code, seqNo),
        rescheduledFrom: `${cur.date} ${cur.start}`,
      };
      await Promise.all([
        tx.put('slots', place),
        released ? tx.put('slots', released) : null,
        sameDay ? null : tx.put('meta', { id: qid, value: String(seqNo) }),
        sameDay ? null : tx.put('meta', { id: guard, value: cur.id }),
        tx.put('bookings', after),
        appendAudit(tx, { centerId: cur.centerId, at, actorId: user.id, action: 'booking.reschedule', collection: 'bookings', recordId: cur.id, before: cur, after }),
        notifyParties(tx, parties, after, '', '预约已改期', `${after.applicantName}办理“${after.itemName}”的预约已改到${dateLabel(after.date)} ${after.start}–${after.end},预约号 ${after.number}。`, at),
      ]);
      return after;
    });
    return detail(ctx, next, own);
  } catch (e) {
    if (e instanceof SlotFull || e instanceof TransactionConflict) throw await fullSlotError(ctx, window, input.date, input.start);
    throw e;
  }
}

/** Cancels one booking on the center's side; used by staff and by closure days. */
export async function cancelByCenter(ctx: Ctx, actor: User, bookingId: string, reason: string): Promise<Booking | null> {
  const at = nowIso(ctx);
  const b = await ctx.store.get('bookings', bookingId);
  if (!b) return null;
  const parties = await partiesOf(ctx, b);
  const sid = slotId(b.windowId, b.date, b.start);
  return ctx.store.transaction(async (tx) => {
    const [cur, read] = await Promise.all([tx.get('bookings', bookingId), tx.get('slots', sid)]);
    if (!cur || cur.status !== 'booked') return null;
    // Rescheduled since it was read: its place is in another slot.
    const moved = cur.windowId !== b.windowId || cur.date !== b.date || cur.start !== b.start;
    const slot = moved ? await tx.get('slots', slotId(cur.windowId, cur.date, cur.start)) : read;
    const after: Booking = { ...cur, status: 'cancelled', cancelledAt: at, cancelledBy: actor.id, cancelReason: reason };
    const released = releasedPlace(slot);
    await tx.put('bookings', after);
    if (released) await tx.put('slots', released);
    await appendAudit(tx, { centerId: cur.centerId, at, actorId: actor.id, action: 'booking.center_cancel', collection: 'bookings', recordId: cur.id, before: cur, after });
    await notifyParties(
      tx,
      parties,
      after,
      actor.id,
      '对不起,您的预约已被中心取消',
      `对不起,${after.applicantName}${dateLabel(after.date)} ${after.start}办理“${after.itemName}”的预约(${after.number})因“${reason}”已取消,给您带来不便,敬请谅解。请重新预约其他时段,或拨打窗口电话咨询。`,
      at,
    );
    return after;
  });
}

export async function centerCancel(ctx: Ctx, input: In<'centerCancel'>): Promise<Out<'centerCancel'>> {
  const user = requireCaller(ctx);
  const b = await loadBooking(ctx, input.bookingId);
  requireSameCenter(user, b.centerId, '预约管理');
  if (b.status !== 'booked') throw new AppError('CONFLICT', b.status === 'cancelled' ? '该预约已经取消。' : '群众已到窗口,该预约不能再取消。');
  const after = await cancelByCenter(ctx, user, b.id, input.reason);
  if (!after) throw new AppError('CONFLICT', '该预约状态已变化,请刷新后再试。');
  return { booking: after };
}

export async function dayBoard(ctx: Ctx, input: In<'dayBoard'>): Promise<Out<'dayBoard'>> {
  const user = requireCaller(ctx);
  const windows = await ctx.store.find('windows', { where: { centerId: user.centerId }, orderBy: [['sort', 'asc']] });
  const windowId = input.windowId ?? user.windowId ?? windows[0]?.id;
  const window = windows.find((w) => w.id === windowId);
  if (!window) throw new AppError('NOT_FOUND', '对不起,本中心没有这个窗口,请重新选择。');
  const bookings = await ctx.store.find('bookings', { where: { centerId: user.centerId, windowId: window.id, date: input.date }, orderBy: [['start', 'asc']] });
  return { window, windows, bookings };
}

/**
 * Every window's bookings of a day by state (R-DUTY-2: the leader sees the center's day at a
 * glance). The windows come from the center's cache; the bookings in one read on the
 * (centerId, date, status) index.
 */
export async function dayCounts(ctx: Ctx, input: In<'dayCounts'>): Promise<Out<'dayCounts'>> {
  const user = requireCaller(ctx);
  const [data, bookings] = await Promise.all([centerData(ctx.store, user.centerId), ctx.store.find('bookings', { where: { centerId: user.centerId, date: input.date } })]);
  const windows = data.windows.map((w) => ({ windowId: w.id, windowName: w.name, booked: 0, arrived: 0, cancelled: 0 }));
  const byId = new Map(windows.map((w) => [w.windowId, w]));
  for (const b of bookings) {
    const w = byId.get(b.windowId);
    if (w) w[b.status] += 1;
  }
  return { date: input.date, windows };
}

/**
 * Round trips (issue 12): the booking with the center's cached item, window and post; then one
 * transaction that reads the booking, the booker and what the new case needs together, and
 * writes together.
 */
export async function checkIn(ctx: Ctx, input: In<'checkIn'>): Promise<Out<'checkIn'>> {
  const user = requireCaller(ctx);
  const [b, data] = await Promise.all([loadBooking(ctx, input.bookingId), centerData(ctx.store, user.centerId)]);
  requireSameCenter(user, b.centerId, '预约接待');
  const today = shanghaiDate(ctx.clock.now());
  if (b.status === 'cancelled') throw new AppError('CONFLICT', '该预约已取消,请为群众按现场来办登记。');
  if (b.status === 'arrived') throw new AppError('CONFLICT', `该群众已于${b.arrivedAt?.slice(11, 16) ?? ''}由${b.receivedByName ?? '其他工作人员'}接待,无需重复登记。`);
  if (b.date !== today) throw new AppError('VALIDATION', `该预约是${dateLabel(b.date)}的,今天不能登记到达;请核对预约号,或按现场来办登记。`);
  const item = data.item(b.itemId);
  if (!item) throw new AppError('NOT_FOUND', ITEM_NOT_FOUND);
  const post = data.posts.find((p) => p.windowId === item.windowId) ?? null;
  const window = data.window(item.windowId);
  const at = nowIso(ctx);
  const after: Booking = { ...b, status: 'arrived', arrivedAt: at, receivedBy: user.id, receivedByName: user.name };
  // Arrival opens the case in the same transaction: the receiver is its first-ask person (R-CASE-1).
  const caseId = await ctx.store.transaction(async (tx) => {
    const [cur, booker, reads] = await Promise.all([tx.get('bookings', b.id), tx.get('users', b.bookedBy), caseReads(tx, user, item, post, at, window)]);
    if (!cur || cur.status !== 'booked') return null;
    const [c] = await Promise.all([
      openCase(
        ctx,
        tx,
        user,
        {
          item,
          applicantName: b.applicantName,
          bookingId: b.id,
          ...(booker?.role === 'villager' ? { applicantUserId: booker.id } : {}),
          ...(b.residentId ? { residentId: b.residentId } : {}),
          ...(b.agentId ? { agentId: b.agentId } : {}),
        },
        post,
        at,
        reads,
      ),
      tx.put('bookings', after),
      appendAudit(tx, { centerId: b.centerId, at, actorId: user.id, action: 'booking.check_in', collection: 'bookings', recordId: b.id, before: cur, after }),
    ]);
    return c.id;
  });
  if (!caseId) throw new AppError('CONFLICT', '该预约刚刚已被其他工作人员登记,请刷新后查看。');
  return { booking: after, caseId };
}

export async function requestVisit(ctx: Ctx, input: In<'requestVisit'>): Promise<Out<'requestVisit'>> {
  const user = requireCaller(ctx);
  const [found, reads] = await Promise.all([itemWithCenter(ctx.store, input.itemId), actingReads(ctx, user, input.residentId)]);
  if (!found) throw new AppError('NOT_FOUND', ITEM_NOT_FOUND);
  const { item } = found;
  if (!item.doorToDoor) {
    throw new AppError('VALIDATION', `对不起,“${item.name}”需要到窗口办理,暂不提供上门服务;您可以预约到窗口办理,或请村代办员代办。`, [{ field: 'itemId', message: '该事项不提供上门服务' }]);
  }
  const applicant = applicantFor(ctx, user, item, input.residentId, reads);
  const at = nowIso(ctx);
  const visit: Visit = {
    id: `visit-${crypto.randomUUID()}`,
    centerId: item.centerId,
    windowId: item.windowId,
    itemId: item.id,
    itemName: item.name,
    applicantName: applicant.name,
    requestedBy: user.id,
    address: input.address,
    phone: input.phone,
    reason: input.reason,
    note: input.note,
    status: 'pending',
    createdAt: at,
  };
  if (applicant.resident) visit.residentId = applicant.resident.id;
  if (user.role === 'agent') visit.agentId = user.id;
  const staff = await ctx.store.find('users', { where: { centerId: item.centerId, role: 'staff' } });
  await ctx.store.transaction(async (tx) => {
    await tx.insert('visits', visit);
    await appendAudit(tx, { centerId: visit.centerId, at, actorId: user.id, action: 'visit.request', collection: 'visits', recordId: visit.id, before: null, after: { ...visit, phone: '(masked)' } });
    await notify(
      tx,
      staff.filter((s) => s.windowId === item.windowId).map((s) => s.id),
      { centerId: visit.centerId, kind: 'visit', title: '新的上门服务申请', body: `${visit.applicantName}申请上门办理“${visit.itemName}”,请尽快安排或答复。`, link: '/staff/visits/index' },
      at,
    );
  });
  return { visit };
}

export async function myVisits(ctx: Ctx, _input: In<'myVisits'>): Promise<Out<'myVisits'>> {
  const user = requireCaller(ctx);
  const own = await ctx.store.find('visits', { where: { requestedBy: user.id } });
  const forMe = (await Promise.all((await myResidentIds(ctx, user)).map((rid) => ctx.store.find('visits', { where: { residentId: rid } })))).flat();
  const all = new Map([...own, ...forMe].map((v) => [v.id, v]));
  return { visits: [...all.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
}

/**
 * A door-to-door request as the center's side sees it: the applicant's phone masked
 * (139****0099) for staff and office — whole only to the admin, as for residents; the staff
 * of the window reveal it with `revealVisitPhone`, which is audited.
 */
const centerVisitView = (v: Visit, viewer: User): Visit => (viewer.role === 'admin' ? v : { ...v, phone: maskPhone(v.phone) });

/** A visit that the caller handles: staff of that visit's window in that center (R-BOOK-5). */
async function loadOwnWindowVisit(ctx: Ctx, visitId: string): Promise<{ user: User; v: Visit }> {
  const user = requireCaller(ctx);
  const v = await ctx.store.get('visits', visitId);
  if (!v) throw new AppError('NOT_FOUND', '对不起,没有找到该上门服务申请,请刷新列表后再试。');
  requireSameCenter(user, v.centerId, '上门服务');
  if (user.windowId !== v.windowId) throw new AppError('FORBIDDEN', '对不起,该申请由其他窗口负责,请转告该窗口的工作人员处理。');
  return { user, v };
}

export async function visitBoard(ctx: Ctx, _input: In<'visitBoard'>): Promise<Out<'visitBoard'>> {
  const user = requireCaller(ctx);
  const where: Where = user.role === 'staff' ? { centerId: user.centerId, windowId: user.windowId ?? '' } : { centerId: user.centerId };
  const visits = await ctx.store.find('visits', { where });
  const order = { pending: 0, scheduled: 1, declined: 2, cancelled: 3 } as const;
  return { visits: visits.sort((a, b) => order[a.status] - order[b.status] || a.createdAt.localeCompare(b.createdAt)).map((v) => centerVisitView(v, user)) };
}

async function handleVisit(ctx: Ctx, visitId: string, change: (v: Visit, staff: User) => Promise<Visit>, notice: (v: Visit) => { title: string; body: string }): Promise<Visit> {
  const { user, v } = await loadOwnWindowVisit(ctx, visitId);
  if (v.status !== 'pending') throw new AppError('CONFLICT', '该申请已经处理过了,请刷新列表查看。');
  const after = await change(v, user);
  const at = nowIso(ctx);
  const residentUser = await residentUserId(ctx, v.residentId);
  await ctx.store.transaction(async (tx) => {
    const cur = await tx.get('visits', v.id);
    if (!cur || cur.status !== 'pending') throw new AppError('CONFLICT', '该申请刚刚已被处理,请刷新列表查看。');
    await tx.put('visits', after);
    await appendAudit(tx, { centerId: v.centerId, at, actorId: user.id, action: `visit.${after.status}`, collection: 'visits', recordId: v.id, before: { status: cur.status }, after: { status: after.status } });
    await notify(tx, [v.requestedBy, v.agentId, residentUser], { centerId: v.centerId, kind: 'visit', ...notice(after), link: '/pages/bookings/index' }, at);
  });
  return centerVisitView(after, user);
}

export async function scheduleVisit(ctx: Ctx, input: In<'scheduleVisit'>): Promise<Out<'scheduleVisit'>> {
  const visit = await handleVisit(
    ctx,
    input.visitId,
    async (v, staff) => {
      const cal = await centerCalendar(ctx, v.centerId);
      const reason = cal.closedReason(input.date);
      if (reason) throw new AppError('VALIDATION', `${input.date}是${reason}日,请选择工作日上门。`, [{ field: 'date', message: '请选择工作日' }]);
      if (input.date < shanghaiDate(ctx.clock.now())) throw new AppError('VALIDATION', '上门日期不能早于今天,请重新选择。', [{ field: 'date', message: '请选择今天或以后的日期' }]);
      return { ...v, status: 'scheduled', scheduledDate: input.date, scheduledTime: input.time, handledBy: staff.id, handledByName: staff.name };
    },
    (v) => ({ title: '上门服务已安排', body: `您好,${v.handledByName}将于${dateLabel(v.scheduledDate ?? '')} ${v.scheduledTime}上门为${v.applicantName}办理“${v.itemName}”,请备好材料,保持电话畅通,谢谢。` }),
  );
  return { visit };
}

export async function declineVisit(ctx: Ctx, input: In<'declineVisit'>): Promise<Out<'declineVisit'>> {
  const visit = await handleVisit(
    ctx,
    input.visitId,
    async (v, staff) => ({ ...v, status: 'declined', declineReason: input.reason, handledBy: staff.id, handledByName: staff.name }),
    (v) => ({ title: '上门服务申请答复', body: `对不起,${v.applicantName}申请上门办理“${v.itemName}”暂不能安排:${v.declineReason}。给您带来不便,敬请谅解。` }),
  );
  return { visit };
}

/**
 * The staff of the visit's window see the applicant's whole phone to call them (拨打). Each
 * reveal appends one audit entry — who saw whose number, when — without the number itself.
 * Only while the request is open (pending or scheduled): afterwards there is nobody to call.
 */
export async function revealVisitPhone(ctx: Ctx, input: In<'revealVisitPhone'>): Promise<Out<'revealVisitPhone'>> {
  const { user, v } = await loadOwnWindowVisit(ctx, input.visitId);
  if (v.status !== 'pending' && v.status !== 'scheduled') {
    throw new AppError('CONFLICT', `对不起,该申请${v.status === 'declined' ? '已答复不能安排' : '已取消'},无需再联系申请人;如需联系,请查看申请人的新申请或预约。`);
  }
  const at = nowIso(ctx);
  await ctx.store.transaction(async (tx) => {
    await appendAudit(tx, {
      centerId: v.centerId,
      at,
      actorId: user.id,
      action: 'visit.reveal_phone',
      collection: 'visits',
      recordId: v.id,
      before: null,
      after: { applicantName: v.applicantName, requestedBy: v.requestedBy, ...(v.residentId ? { residentId: v.residentId } : {}) },
    });
  });
  return { visitId: v.id, applicantName: v.applicantName, phone: v.phone };
}
