/**
 * Sign-in in WeChat (issue 7): the OPENID of the call's context is the only identity; a first
 * contact makes a villager record in the chosen center; staff roles come only from an admin's
 * invite, a center's first admin only from the deploy's setup code; a person sees what is held
 * about them and may erase their account, keeping the center's records lawful (PIPL).
 */
import type { ManualClock } from '../../cloudfunctions/core/clock';
import type { Ctx } from '../../cloudfunctions/core/context';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import type { Reply } from '../../shared/domain/errors';
import { seededStore } from '../helpers/temp';

let store: SqliteStore;
let clock: ManualClock;
const ADMIN = demoUserId('c-baisha', 'admin');
const STAFF = demoUserId('c-baisha', 'staff-mz');
const SETUP = 'a-long-setup-code-from-the-deploy';

beforeEach(async () => {
  ({ store, clock } = await seededStore());
});
afterEach(() => store.close());

/** A call as CloudBase makes it: the caller is whoever holds `openId` (or nobody). */
async function wx(openId: string | null, fn: string, action: string, input: unknown, extra: Partial<Ctx> = {}): Promise<Reply<unknown>> {
  const [caller] = openId ? await store.find('users', { where: { openId }, limit: 1 }) : [];
  return dispatch(fn, { action, input }, { store, clock, caller: caller ?? null, ...(openId ? { openId } : {}), ...extra });
}
async function as(userId: string, fn: string, action: string, input: unknown): Promise<Reply<unknown>> {
  return dispatch(fn, { action, input }, { store, clock, caller: await store.get('users', userId) });
}
const data = <T>(r: Reply<unknown>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as T;
};
const usersCount = () => store.count('users');

