/**
 * A Store that behaves like the CloudBase adapter under concurrency, without a cloud: documents
 * live in a SqliteStore, but transactions run through the adapter's own code
 * (cloudbaseTransaction) on a simulated SDK whose semantics follow @cloudbase/database 1.4
 * (node_modules/@cloudbase/database/dist/commonjs/transaction/index.js):
 *
 * - a transaction's reads see committed data, its writes are buffered and applied at commit;
 * - optimistic concurrency: a transaction whose written document was changed by someone else
 *   after it first touched it fails at commit with DATABASE_TRANSACTION_CONFLICT, and
 *   runTransaction runs the callback again, `retries` more times (3 in the SDK), then throws it;
 * - two transactions that both create the same new document: the later one fails with a
 *   duplicate-key error, which the SDK does not retry;
 * - outside transactions, insert with an existing id fails (CloudBase's add with an _id).
 *
 * Every operation yields to the event loop first, so concurrent requests really interleave.
 */
import { cloudbaseTransaction, SDK_TRANSACTION_CONFLICT, type Transaction, type TxDocRef } from '../../cloudfunctions/core/store/cloudbase';
import { COLLECTION_NAMES, type CollectionName } from '../../cloudfunctions/core/store/collections';
import type { Doc, FindOptions, Patch, Store, TxOps, Where } from '../../cloudfunctions/core/store/port';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';

/** Shaped like the SDK's TcbError: an Error with a string code. */
class SimTcbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
type AnyDoc = { id: string } & Record<string, unknown>;

export class CloudbaseSim implements Store {
  readonly kind = 'cloudbase' as const;
  /** How often transactions failed, for the tests to show the rush really happened. */
  readonly stats = { conflicts: 0, duplicates: 0, commits: 0 };
  private readonly versions = new Map<string, number>();
  private commitLock: Promise<unknown> = Promise.resolve();

  constructor(
    readonly inner: SqliteStore,
    private readonly retries = 3,
  ) {}

  version(col: CollectionName, id: string): number {
    return this.versions.get(`${col}/${id}`) ?? 0;
  }

  private bump(col: CollectionName, id: string): void {
    this.versions.set(`${col}/${id}`, this.version(col, id) + 1);
  }

  async get<C extends CollectionName>(col: C, id: string): Promise<Doc<C> | null> {
    await tick();
    return this.inner.get(col, id);
  }

  async find<C extends CollectionName>(col: C, opts?: FindOptions): Promise<Array<Doc<C>>> {
    await tick();
    return this.inner.find(col, opts);
  }

  async count<C extends CollectionName>(col: C, where?: Where): Promise<number> {
    await tick();
    return this.inner.count(col, where);
  }

  async insert<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void> {
    await tick();
    await this.inner.insert(col, doc); // CONFLICT when the id exists, as the adapter's insert
    this.bump(col, doc.id);
  }

  async put<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void> {
    await tick();
    await this.inner.put(col, doc);
    this.bump(col, doc.id);
  }

  async update<C extends CollectionName>(col: C, id: string, patch: Patch, where?: Where): Promise<boolean> {
    await tick();
    const done = await this.inner.update(col, id, patch, where);
    if (done) this.bump(col, id);
    return done;
  }

  async remove<C extends CollectionName>(col: C, id: string): Promise<boolean> {
    await tick();
    const done = await this.inner.remove(col, id);
    if (done) this.bump(col, id);
    return done;
  }

  transaction<T>(fn: (tx: TxOps) => Promise<T>): Promise<T> {
    return cloudbaseTransaction(this.runTransaction, (col) => col, fn);
  }

  async ensureCollections(): Promise<{ created: CollectionName[]; existing: CollectionName[] }> {
    return { created: [], existing: [...COLLECTION_NAMES] };
  }

  async close(): Promise<void> {
    await this.inner.close();
  }

  /** As the SDK's runTransaction(callback, times = 3). */
  private readonly runTransaction = async <T>(callback: (t: Transaction) => Promise<T>, times = this.retries): Promise<T> => {
    const t = new SimTransaction(this);
    try {
      const result = await callback(t);
      await t.commit();
      return result;
    } catch (e) {
      if (times > 0 && (e as { code?: unknown }).code === SDK_TRANSACTION_CONFLICT) return this.runTransaction(callback, times - 1);
      throw e;
    }
  };

  /** Applies a transaction's writes if none of its documents changed since it touched them. */
  commit(touched: Map<string, { col: CollectionName; id: string; version: number; existed: boolean }>, writes: Map<string, AnyDoc | null>): Promise<void> {
    const run = this.commitLock.then(async () => {
      for (const key of writes.keys()) {
        const t = touched.get(key)!;
        if (this.version(t.col, t.id) === t.version) continue;
        const now = await this.inner.get(t.col, t.id);
        if (!t.existed && now) {
          this.stats.duplicates += 1;
          throw new SimTcbError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${t.col} dup key: { _id: "${t.id}" }`);
        }
        this.stats.conflicts += 1;
        throw new SimTcbError(SDK_TRANSACTION_CONFLICT, 'database transaction conflict');
      }
      await this.inner.transaction(async (tx) => {
        for (const [key, doc] of writes) {
          const t = touched.get(key)!;
          if (doc) await tx.put(t.col, doc as Doc<CollectionName>);
          else await tx.remove(t.col, t.id);
        }
      });
      for (const key of writes.keys()) {
        const t = touched.get(key)!;
        this.bump(t.col, t.id);
      }
      this.stats.commits += 1;
    });
    this.commitLock = run.catch(() => undefined);
    return run;
  }
}

class SimTransaction implements Transaction {
  private readonly touched = new Map<string, { col: CollectionName; id: string; version: number; existed: boolean }>();
  private readonly writes = new Map<string, AnyDoc | null>();

  constructor(private readonly sim: CloudbaseSim) {}

  private async touch(col: CollectionName, id: string): Promise<string> {
    const key = `${col}/${id}`;
    if (!this.touched.has(key)) {
      const version = this.sim.version(col, id);
      const existed = (await this.sim.inner.get(col, id)) !== null;
      this.touched.set(key, { col, id, version, existed });
    }
    return key;
  }

  private async current(col: CollectionName, id: string): Promise<AnyDoc | null> {
    const key = await this.touch(col, id);
    if (this.writes.has(key)) return this.writes.get(key) ?? null;
    return (await this.sim.inner.get(col, id)) as AnyDoc | null;
  }

  collection(name: string): { doc(id: string): TxDocRef } {
    const col = name as CollectionName;
    return {
      doc: (id: string): TxDocRef => ({
        get: async () => {
          await tick();
          const d = await this.current(col, id);
          return { data: d ? [d] : [] };
        },
        set: async (data: object) => {
          await tick();
          const key = await this.touch(col, id);
          this.writes.set(key, { ...(data as Record<string, unknown>), id } as AnyDoc);
          return { updated: 1 };
        },
        delete: async () => {
          await tick();
          const existed = (await this.current(col, id)) !== null;
          this.writes.set(await this.touch(col, id), null);
          return { deleted: existed ? 1 : 0 };
        },
      }),
    };
  }

  commit(): Promise<void> {
    return this.sim.commit(this.touched, this.writes);
  }
}
