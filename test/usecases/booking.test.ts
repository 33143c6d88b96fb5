/** Booking, agents and door-to-door on a real SQLite file (R-BOOK-1..5, R-CASE-1 first-ask). */
import type { Booking } from '../../shared/domain/booking';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { demoUserId, windowId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { caller } from '../helpers/calls';
import { seededStore } from '../helpers/temp';

// Monday 2 March 2026, 09:00 in Shanghai.
const START = '2026-03-02T01:00:00Z';
const VILLAGER = demoUserId('c-baisha', 'villager');
const AGENT = demoUserId('c-baisha', 'agent');
const ADMIN = demoUserId('c-baisha', 'admin');
const STAFF_MZ = demoUserId('c-baisha', 'staff-mz');
const STAFF_RS = demoUserId('c-baisha', 'staff-rs');
const ITEM = 'item-baisha-mz-001'; // 最低生活保障申请, window MZ, door-to-door
const ITEM_RS = 'item-baisha-rs-001'; // not door-to-door
const RES_ZHANG = 'res-baisha-zhanggy';

let store: SqliteStore;
let clock: ManualClock;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  ({ store, clock } = await seededStore(new ManualClock(START)));
  api = caller(store, clock);
});
afterEach(async () => {
  await store.close();
});

type Detail = { booking: Booking; materials: Array<{ name: string }>; window: { name: string } };
const countAll = async () => ({
  bookings: await store.count('bookings'),
  slots: await store.count('slots'),
  notices: await store.count('notices'),
  audit: await store.count('audit'),
});

describe('options', () => {
  test('the next working days, without past slots or holidays', async () => {
    clock.set('2026-03-27T05:10:00Z'); // Friday 13:10 before Qingming (4–6 April)
    const o = await api.ok<{ days: Array<{ date: string; slots: Array<{ start: string; left: number }> }> }>(VILLAGER, 'booking', 'options', { itemId: ITEM });
    const dates = o.days.map((d) => d.date);
    expect(dates.slice(0, 6)).toEqual(['2026-03-27', '2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03']);
    expect(dates).not.toContain('2026-04-06');
    expect(dates[6]).toBe('2026-04-07');
    const today = o.days[0]!.slots.map((s) => s.start);
    expect(today[0]).toBe('13:30');
    expect(today[today.length - 1]).toBe('16:30');
    expect(o.days[1]!.slots).toHaveLength(16);
    expect(o.days[1]!.slots[0]).toMatchObject({ start: '09:00', left: 3 });
  });
});

