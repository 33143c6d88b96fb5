/** Catalog use cases on a real temporary SQLite file (R-CAT-1..3, multi-center scoping). */
import { serviceItemDraftSchema, type ServiceItemDraftInput } from '../../shared/domain/catalog';
import { WINDOW_CODES } from '../../shared/domain/org';
import type { Ctx } from '../../cloudfunctions/core/context';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { demoUserId, windowId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import type { ManualClock } from '../../cloudfunctions/core/clock';
import { seededStore } from '../helpers/temp';

let store: SqliteStore;
let clock: ManualClock;

beforeEach(async () => {
  ({ store, clock } = await seededStore());
});
afterEach(async () => {
  await store.close();
});

const as = async (userId: string | null): Promise<Ctx> => ({
  store,
  clock,
  caller: userId ? await store.get('users', userId) : null,
});
const call = async (userId: string | null, fn: string, action: string, input: unknown) =>
  dispatch(fn, { action, input }, await as(userId));
const ok = <T>(r: { ok: boolean; data?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.data as T;
};

const ADMIN_A = demoUserId('c-baisha', 'admin');
const ADMIN_B = demoUserId('c-liutang', 'admin');
const VILLAGER_A = demoUserId('c-baisha', 'villager');

const draft = (over: Partial<ServiceItemDraftInput> = {}): ServiceItemDraftInput => ({
  code: 'ZH-901',
  name: '农机购置补贴申请',
  windowId: windowId('c-baisha', 'ZH'),
  keywords: ['农机补贴'],
  policyBasis: ['《农业机械化促进法》'],
  conditions: ['本镇从事农业生产的个人或组织'],
  steps: ['提交申请', '现场核验', '公示', '报县农业农村局'],
  promisedDays: 15,
  fees: '不收费',
  materials: [
    { name: '居民身份证', form: 'original', count: 1 },
    { name: '购机发票', form: 'original', count: 1 },
  ],
  doorToDoor: false,
  forwarded: true,
  forwardedTo: '县农业农村局',
  ...over,
});

describe('the seeded catalog', () => {
  test('each center has at least 15 complete items across the 5 windows', async () => {
    for (const centerId of ['c-baisha', 'c-liutang']) {
      const home = ok<{ windows: Array<{ code: string; itemCount: number }> }>(await call(null, 'catalog', 'home', { centerId }));
      expect(home.windows.map((w) => w.code).sort()).toEqual([...WINDOW_CODES].sort());
      for (const w of home.windows) expect(w.itemCount).toBeGreaterThanOrEqual(3);
      const items = await store.find('items', { where: { centerId } });
      expect(items.length).toBeGreaterThanOrEqual(15);
      for (const i of items) {
        expect(serviceItemDraftSchema.safeParse(i).success).toBe(true);
        expect(i.centerId).toBe(centerId);
      }
      expect(items.some((i) => i.promisedDays === 0)).toBe(true);
      expect(items.some((i) => i.doorToDoor)).toBe(true);
      expect(items.some((i) => i.forwarded)).toBe(true);
    }
  });

  test('a guide carries everything of R-CAT-1 with its window and center', async () => {
    const g = ok<{ item: Record<string, unknown>; window: { name: string }; center: { name: string } }>(
      await call(null, 'catalog', 'getItem', { itemId: 'item-baisha-mz-001' }),
    );
    for (const k of ['code', 'name', 'policyBasis', 'conditions', 'steps', 'promisedDays', 'fees', 'materials', 'doorToDoor', 'forwarded']) {
      expect(g.item).toHaveProperty(k);
    }
    expect(g.window.name).toContain('民政');
    expect(g.center.name).toBe('白沙镇便民服务中心');
  });

  test('search finds by colloquial keyword, name first', async () => {
    const r = ok<{ items: Array<{ code: string }> }>(await call(null, 'catalog', 'search', { centerId: 'c-baisha', q: '低保' }));
    expect(r.items[0]?.code).toBe('MZ-001');
    const none = ok<{ items: unknown[] }>(await call(null, 'catalog', 'search', { centerId: 'c-baisha', q: '护照' }));
    expect(none.items).toEqual([]);
  });

  test('an unknown center or window is a courteous NOT_FOUND', async () => {
    const r = await call(null, 'catalog', 'listItems', { centerId: 'c-baisha', windowId: windowId('c-liutang', 'MZ') });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const c = await call(null, 'catalog', 'home', { centerId: 'c-nowhere' });
    expect(c).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/请/) } });
  });
});