describe('account.me', () => {
  test('outside WeChat and without a login: UNAUTHENTICATED', async () => {
    expect(await wx(null, 'account', 'me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('a new WeChat user without a center gets user null and nothing is written', async () => {
    const before = await usersCount();
    // With the server's time, which the app's clock follows (client/src/services/clock.ts).
    expect(await wx('oNEW', 'account', 'me', {})).toEqual({ ok: true, data: { user: null, created: false, now: '2026-03-02T01:00:00.000Z' } });
    expect(await usersCount()).toBe(before);
  });

  test('first contact from the center code makes one villager record; later calls find it', async () => {
    const first = data<{ user: { id: string; role: string; centerId: string }; created: boolean }>(await wx('oNEW', 'account', 'me', { scene: 'c%3Dc-liutang' }));
    expect(first).toMatchObject({ created: true, user: { role: 'villager', centerId: 'c-liutang', name: '微信用户' } });
    expect(await wx('oNEW', 'account', 'me', {})).toMatchObject({ ok: true, data: { created: false, user: { id: first.user.id } } });
    expect(await store.count('audit', { action: 'account.create' })).toBe(1);
  });

  test('two first calls at once make one record', async () => {
    const before = await usersCount();
    const [a, b] = await Promise.all([wx('oTWICE', 'account', 'me', { centerId: 'c-baisha' }), wx('oTWICE', 'account', 'me', { centerId: 'c-baisha' })]);
    expect(data<{ user: { id: string } }>(a).user.id).toBe(data<{ user: { id: string } }>(b).user.id);
    expect(await usersCount()).toBe(before + 1);
  });

  test('an unknown center is refused politely and nothing is written', async () => {
    const before = await usersCount();
    expect(await wx('oNEW', 'account', 'me', { centerId: 'c-nowhere' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('请') } });
    expect(await usersCount()).toBe(before);
  });

  test('the name and village a villager gives are kept; a village of another center is refused', async () => {
    await wx('oNEW', 'account', 'me', { centerId: 'c-baisha' });
    expect(await wx('oNEW', 'account', 'updateProfile', { name: '赵小兰', villageId: 'v-liutang-1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await wx('oNEW', 'account', 'updateProfile', { name: '赵小兰', villageId: 'v-baisha-2' })).toMatchObject({ ok: true, data: { user: { name: '赵小兰', villageId: 'v-baisha-2' } } });
  });
});

test("an agent cannot move themselves to another village: the admin appoints it (R-BOOK-4)", async () => {
  const AGENT = demoUserId('c-baisha', 'agent');
  const before = (await store.get('users', AGENT))?.villageId;
  expect(await as(AGENT, 'account', 'updateProfile', { name: '李建国', villageId: 'v-baisha-3' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect((await store.get('users', AGENT))?.villageId).toBe(before);
  expect(await as(AGENT, 'account', 'updateProfile', { name: '李建国' })).toMatchObject({ ok: true });
});

describe('staff through an invite only', () => {
  const invite = async (userId = STAFF) => data<{ code: string; scene: string }>(await as(ADMIN, 'account', 'issueInvite', { userId }));

  test('the invite binds the WeChat to the staff record: the next me is the clerk', async () => {
    const { code, scene } = await invite();
    expect(scene).toBe(`i=${code}`);
    expect(await wx('oCLERK', 'account', 'bindInvite', { code })).toMatchObject({ ok: true, data: { user: { id: STAFF, role: 'staff' } } });
    expect(await wx('oCLERK', 'account', 'me', {})).toMatchObject({ ok: true, data: { user: { id: STAFF, role: 'staff' } } });
    // Single use.
    expect(await wx('oOTHER', 'account', 'bindInvite', { code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('a clerk who opened the app as a villager first moves their WeChat to the staff record', async () => {
    const villager = data<{ user: { id: string } }>(await wx('oCLERK', 'account', 'me', { centerId: 'c-baisha' })).user.id;
    const { code } = await invite();
    expect(await wx('oCLERK', 'account', 'bindInvite', { code })).toMatchObject({ ok: true, data: { user: { role: 'staff' } } });
    expect((await store.get('users', villager))?.openId).toBeUndefined();
    expect(await wx('oCLERK', 'account', 'me', {})).toMatchObject({ ok: true, data: { user: { id: STAFF } } });
  });

  test('a WeChat bound to another staff record is refused and nothing changes', async () => {
    await store.update('users', demoUserId('c-baisha', 'staff-rs'), { set: { openId: 'oCLERK' } });
    const { code } = await invite();
    expect(await wx('oCLERK', 'account', 'bindInvite', { code })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await store.get('users', STAFF))?.openId).toBeUndefined();
  });

  test('an expired code, and a bind outside WeChat, are refused', async () => {
    const { code } = await invite();
    expect(await wx(null, 'account', 'bindInvite', { code })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    clock.advance(8 * 24 * 3600_000);
    expect(await wx('oCLERK', 'account', 'bindInvite', { code })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe("a center's first admin through the deploy's setup code", () => {
  const freshCenter = async () => {
    await store.put('centers', { id: 'c-new', districtId: 'd-qingxi', name: '新桥镇便民服务中心', address: '新桥镇', phone: '0571-1', complaintPhone: '0571-2', opensAt: '09:00', closesAt: '17:00' });
  };
  test('right code, a center without an admin: the caller becomes its admin, once', async () => {
    await freshCenter();
    expect(await wx('oBOSS', 'account', 'setupAdmin', { code: SETUP, centerId: 'c-new', name: '钱主任' }, { setupCode: SETUP })).toMatchObject({ ok: true, data: { user: { role: 'admin', centerId: 'c-new' } } });
    expect(await wx('oBOSS', 'account', 'me', {})).toMatchObject({ ok: true, data: { user: { role: 'admin' } } });
    expect(await wx('oSECOND', 'account', 'setupAdmin', { code: SETUP, centerId: 'c-new', name: '孙某某' }, { setupCode: SETUP })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
  test('a wrong code, no code configured, or a center that has an admin: refused, nothing written', async () => {
    await freshCenter();
    const before = await usersCount();
    expect(await wx('oBOSS', 'account', 'setupAdmin', { code: 'wrong-but-long-enough', centerId: 'c-new', name: '钱主任' }, { setupCode: SETUP })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await wx('oBOSS', 'account', 'setupAdmin', { code: SETUP, centerId: 'c-new', name: '钱主任' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await wx('oBOSS', 'account', 'setupAdmin', { code: SETUP, centerId: 'c-baisha', name: '钱主任' }, { setupCode: SETUP })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await usersCount()).toBe(before);
  });
});

describe('my data and erasing the account (PIPL)', () => {
  const VILLAGER = demoUserId('c-baisha', 'villager');

  test('what is held is listed by category, with what erasing does to each', async () => {
    const r = data<{ categories: Array<{ key: string; onErase: string }>; eraseBlockedBy: string[] }>(await as(VILLAGER, 'account', 'myData', {}));
    expect(r.categories.map((c) => c.key)).toEqual(expect.arrayContaining(['profile', 'bookings', 'cases', 'notices', 'residents']));
    expect(r.categories.every((c) => c.onErase.length > 0)).toBe(true);
  });

  test('an open booking blocks erasing, with the next step; nothing is changed', async () => {
    const item = (await store.find('items', { where: { centerId: 'c-baisha' }, limit: 1 }))[0]!;
    const options = data<{ days: Array<{ date: string; slots: Array<{ start: string; left: number }> }> }>(await as(VILLAGER, 'booking', 'options', { itemId: item.id }));
    const day = options.days.find((d) => d.slots.some((s) => s.left > 0))!;
    const booked = data<{ booking: { id: string } }>(await as(VILLAGER, 'booking', 'create', { itemId: item.id, date: day.date, start: day.slots.find((s) => s.left > 0)!.start }));
    const refused = await as(VILLAGER, 'account', 'eraseMe', { confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('取消') } });
    expect((await store.get('users', VILLAGER))?.name).toBe('王秀英');
    await as(VILLAGER, 'booking', 'cancel', { bookingId: booked.booking.id });
    expect(await as(VILLAGER, 'account', 'eraseMe', { confirm: true })).toEqual({ ok: true, data: { ok: true } });
  });

  test('erasing anonymises the person, unlinks the WeChat and the resident record, deletes messages, and keeps served matters', async () => {
    await store.update('users', VILLAGER, { set: { openId: 'oWANG' } });
    const bookingsBefore = await store.count('bookings', { bookedBy: VILLAGER });
    expect(await wx('oWANG', 'account', 'eraseMe', { confirm: true })).toEqual({ ok: true, data: { ok: true } });
    const erased = await store.get('users', VILLAGER);
    expect(erased).toMatchObject({ name: '已注销用户', erasedAt: expect.any(String) });
    expect(erased?.openId).toBeUndefined();
    expect(erased?.villageId).toBeUndefined();
    expect(await store.count('residents', { userId: VILLAGER })).toBe(0);
    expect(await store.count('notices', { userId: VILLAGER })).toBe(0);
    expect(await store.count('bookings', { bookedBy: VILLAGER })).toBe(bookingsBefore);
    // The same WeChat coming back is a new person to the center.
    expect(await wx('oWANG', 'account', 'me', { centerId: 'c-baisha' })).toMatchObject({ ok: true, data: { created: true, user: { name: '微信用户' } } });
  });

  test('staff accounts are not erased from the app: the office handles them', async () => {
    expect(await as(STAFF, 'account', 'eraseMe', { confirm: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const r = data<{ eraseBlockedBy: string[] }>(await as(STAFF, 'account', 'myData', {}));
    expect(r.eraseBlockedBy.join('')).toContain('管理员');
  });
});

describe('the admin appoints people; they bind by invite', () => {
  test('people lists every appointed role with its binding state, never villagers', async () => {
    const r = data<{ people: Array<{ role: string; wechatBound: boolean }> }>(await as(ADMIN, 'account', 'people', {}));
    expect(new Set(r.people.map((p) => p.role))).toEqual(new Set(['staff', 'office', 'leader', 'admin', 'agent', 'pad']));
    expect(r.people.every((p) => p.wechatBound === false)).toBe(true);
  });

  test('a new clerk is added to a window of the center, invited and bound', async () => {
    const added = data<{ user: { id: string } }>(await as(ADMIN, 'account', 'addPerson', { name: '冯晓梅', role: 'staff', windowId: 'w-baisha-rs' }));
    const { code } = data<{ code: string }>(await as(ADMIN, 'account', 'issueInvite', { userId: added.user.id }));
    expect(await wx('oFENG', 'account', 'bindInvite', { code })).toMatchObject({ ok: true, data: { user: { role: 'staff', windowId: 'w-baisha-rs' } } });
  });

  test('a village agent is invited too; a villager is not', async () => {
    expect(await as(ADMIN, 'account', 'issueInvite', { userId: demoUserId('c-baisha', 'agent') })).toMatchObject({ ok: true });
    expect(await as(ADMIN, 'account', 'issueInvite', { userId: demoUserId('c-baisha', 'villager') })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  test("a window or village of another center, or none, is refused and nobody is added", async () => {
    const before = await usersCount();
    expect(await as(ADMIN, 'account', 'addPerson', { name: '冯晓梅', role: 'staff', windowId: 'w-liutang-rs' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await as(ADMIN, 'account', 'addPerson', { name: '冯晓梅', role: 'staff' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await as(ADMIN, 'account', 'addPerson', { name: '冯晓梅', role: 'agent', villageId: 'v-liutang-1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await as(ADMIN, 'account', 'addPerson', { name: '冯晓梅', role: 'villager' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await usersCount()).toBe(before);
  });

  test("the villages of a center are public, for the profile's village picker", async () => {
    const r = await wx(null, 'catalog', 'villages', { centerId: 'c-baisha' });
    expect(r).toMatchObject({ ok: true, data: { villages: expect.arrayContaining([expect.objectContaining({ name: '石桥村' })]) } });
  });
});