describe('a villager books', () => {
  test('gets a number, the window, the time and the complete checklist; sees it and an inbox notice', async () => {
    const d = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' }, 'req-1');
    expect(d.booking).toMatchObject({ status: 'booked', date: '2026-03-03', start: '10:00', end: '10:30', applicantName: '王秀英', bookedBy: VILLAGER });
    expect(d.booking.number).toBe('20260303-MZ-001');
    const item = await store.get('items', ITEM);
    expect(d.materials.map((m) => m.name)).toEqual(item!.materials.map((m) => m.name));
    const mine = await api.ok<{ bookings: Booking[] }>(VILLAGER, 'booking', 'mine', {});
    expect(mine.bookings.map((b) => b.id)).toEqual([d.booking.id]);
    const inbox = await api.ok<{ unread: number; notices: Array<{ title: string }> }>(VILLAGER, 'inbox', 'list', {});
    expect(inbox.unread).toBe(1);
    expect(inbox.notices[0]!.title).toBe('预约成功');
  });

  test('the same requestId twice makes one booking', async () => {
    const a = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' }, 'same');
    const b = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' }, 'same');
    expect(b.booking.id).toBe(a.booking.id);
    expect(await store.count('bookings')).toBe(1);
    expect((await store.find('slots'))[0]!.booked).toBe(1);
  });

  test('a second booking of the same item and day is refused', async () => {
    await api.ok(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' }, 'a');
    const r = await api.call(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '11:00' }, 'b');
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('改期') } });
  });

  test.each([
    ['a public holiday', { date: '2026-04-06', start: '10:00' }, 'VALIDATION', /节假日/],
    ['a Sunday', { date: '2026-03-08', start: '10:00' }, 'VALIDATION', /周末/],
    ['a past slot', { date: '2026-03-02', start: '09:00' }, 'VALIDATION', /已过/],
    ['an unknown slot', { date: '2026-03-03', start: '10:10' }, 'VALIDATION', /时段/],
    ['a slot after closing', { date: '2026-03-03', start: '17:00' }, 'VALIDATION', /时段/],
    ['a malformed date', { date: '2026-3-3', start: '10:00' }, 'VALIDATION', /年-月-日/],
  ])('refuses %s, writing nothing', async (_l, slot, code, message) => {
    const before = await countAll();
    const r = await api.call(VILLAGER, 'booking', 'create', { itemId: ITEM, ...slot });
    expect(r).toMatchObject({ ok: false, error: { code } });
    if (!r.ok) expect(r.error.message).toMatch(message);
    expect(await countAll()).toEqual(before);
  });

  test('an unknown item is NOT_FOUND; another center is refused', async () => {
    expect(await api.call(VILLAGER, 'booking', 'create', { itemId: 'item-none', date: '2026-03-03', start: '10:00' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call(VILLAGER, 'booking', 'create', { itemId: 'item-liutang-mz-001', date: '2026-03-03', start: '10:00' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a full slot answers CONFLICT with the nearest free slots', async () => {
    await api.ok(ADMIN, 'center', 'saveWindowSchedule', { windowId: windowId('c-baisha', 'MZ'), slotMinutes: 30, slotCapacity: 1 });
    await api.ok(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' });
    const before = await countAll();
    const r = await api.call(AGENT, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00', residentId: RES_ZHANG });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!r.ok) {
      const alts = (r.error.details as { alternatives: Array<{ date: string; start: string }> }).alternatives;
      expect(alts.map((a) => `${a.date} ${a.start}`)).toEqual(['2026-03-03 09:00', '2026-03-03 09:30', '2026-03-03 10:30']);
      expect(r.error.message).toContain('最近的空余时段');
    }
    expect(await countAll()).toEqual(before);
  });
});

describe('cancel and reschedule (R-BOOK-3)', () => {
  test('the booker cancels until the slot starts; the place is freed', async () => {
    const d = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' });
    const c = await api.ok<{ booking: Booking }>(VILLAGER, 'booking', 'cancel', { bookingId: d.booking.id });
    expect(c.booking.status).toBe('cancelled');
    expect((await store.find('slots'))[0]!.booked).toBe(0);
    const again = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:30' });
    clock.set('2026-03-03T02:30:00Z'); // 10:30 Shanghai: started
    expect(await api.call(VILLAGER, 'booking', 'cancel', { bookingId: again.booking.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已经开始') } });
  });

  test('reschedule moves the place to the new slot', async () => {
    const d = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' });
    const r = await api.ok<Detail>(VILLAGER, 'booking', 'reschedule', { bookingId: d.booking.id, date: '2026-03-04', start: '14:00' });
    expect(r.booking).toMatchObject({ date: '2026-03-04', start: '14:00', number: '20260304-MZ-001', rescheduledFrom: '2026-03-03 10:00' });
    const slots = await store.find('slots', { orderBy: [['date', 'asc']] });
    expect(slots.map((s) => [s.date, s.start, s.booked])).toEqual([['2026-03-03', '10:00', 0], ['2026-03-04', '14:00', 1]]);
  });

  test('a reschedule onto a day that already has a booking of the same item is refused, writing nothing (R-BOOK-3)', async () => {
    const mon = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' });
    await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-04', start: '10:00' });
    const before = { ...(await countAll()), moved: await store.get('bookings', mon.booking.id) };
    const r = await api.call(VILLAGER, 'booking', 'reschedule', { bookingId: mon.booking.id, date: '2026-03-04', start: '14:00' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('无需重复预约') } });
    expect({ ...(await countAll()), moved: await store.get('bookings', mon.booking.id) }).toEqual(before);
    // The same day, another time: still allowed.
    await api.ok(VILLAGER, 'booking', 'reschedule', { bookingId: mon.booking.id, date: '2026-03-03', start: '15:00' });
  });

  test('after a reschedule the duplicate guard is on the new day: a second booking there is refused even when the first check misses it', async () => {
    const d = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' });
    await api.ok(VILLAGER, 'booking', 'reschedule', { bookingId: d.booking.id, date: '2026-03-04', start: '14:00' });
    // The day's bookings as a concurrent request read them a moment earlier: none yet. Only the
    // guard written with the reschedule can stop the second booking.
    const find = store.find.bind(store);
    const spy = jest.spyOn(store, 'find').mockImplementation(async (col, opts) => (col === 'bookings' ? [] : find(col, opts)) as never);
    const r = await api.call(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-04', start: '09:00' });
    spy.mockRestore();
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('改期') } });
    expect(await store.count('bookings', { status: 'booked', date: '2026-03-04' })).toBe(1);
    // The day it left is free for the item again.
    await api.ok(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '11:00' });
  });

  test('nobody else may cancel a booking', async () => {
    const d = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' });
    expect(await api.call(demoUserId('c-baisha', 'agent'), 'booking', 'cancel', { bookingId: d.booking.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('the center cancels with a reason; booker, agent and resident are told', async () => {
    const d = await api.ok<Detail>(AGENT, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00', residentId: 'res-baisha-wangxy' });
    clock.advance(60_000);
    const c = await api.ok<{ booking: Booking }>(STAFF_MZ, 'booking', 'centerCancel', { bookingId: d.booking.id, reason: '窗口系统升级' });
    expect(c.booking).toMatchObject({ status: 'cancelled', cancelReason: '窗口系统升级' });
    for (const user of [AGENT, VILLAGER]) {
      const inbox = await api.ok<{ notices: Array<{ title: string; body: string }> }>(user, 'inbox', 'list', {});
      expect(inbox.notices[0]).toMatchObject({ title: expect.stringContaining('取消'), body: expect.stringContaining('窗口系统升级') });
    }
    // The villager sees the booking an agent made for them.
    const mine = await api.ok<{ bookings: Booking[] }>(VILLAGER, 'booking', 'mine', {});
    expect(mine.bookings.map((b) => b.id)).toContain(d.booking.id);
  });

  test('a closure day added later cancels that day\'s bookings with notices', async () => {
    await api.ok(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-05', start: '10:00' });
    await api.ok(AGENT, 'booking', 'create', { itemId: ITEM_RS, date: '2026-03-05', start: '11:00', residentId: RES_ZHANG });
    const r = await api.ok<{ cancelledBookings: number }>(ADMIN, 'center', 'saveCalendarEntry', { date: '2026-03-05', kind: 'closure', note: '电力线路检修' });
    expect(r.cancelledBookings).toBe(2);
    const bookings = await store.find('bookings');
    expect(bookings.every((b) => b.status === 'cancelled' && b.cancelReason?.includes('电力线路检修'))).toBe(true);
    const o = await api.ok<{ days: Array<{ date: string }> }>(VILLAGER, 'booking', 'options', { itemId: ITEM });
    expect(o.days.map((d) => d.date)).not.toContain('2026-03-05');
  });
});

describe('agents act only for authorised residents of their village (R-BOOK-4)', () => {
  test('books for an authorised resident; the booking records both', async () => {
    const d = await api.ok<Detail>(AGENT, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00', residentId: RES_ZHANG });
    expect(d.booking).toMatchObject({ applicantName: '张桂英', residentId: RES_ZHANG, agentId: AGENT, bookedBy: AGENT });
  });

  test('the resident is told who booked for them (outside review: the notice read as if they had booked)', async () => {
    await api.ok<Detail>(AGENT, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00', residentId: 'res-baisha-wangxy' });
    const inbox = await api.ok<{ notices: Array<{ title: string; body: string }> }>(VILLAGER, 'inbox', 'list', {});
    expect(inbox.notices[0]).toMatchObject({ title: '预约成功', body: expect.stringMatching(/^村代办员李建国已为王秀英预约/) });
  });

  test.each([
    ['expired', 'res-baisha-liufs', /过期/],
    ['revoked', 'res-baisha-chenxl', /撤销/],
    ['another village', 'res-baisha-zhaods', /不是您所在村/],
  ])('refuses a resident whose authorisation is %s, writing nothing', async (_l, residentId, message) => {
    const before = await countAll();
    const r = await api.call(AGENT, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00', residentId });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(message) } });
    expect(await countAll()).toEqual(before);
  });

  test('an agent must say for whom; a villager must not', async () => {
    expect(await api.call(AGENT, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await api.call(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00', residentId: RES_ZHANG })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  test('the resident revokes in the app; the agent is told and refused from then on', async () => {
    const mine = await api.ok<{ authorizations: Array<{ id: string; agentName: string; state: string }> }>(VILLAGER, 'residents', 'mine', {});
    expect(mine.authorizations).toEqual([expect.objectContaining({ agentName: '李建国', state: 'active' })]);
    await api.ok(VILLAGER, 'residents', 'revoke', { authorizationId: mine.authorizations[0]!.id });
    const agentInbox = await api.ok<{ notices: Array<{ title: string }> }>(AGENT, 'inbox', 'list', {});
    expect(agentInbox.notices[0]!.title).toBe('代办授权已撤销');
    const r = await api.call(AGENT, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00', residentId: 'res-baisha-wangxy' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('residents and their personal data', () => {
  const valid = '11010519491231002X';
  const grant = { method: 'paper', givenOn: '2026-03-01', validUntil: '2027-02-28' };

  test('an agent registers a resident; numbers are masked to the agent, whole to the admin', async () => {
    const r = await api.ok<{ resident: { id: string; idNumber: string; phone: string } }>(AGENT, 'residents', 'register', { name: '孙玉珍', phone: '13957100099', idNumber: valid, authorization: grant });
    expect(r.resident.idNumber).toBe('1101**********002X');
    expect(r.resident.phone).toBe('139****0099');
    const asAdmin = await api.ok<{ residents: Array<{ id: string; idNumber: string }> }>(ADMIN, 'residents', 'list', {});
    expect(asAdmin.residents.find((x) => x.id === r.resident.id)!.idNumber).toBe(valid);
    const list = await api.ok<{ residents: Array<{ idNumber: string; phone: string }> }>(AGENT, 'residents', 'list', {});
    for (const x of list.residents) {
      expect(x.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      expect(x.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    const audit = JSON.stringify(await store.find('audit'));
    expect(audit).not.toContain(valid);
    expect(audit).not.toContain('13957100099');
    // Agents list only their own village.
    expect(list.residents.map((x) => (x as unknown as { villageName: string }).villageName)).not.toContain('上林村');
  });

  test.each([
    ['an invalid check digit', { idNumber: '110105194912310021' }, 'idNumber', /校验位/],
    ['an impossible birth date', { idNumber: '11010519491331002X' }, 'idNumber', /出生日期/],
    ['a bad phone', { phone: '12345' }, 'phone', /手机号/],
    ['an authorisation ending before it starts', { authorization: { ...grant, validUntil: '2026-02-01' } }, 'authorization.validUntil', /有效期/],
  ])('refuses %s, writing nothing', async (_l, over, field, message) => {
    const before = await store.count('residents');
    const r = await api.call(AGENT, 'residents', 'register', { name: '孙玉珍', phone: '13957100099', idNumber: valid, authorization: grant, ...over });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) {
      const details = r.error.details as Array<{ field: string; message: string }>;
      expect(details.find((d) => d.field === field)?.message).toMatch(message);
    }
    expect(await store.count('residents')).toBe(before);
  });

  test('registering the same person twice is a CONFLICT with the way forward', async () => {
    await api.ok(AGENT, 'residents', 'register', { name: '孙玉珍', phone: '13957100099', idNumber: valid, authorization: grant });
    const r = await api.call(AGENT, 'residents', 'register', { name: '孙玉珍', phone: '13957100099', idNumber: valid, authorization: grant });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('补录授权') } });
  });

  test('a villager links their record with their name and ID number, and then sees it whole', async () => {
    await api.ok(AGENT, 'residents', 'register', { name: '孙玉珍', phone: '13957100099', idNumber: valid, authorization: grant });
    await store.insert('users', { id: 'u-sun', centerId: 'c-baisha', role: 'villager', name: '孙玉珍', villageId: 'v-baisha-2' });
    expect(await api.call('u-sun', 'residents', 'claim', { idNumber: '110105194912310021' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Someone else with the number but another name learns nothing.
    expect(await api.call(VILLAGER, 'residents', 'claim', { idNumber: valid })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const c = await api.ok<{ resident: { idNumber: string; phone: string; onWechat: boolean } }>('u-sun', 'residents', 'claim', { idNumber: valid.toLowerCase() });
    expect(c.resident).toMatchObject({ idNumber: valid, phone: '13957100099', onWechat: true });
    const mine = await api.ok<{ authorizations: Array<{ agentName: string; state: string }> }>('u-sun', 'residents', 'mine', {});
    expect(mine.authorizations).toEqual([expect.objectContaining({ agentName: '李建国', state: 'active' })]);
  });
});

describe('door-to-door requests (R-BOOK-5)', () => {
  const request = { itemId: ITEM, address: '石桥村3组12号', phone: '13957100002', reason: 'elderly', note: '老人卧床' };

  test('an agent asks for a resident; window staff are told and schedule it; the agent is told', async () => {
    const v = await api.ok<{ visit: { id: string; status: string } }>(AGENT, 'booking', 'requestVisit', { ...request, residentId: RES_ZHANG });
    expect(v.visit.status).toBe('pending');
    const staffInbox = await api.ok<{ notices: Array<{ title: string }> }>(STAFF_MZ, 'inbox', 'list', {});
    expect(staffInbox.notices[0]!.title).toBe('新的上门服务申请');
    const board = await api.ok<{ visits: Array<{ id: string }> }>(STAFF_MZ, 'booking', 'visitBoard', {});
    expect(board.visits.map((x) => x.id)).toEqual([v.visit.id]);
    expect(await api.call(STAFF_RS, 'booking', 'scheduleVisit', { visitId: v.visit.id, date: '2026-03-04', time: '14:00' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const s = await api.ok<{ visit: { status: string; handledByName: string } }>(STAFF_MZ, 'booking', 'scheduleVisit', { visitId: v.visit.id, date: '2026-03-04', time: '14:00' });
    expect(s.visit).toMatchObject({ status: 'scheduled', handledByName: '陈丽' });
    const agentInbox = await api.ok<{ notices: Array<{ title: string }> }>(AGENT, 'inbox', 'list', {});
    expect(agentInbox.notices[0]!.title).toBe('上门服务已安排');
    expect(await api.call(STAFF_MZ, 'booking', 'declineVisit', { visitId: v.visit.id, reason: '已安排' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('an item not flagged for it is refused with the alternatives', async () => {
    const r = await api.call(VILLAGER, 'booking', 'requestVisit', { ...request, itemId: ITEM_RS });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('预约到窗口') } });
    expect(await store.count('visits')).toBe(0);
  });

  test('staff decline with a reason', async () => {
    const v = await api.ok<{ visit: { id: string } }>(VILLAGER, 'booking', 'requestVisit', request);
    const d = await api.ok<{ visit: { status: string; declineReason: string } }>(STAFF_MZ, 'booking', 'declineVisit', { visitId: v.visit.id, reason: '本周人手不足,请下周一联系窗口' });
    expect(d.visit).toMatchObject({ status: 'declined' });
    const mine = await api.ok<{ visits: Array<{ status: string }> }>(VILLAGER, 'booking', 'myVisits', {});
    expect(mine.visits[0]!.status).toBe('declined');
  });
});

describe('staff day board and check-in (R-CASE-1 first-ask person)', () => {
  test("staff see their window's bookings of the day and check a villager in", async () => {
    const d = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-02', start: '15:00' });
    const board = await api.ok<{ window: { id: string }; bookings: Booking[] }>(STAFF_MZ, 'booking', 'dayBoard', { date: '2026-03-02' });
    expect(board.window.id).toBe(windowId('c-baisha', 'MZ'));
    expect(board.bookings.map((b) => b.id)).toEqual([d.booking.id]);
    const c = await api.ok<{ booking: Booking }>(STAFF_MZ, 'booking', 'checkIn', { bookingId: d.booking.id });
    expect(c.booking).toMatchObject({ status: 'arrived', receivedBy: STAFF_MZ, receivedByName: '陈丽' });
    expect(await api.call(STAFF_RS, 'booking', 'checkIn', { bookingId: d.booking.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await api.call(VILLAGER, 'booking', 'cancel', { bookingId: d.booking.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('a booking of another day cannot be checked in today', async () => {
    const d = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' });
    expect(await api.call(STAFF_MZ, 'booking', 'checkIn', { bookingId: d.booking.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  test('staff of another center cannot see or touch it', async () => {
    const d = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-02', start: '15:00' });
    const other = demoUserId('c-liutang', 'staff-mz');
    expect(await api.call(other, 'booking', 'checkIn', { bookingId: d.booking.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api.call(other, 'booking', 'get', { bookingId: d.booking.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe("the leader's day at a glance (R-DUTY-2, issue 11)", () => {
  const LEADER = demoUserId('c-baisha', 'leader');
  type Counts = { date: string; windows: Array<{ windowId: string; windowName: string; booked: number; arrived: number; cancelled: number }> };

  test("every window's bookings of a day, counted by state, only the leader's center", async () => {
    const a = await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-02', start: '15:00' });
    await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM_RS, date: '2026-03-02', start: '15:00' }, 'req-rs');
    await api.ok<Detail>(AGENT, 'booking', 'create', { itemId: ITEM, date: '2026-03-02', start: '16:00', residentId: RES_ZHANG }, 'req-agent');
    await api.ok(STAFF_MZ, 'booking', 'checkIn', { bookingId: a.booking.id });
    await api.ok<Detail>(VILLAGER, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00' }, 'req-next-day');
    const r = await api.ok<Counts>(LEADER, 'booking', 'dayCounts', { date: '2026-03-02' });
    expect(r.date).toBe('2026-03-02');
    const mz = r.windows.find((w) => w.windowId === windowId('c-baisha', 'MZ'));
    const rs = r.windows.find((w) => w.windowId === windowId('c-baisha', 'RS'));
    expect(mz).toMatchObject({ booked: 1, arrived: 1, cancelled: 0 });
    expect(rs).toMatchObject({ booked: 1, arrived: 0, cancelled: 0 });
    // Every window of the center is listed, those without bookings with zeros, in the center's order.
    const board = await api.ok<{ windows: Array<{ id: string }> }>(STAFF_MZ, 'booking', 'dayBoard', { date: '2026-03-02' });
    expect(r.windows.map((w) => w.windowId)).toEqual(board.windows.map((w) => w.id));
    const other = await api.ok<Counts>(demoUserId('c-liutang', 'leader'), 'booking', 'dayCounts', { date: '2026-03-02' });
    expect(other.windows.every((w) => w.booked + w.arrived + w.cancelled === 0)).toBe(true);
  });

  test('a villager may not, and a wrong date is refused courteously', async () => {
    expect(await api.call(VILLAGER, 'booking', 'dayCounts', { date: '2026-03-02' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api.call(LEADER, 'booking', 'dayCounts', { date: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('admin calendar', () => {
  test('entering next year\'s schedule makes it known; removing an entry restores the day', async () => {
    const before = await api.ok<{ yearKnown: boolean }>(ADMIN, 'center', 'calendar', { year: 2027 });
    expect(before.yearKnown).toBe(false);
    await api.ok(ADMIN, 'center', 'saveCalendarEntry', { date: '2027-02-08', kind: 'holiday', note: '春节' });
    const after = await api.ok<{ yearKnown: boolean; entries: Array<{ date: string }> }>(ADMIN, 'center', 'calendar', { year: 2027 });
    expect(after).toMatchObject({ yearKnown: true, entries: [expect.objectContaining({ date: '2027-02-08' })] });
    await api.ok(ADMIN, 'center', 'removeCalendarEntry', { date: '2027-02-08' });
    expect(await api.call(ADMIN, 'center', 'removeCalendarEntry', { date: '2027-02-08' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call(VILLAGER, 'center', 'saveCalendarEntry', { date: '2027-02-08', kind: 'holiday', note: '春节' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe("authorisation confirmed by the resident in the app", () => {
  test('pending until the resident confirms; then the agent may book', async () => {
    // 王秀英 revokes the demo authorisation, then the agent asks again, in the app.
    const mine = await api.ok<{ authorizations: Array<{ id: string }> }>(VILLAGER, 'residents', 'mine', {});
    await api.ok(VILLAGER, 'residents', 'revoke', { authorizationId: mine.authorizations[0]!.id });
    const asked = await api.ok<{ authorization: { id: string; state: string } }>(AGENT, 'residents', 'authorize', {
      residentId: 'res-baisha-wangxy',
      authorization: { method: 'in_app', givenOn: '2026-03-02', validUntil: '2027-03-01' },
    });
    expect(asked.authorization.state).toBe('pending');
    const refused = await api.call(AGENT, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00', residentId: 'res-baisha-wangxy' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('确认') } });
    const inbox = await api.ok<{ notices: Array<{ title: string }> }>(VILLAGER, 'inbox', 'list', {});
    expect(inbox.notices.map((n) => n.title)).toContain('请确认代办授权');
    expect(await api.call(AGENT, 'residents', 'confirm', { authorizationId: asked.authorization.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const ok = await api.ok<{ authorization: { state: string } }>(VILLAGER, 'residents', 'confirm', { authorizationId: asked.authorization.id });
    expect(ok.authorization.state).toBe('active');
    await api.ok(AGENT, 'booking', 'create', { itemId: ITEM, date: '2026-03-03', start: '10:00', residentId: 'res-baisha-wangxy' });
  });

  test('a resident not on WeChat cannot be recorded as confirming in the app', async () => {
    const r = await api.call(AGENT, 'residents', 'authorize', { residentId: RES_ZHANG, authorization: { method: 'in_app', givenOn: '2026-03-02', validUntil: '2027-03-01' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const n = await api.call(AGENT, 'residents', 'register', { name: '孙玉珍', phone: '13957100099', idNumber: '11010519491231002X', authorization: { method: 'in_app', givenOn: '2026-03-02', validUntil: '2027-03-01' } });
    expect(n).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
