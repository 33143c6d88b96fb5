/**
 * One contract for every Store adapter: SQLite always; CloudBase when TCB_ENV, TCB_SECRET_ID
 * and TCB_SECRET_KEY are set (its tests are reported as skipped otherwise, never faked).
 */
import { AppError } from '../../shared/domain/errors';
import type { AuditEntry } from '../../cloudfunctions/core/store/collections';
import type { Store } from '../../cloudfunctions/core/store/port';
import { CloudbaseStore } from '../../cloudfunctions/core/store/cloudbase';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { CloudbaseSim } from '../helpers/cloudbase-sim';
import { tempDir } from '../helpers/temp';

interface Adapter {
  name: string;
  available: boolean;
  open(): Promise<Store>;
}

const cloudEnv = process.env.TCB_ENV && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY;

const adapters: Adapter[] = [
  { name: 'sqlite', available: true, open: async () => new SqliteStore({ dataDir: tempDir() }) },
  {
    name: 'cloudbase',
    available: Boolean(cloudEnv),
    open: async () => {
      const s = new CloudbaseStore({
        env: process.env.TCB_ENV,
        secretId: process.env.TCB_SECRET_ID,
        secretKey: process.env.TCB_SECRET_KEY,
        prefix: `test_${Date.now().toString(36)}_`,
      });
      await s.ensureCollections();
      return s;
    },
  },
  // The CloudBase adapter's transaction code on a simulated SDK (optimistic concurrency, 3
  // retries, then DATABASE_TRANSACTION_CONFLICT), documents in SQLite: runs everywhere.
  { name: 'cloudbase transactions, simulated SDK', available: true, open: async () => new CloudbaseSim(new SqliteStore({ dataDir: tempDir() })) },
];

let seq = 0;
const entry = (after: Record<string, unknown>, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `e-${Date.now().toString(36)}-${seq++}`,
  centerId: 'c-1',
  at: '2026-11-27T00:00:00.000Z',
  actorId: 'u-1',
  action: 'test',
  collection: 'x',
  recordId: 'r-1',
  before: null,
  after,
  ...extra,
});