describe('admin maintains the catalog of their own center', () => {
  test('adds an item: visible in its center only, audited', async () => {
    const saved = ok<{ item: { id: string; version: number; centerId: string } }>(
      await call(ADMIN_A, 'catalog', 'saveItem', { draft: draft() }),
    );
    expect(saved.item).toMatchObject({ version: 1, centerId: 'c-baisha' });
    const inA = ok<{ items: Array<{ id: string }> }>(await call(null, 'catalog', 'search', { centerId: 'c-baisha', q: '农机' }));
    expect(inA.items.map((i) => i.id)).toEqual([saved.item.id]);
    const inB = ok<{ items: unknown[] }>(await call(null, 'catalog', 'search', { centerId: 'c-liutang', q: '农机' }));
    expect(inB.items).toEqual([]);
    const audit = await store.find('audit', { where: { recordId: saved.item.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'catalog.item.create', actorId: ADMIN_A, before: null });
  });

  test('edits with the version read; a stale version is CONFLICT and writes nothing', async () => {
    const id = 'item-baisha-mz-003';
    const v1 = ok<{ item: { version: number } }>(
      await call(ADMIN_A, 'catalog', 'saveItem', { id, expectedVersion: 1, draft: draft({ code: 'MZ-003', name: '临时救助申请(修订)' }) }),
    );
    expect(v1.item.version).toBe(2);
    const stale = await call(ADMIN_A, 'catalog', 'saveItem', { id, expectedVersion: 1, draft: draft({ code: 'MZ-003', name: '又一次修改' }) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await store.get('items', id))?.name).toBe('临时救助申请(修订)');
    expect(await store.count('audit', { recordId: id })).toBe(1);
  });

  test.each<[string, Partial<ServiceItemDraftInput>, string]>([
    ['a catch-all material', { materials: [{ name: '其他相关材料', form: 'original', count: 1 }] }, 'draft.materials.0.name'],
    ['an incomplete item', { steps: [] }, 'draft.steps'],
    ['a code already used', { code: 'MZ-001' }, 'draft.code'],
    ['a window of another center', { windowId: windowId('c-liutang', 'ZH') }, 'draft.windowId'],
  ])('refuses %s with VALIDATION naming the field, and writes nothing', async (_l, over, field) => {
    const before = { items: await store.count('items'), audit: await store.count('audit'), meta: await store.count('meta') };
    const r = await call(ADMIN_A, 'catalog', 'saveItem', { draft: draft(over) });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) {
      expect((r.error.details as Array<{ field: string }>).map((d) => d.field)).toContain(field);
      expect(r.error.message).toMatch(/请/);
    }
    expect({ items: await store.count('items'), audit: await store.count('audit'), meta: await store.count('meta') }).toEqual(before);
  });

  test("an admin cannot edit another center's item", async () => {
    const r = await call(ADMIN_B, 'catalog', 'saveItem', {
      id: 'item-baisha-mz-001',
      draft: draft({ code: 'MZ-001', windowId: windowId('c-liutang', 'MZ') }),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await store.get('items', 'item-baisha-mz-001'))?.version).toBe(1);
  });

  test('changing a code frees the old one and takes the new one', async () => {
    const id = 'item-baisha-zh-003';
    ok(await call(ADMIN_A, 'catalog', 'saveItem', { id, draft: draft({ code: 'ZH-099' }) }));
    ok(await call(ADMIN_A, 'catalog', 'saveItem', { draft: draft({ code: 'ZH-003', name: '新事项占用旧编码' }) }));
    const taken = await call(ADMIN_A, 'catalog', 'saveItem', { draft: draft({ code: 'ZH-099', name: '重复' }) });
    expect(taken).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  test('villagers may read but not edit', async () => {
    const r = await call(VILLAGER_A, 'catalog', 'saveItem', { draft: draft() });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const anon = await call(null, 'catalog', 'saveItem', { draft: draft() });
    expect(anon).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('staff bind their WeChat account with an invite code', () => {
  const STAFF = demoUserId('c-baisha', 'staff-mz');

  test('admin issues, staff binds once, the code is then spent', async () => {
    const inv = ok<{ code: string }>(await call(ADMIN_A, 'account', 'issueInvite', { userId: STAFF }));
    expect(inv.code).toMatch(/^\d{8}$/);
    const bound = await dispatch('account', { action: 'bindInvite', input: { code: inv.code } }, { store, clock, caller: null, openId: 'oOPENID-1' });
    expect(bound).toMatchObject({ ok: true, data: { user: { id: STAFF } } });
    expect(JSON.stringify(bound)).not.toContain('oOPENID-1');
    expect((await store.get('users', STAFF))?.openId).toBe('oOPENID-1');
    const again = await dispatch('account', { action: 'bindInvite', input: { code: inv.code } }, { store, clock, caller: null, openId: 'oOPENID-2' });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('an expired code is refused; binding outside WeChat is explained', async () => {
    const inv = ok<{ code: string }>(await call(ADMIN_A, 'account', 'issueInvite', { userId: STAFF }));
    const outside = await call(null, 'account', 'bindInvite', { code: inv.code });
    expect(outside).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('微信') } });
    clock.advance(8 * 24 * 3600 * 1000);
    const late = await dispatch('account', { action: 'bindInvite', input: { code: inv.code } }, { store, clock, caller: null, openId: 'oX' });
    expect(late).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await store.get('users', STAFF))?.openId).toBeUndefined();
  });

  test('an admin cannot issue invites for another center or for villagers', async () => {
    expect(await call(ADMIN_B, 'account', 'issueInvite', { userId: STAFF })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(ADMIN_A, 'account', 'issueInvite', { userId: VILLAGER_A })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