describe.each(adapters)('Store contract: $name', (adapter) => {
  const it = adapter.available ? test : test.skip;
  let store: Store;

  beforeAll(async () => {
    if (adapter.available) store = await adapter.open();
  }, 60_000);
  afterAll(async () => {
    if (adapter.available) await store.close();
  });

  it('inserts and gets a document, nested values intact', async () => {
    const e = entry({ n: 1, flag: true, nested: { x: '甲' }, list: [1, 2] });
    await store.insert('audit', e);
    expect(await store.get('audit', e.id)).toEqual(e);
    expect(await store.get('audit', 'missing')).toBeNull();
  });

  it('refuses a second insert with the same id as CONFLICT', async () => {
    const e = entry({ n: 1 });
    await store.insert('audit', e);
    await expect(store.insert('audit', { ...e, action: 'other' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await store.get('audit', e.id))?.action).toBe('test');
  });

  it('put creates and replaces whole documents', async () => {
    const e = entry({ n: 1, gone: 'x' });
    await store.put('audit', e);
    await store.put('audit', { ...e, after: { n: 2 } });
    expect((await store.get('audit', e.id))?.after).toEqual({ n: 2 });
  });

  it('finds by equality, ranges, $in, $ne and dotted paths, ordered and paged', async () => {
    const centerId = `c-find-${seq++}`;
    const docs = [5, 3, 9, 1, 7].map((n, i) => entry({ n, flag: n > 4 }, { centerId, actorId: `u-${i % 2}` }));
    for (const d of docs) await store.insert('audit', d);
    const ns = async (opts: Parameters<Store['find']>[1]) =>
      (await store.find('audit', opts)).map((d) => (d.after as { n: number }).n);

    expect(await ns({ where: { centerId }, orderBy: [['after.n', 'asc']] })).toEqual([1, 3, 5, 7, 9]);
    expect(await ns({ where: { centerId }, orderBy: [['after.n', 'desc']], limit: 2 })).toEqual([9, 7]);
    expect(await ns({ where: { centerId }, orderBy: [['after.n', 'asc']], limit: 2, offset: 2 })).toEqual([5, 7]);
    expect(await ns({ where: { centerId, 'after.n': { $gte: 3, $lt: 9 } }, orderBy: [['after.n', 'asc']] })).toEqual([3, 5, 7]);
    expect(await ns({ where: { centerId, 'after.n': { $in: [1, 9, 42] } }, orderBy: [['after.n', 'asc']] })).toEqual([1, 9]);
    expect(await ns({ where: { centerId, 'after.flag': true }, orderBy: [['after.n', 'asc']] })).toEqual([5, 7, 9]);
    expect(await ns({ where: { centerId, actorId: { $ne: 'u-0' } }, orderBy: [['after.n', 'asc']] })).toEqual([1, 3]);
    expect(await store.count('audit', { centerId })).toBe(5);
    expect(await store.count('audit', { centerId, 'after.n': { $gt: 5 } })).toBe(2);
    expect(await store.find('audit', { where: { centerId: 'nobody' } })).toEqual([]);
  });

  it('updates with set and inc, and only when the condition holds', async () => {
    const e = entry({ n: 1, left: 2, nested: { a: 1, b: 2 } });
    await store.insert('audit', e);
    expect(await store.update('audit', e.id, { set: { action: 'changed', 'after.nested': { a: 9 } }, inc: { 'after.n': 4 } })).toBe(true);
    const got = await store.get('audit', e.id);
    expect(got?.action).toBe('changed');
    expect(got?.after).toEqual({ n: 5, left: 2, nested: { a: 9 } });
    expect(await store.update('audit', e.id, { inc: { 'after.left': -1 } }, { 'after.left': { $gt: 5 } })).toBe(false);
    expect((await store.get('audit', e.id))?.after).toMatchObject({ left: 2 });
    expect(await store.update('audit', 'missing', { set: { action: 'x' } })).toBe(false);
  });

  it('never lets concurrent conditional decrements go below zero (R-BOOK-2)', async () => {
    const e = entry({ left: 5 });
    await store.insert('audit', e);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => store.update('audit', e.id, { inc: { 'after.left': -1 } }, { 'after.left': { $gt: 0 } })),
    );
    expect(results.filter(Boolean)).toHaveLength(5);
    expect((await store.get('audit', e.id))?.after).toEqual({ left: 0 });
  });

  it('removes', async () => {
    const e = entry({});
    await store.insert('audit', e);
    expect(await store.remove('audit', e.id)).toBe(true);
    expect(await store.remove('audit', e.id)).toBe(false);
    expect(await store.get('audit', e.id)).toBeNull();
  });

  it('commits a transaction whole', async () => {
    const a = entry({ n: 1 });
    const b = entry({ n: 2 });
    const r = await store.transaction(async (tx) => {
      await tx.insert('audit', a);
      await tx.insert('audit', b);
      await tx.update('audit', a.id, { inc: { 'after.n': 10 } });
      return (await tx.get('audit', a.id))?.after;
    });
    expect(r).toEqual({ n: 11 });
    expect((await store.get('audit', b.id))?.after).toEqual({ n: 2 });
  });

  it('rolls a failed transaction back whole', async () => {
    const a = entry({ n: 1 });
    const existing = entry({ n: 5 });
    await store.insert('audit', existing);
    await expect(
      store.transaction(async (tx) => {
        await tx.insert('audit', a);
        await tx.update('audit', existing.id, { inc: { 'after.n': 1 } });
        throw new AppError('CONFLICT', '测试回滚');
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await store.get('audit', a.id)).toBeNull();
    expect((await store.get('audit', existing.id))?.after).toEqual({ n: 5 });
  });

  it('never loses an update of concurrent transactions: each commits whole or fails with CONFLICT', async () => {
    const counter = entry({ n: 0 });
    await store.insert('audit', counter);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        store.transaction(async (tx) => {
          const cur = await tx.get('audit', counter.id);
          const n = (cur?.after as { n: number }).n;
          await tx.update('audit', counter.id, { set: { 'after.n': n + 1 } });
        }),
      ),
    );
    const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'CONFLICT' });
    expect(committed).toBeGreaterThan(0);
    expect((await store.get('audit', counter.id))?.after).toEqual({ n: committed });
  });
});

describe('SQLite specifics', () => {
  test('data survives closing and reopening the file (durable, WAL)', async () => {
    const dir = tempDir();
    const a = new SqliteStore({ dataDir: dir });
    const e = entry({ n: 1 });
    await a.insert('audit', e);
    await a.close();
    const b = new SqliteStore({ dataDir: dir });
    expect(await b.get('audit', e.id)).toEqual(e);
    await b.close();
  });

  test('keeps concurrent transactions from interleaving: all of them commit', async () => {
    const s = new SqliteStore({ dataDir: tempDir() });
    const counter = entry({ n: 0 });
    await s.insert('audit', counter);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        s.transaction(async (tx) => {
          const cur = await tx.get('audit', counter.id);
          const n = (cur?.after as { n: number }).n;
          await tx.update('audit', counter.id, { set: { 'after.n': n + 1 } });
        }),
      ),
    );
    expect((await s.get('audit', counter.id))?.after).toEqual({ n: 20 });
    await s.close();
  });

  test('a bad field path is refused, never spliced into SQL', async () => {
    const s = new SqliteStore({ dataDir: tempDir() });
    await expect(s.find('audit', { where: { "x') OR 1=1 --": 1 } })).rejects.toBeInstanceOf(AppError);
    await s.close();
  });
});
