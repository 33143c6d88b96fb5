/**
 * CloudBase adapter of the Store port (@cloudbase/node-sdk 3). Documents keep our `id` as their
 * `_id` as well. Reads page through the 1000-document cap; conditional updates are single
 * `where(...).update()` calls, atomic per document; transactions use runTransaction, which
 * retries on conflict and allows only by-id operations (hence TxOps).
 */
import tcb from '@cloudbase/node-sdk';
import { AppError, isAppError } from '../../../shared/domain/errors';
import { CACHE_VERSION_ID, isCached, newCacheVersion } from './cache-version';
import { COLLECTION_NAMES, type CollectionName } from './collections';
import { applyPatch, matches, TransactionConflict, type Comparison, type Doc, type FindOptions, type Patch, type Store, type TxOps, type Where } from './port';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Command = Db['command'];
type Raw = Record<string, unknown>;
/** The part of the SDK's (untyped) transaction object this adapter uses. */
export interface TxDocRef {
  get(): Promise<{ data?: unknown }>;
  set(data: object): Promise<unknown>;
  delete(): Promise<{ deleted?: number | string }>;
}
export interface Transaction {
  collection(name: string): { doc(id: string): TxDocRef };
}
/**
 * `db.runTransaction(callback)` of @cloudbase/database 1.4 (node-sdk 3): it runs the callback,
 * commits, and when the server answers DATABASE_TRANSACTION_CONFLICT it runs the callback again,
 * 3 more times; then it rolls back and throws that error (a TcbError with that code).
 */
export type RunTransaction = <T>(fn: (t: Transaction) => Promise<T>) => Promise<T>;

/** The SDK's code for a transaction that lost to a concurrent writer (@cloudbase/database ERRORS). */
export const SDK_TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';

const PAGE = 1000;

/**
 * Whether the SDK will find credentials: given ones, the role credentials a deployed function
 * receives in TENCENTCLOUD_SECRETID/SECRETKEY, or an API key.
 */
export function hasCredentials(opts: Pick<CloudbaseStoreOptions, 'secretId' | 'secretKey'>, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean((opts.secretId && opts.secretKey) || (env.TENCENTCLOUD_SECRETID && env.TENCENTCLOUD_SECRETKEY) || env.CLOUDBASE_APIKEY);
}

export interface CloudbaseStoreOptions {
  /** Omit inside a cloud function: the current environment is used. */
  env?: string;
  secretId?: string;
  secretKey?: string;
  /** Prefix for collection names, so that tests can use their own collections. */
  prefix?: string;
}

function strip<C extends CollectionName>(raw: unknown): Doc<C> {
  const { _id: _ignored, _openid: _o, ...rest } = raw as Raw;
  return rest as unknown as Doc<C>;
}

function firstDoc(data: unknown): unknown {
  if (Array.isArray(data)) return data[0] ?? null;
  return data ?? null;
}

function isDuplicate(e: unknown): boolean {
  if (isAppError(e)) return false;
  const text = `${(e as { code?: unknown }).code ?? ''} ${(e as { message?: unknown }).message ?? ''}`;
  return /duplicate|E11000|already exists/i.test(text);
}

export class CloudbaseStore implements Store {
  readonly kind = 'cloudbase' as const;
  private readonly db: Db;
  private readonly _: Command;
  private readonly prefix: string;

  constructor(opts: CloudbaseStoreOptions = {}) {
    if (!hasCredentials(opts)) {
      // Checked here because @cloudbase/node-sdk 3.x finds the same gap inside a promise it
      // neither awaits nor handles (TcbApiHttpRequester.prepareCredentials), which would end
      // the process on Node's default unhandled-rejection mode.
      throw new Error('CloudBase credentials missing: no secretId/secretKey, TENCENTCLOUD_SECRETID/SECRETKEY or CLOUDBASE_APIKEY');
    }
    const app = tcb.init({
      env: opts.env ?? tcb.SYMBOL_CURRENT_ENV,
      ...(opts.secretId && opts.secretKey ? { secretId: opts.secretId, secretKey: opts.secretKey } : {}),
    });
    this.db = app.database();
    this._ = this.db.command;
    this.prefix = opts.prefix ?? '';
  }

  /**
   * Creates missing collections. CloudBase refuses to create one that exists; a refusal is
   * taken as "exists" only when the collection then answers a read — any other failure
   * (credentials, network) is raised, never swallowed.
   */
  async ensureCollections(): Promise<{ created: CollectionName[]; existing: CollectionName[] }> {
    const created: CollectionName[] = [];
    const existing: CollectionName[] = [];
    for (const col of COLLECTION_NAMES) {
      try {
        await this.db.createCollection(this.name(col));
        created.push(col);
      } catch (e) {
        try {
          await this.coll(col).limit(1).get();
        } catch {
          throw e;
        }
        existing.push(col);
      }
    }
    return { created, existing };
  }

  private name(col: CollectionName): string {
    return `${this.prefix}${col}`;
  }

  private coll(col: CollectionName) {
    return this.db.collection(this.name(col));
  }

  private condition(where: Where | undefined): Raw {
    const out: Raw = {};
    for (const [path, cond] of Object.entries(where ?? {})) {
      if (cond === null || typeof cond !== 'object') {
        out[path] = cond === null ? this._.eq(null) : cond;
        continue;
      }
      const c: Comparison = cond;
      const parts: unknown[] = [];
      if (c.$eq !== undefined) parts.push(this._.eq(c.$eq));
      if (c.$ne !== undefined) parts.push(this._.neq(c.$ne));
      if (c.$in !== undefined) parts.push(this._.in(c.$in));
      if (c.$lt !== undefined) parts.push(this._.lt(c.$lt));
      if (c.$lte !== undefined) parts.push(this._.lte(c.$lte));
      if (c.$gt !== undefined) parts.push(this._.gt(c.$gt));
      if (c.$gte !== undefined) parts.push(this._.gte(c.$gte));
      out[path] = parts.length === 1 ? parts[0] : this._.and(...(parts as Parameters<Command['and']>));
    }
    return out;
  }

  private updateData(patch: Patch): Raw {
    const data: Raw = {};
    // _.set replaces objects and arrays whole instead of merging them field by field.
    for (const [path, v] of Object.entries(patch.set ?? {})) {
      data[path] = v !== null && typeof v === 'object' ? this._.set(v) : v;
    }
    for (const [path, by] of Object.entries(patch.inc ?? {})) data[path] = this._.inc(by);
    return data;
  }

  async get<C extends CollectionName>(col: C, id: string): Promise<Doc<C> | null> {
    const res = await this.coll(col).doc(id).get();
    const d = firstDoc(res.data);
    return d ? strip<C>(d) : null;
  }

  async find<C extends CollectionName>(col: C, opts: FindOptions = {}): Promise<Array<Doc<C>>> {
    const out: Array<Doc<C>> = [];
    let offset = opts.offset ?? 0;
    const wanted = opts.limit ?? Number.POSITIVE_INFINITY;
    while (out.length < wanted) {
      let q = this.coll(col).where(this.condition(opts.where));
      for (const [f, dir] of opts.orderBy ?? []) q = q.orderBy(f, dir);
      q = q.orderBy('_id', 'asc');
      const size = Math.min(PAGE, wanted - out.length);
      const res = await q.skip(offset).limit(size).get();
      const page = res.data.map((d) => strip<C>(d));
      out.push(...page);
      if (page.length < size) break;
      offset += page.length;
    }
    return out;
  }

  async count<C extends CollectionName>(col: C, where?: Where): Promise<number> {
    const res = await this.coll(col).where(this.condition(where)).count();
    return res.total ?? 0;
  }

  async insert<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void> {
    // Cached read-mostly data changes with its cache version, atomically (store/cache-version.ts).
    if (isCached(col)) return this.transaction((tx) => tx.insert(col, doc));
    try {
      await this.coll(col).add({ ...doc, _id: doc.id });
    } catch (e) {
      if (isDuplicate(e)) {
        throw new AppError('CONFLICT', '对不起,该记录已存在,请勿重复提交。', { collection: col, id: doc.id });
      }
      throw e;
    }
  }

  async put<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void> {
    if (isCached(col)) return this.transaction((tx) => tx.put(col, doc));
    await this.coll(col).doc(doc.id).set({ ...doc });
  }

  async update<C extends CollectionName>(col: C, id: string, patch: Patch, where?: Where): Promise<boolean> {
    if (isCached(col)) {
      return this.transaction(async (tx) => {
        const cur = await tx.get(col, id);
        if (!cur || !matches(cur, where)) return false;
        return tx.update(col, id, patch);
      });
    }
    const res = await this.coll(col)
      .where({ ...this.condition(where), _id: id })
      .update(this.updateData(patch));
    return (res.updated ?? 0) > 0;
  }

  async remove<C extends CollectionName>(col: C, id: string): Promise<boolean> {
    if (isCached(col)) return this.transaction((tx) => tx.remove(col, id));
    const res = await this.coll(col).doc(id).remove();
    return Number(res.deleted ?? 0) > 0;
  }

  transaction<T>(fn: (tx: TxOps) => Promise<T>): Promise<T> {
    return cloudbaseTransaction(this.db.runTransaction.bind(this.db) as RunTransaction, (col) => this.name(col), fn);
  }

  async close(): Promise<void> {
    // The SDK holds no connection that needs closing.
  }
}

/**
 * A Store transaction on the SDK's runTransaction: by-id operations only (as CloudBase allows).
 * A transaction that still loses after the SDK's retries — a rush on one slot — or that loses a
 * race to create the same document becomes TransactionConflict (CONFLICT, "please try again"),
 * never INTERNAL (issue 7.7). Exported so that a simulated SDK can drive the very same code.
 *
 * Use cases issue independent operations of one transaction together (Promise.all, issue 12):
 * the SDK sends each as its own request carrying the transaction id and does not order them, so
 * their round trips overlap. That the server accepts concurrent requests of one transaction is
 * what test/helpers/cloudbase-sim.ts assumes; confirm it on a real environment with the contract
 * test (TCB_ENV) before relying on the figures of `store.latency_20ms.*`.
 */
export async function cloudbaseTransaction<T>(run: RunTransaction, name: (col: CollectionName) => string, fn: (tx: TxOps) => Promise<T>): Promise<T> {
  try {
    return await run(async (t: Transaction) => {
      const ref = (col: CollectionName, id: string) => t.collection(name(col)).doc(id);
      // A write to cached read-mostly data also writes a new cache version, once per attempt
      // (store/cache-version.ts): both commit together or neither does.
      let versioned = false;
      const touch = async (col: CollectionName) => {
        if (!isCached(col) || versioned) return;
        versioned = true;
        await ref('meta', CACHE_VERSION_ID).set({ ...newCacheVersion() });
      };
      const read = async <C extends CollectionName>(col: C, id: string): Promise<Doc<C> | null> => {
        const res = await ref(col, id).get();
        const d = firstDoc(res.data);
        return d ? strip<C>(d) : null;
      };
      const ops: TxOps = {
        get: read,
        insert: async (col, doc) => {
          if (await read(col, doc.id)) {
            throw new AppError('CONFLICT', '对不起,该记录已存在,请勿重复提交。', { collection: col, id: doc.id });
          }
          await Promise.all([ref(col, doc.id).set({ ...doc }), touch(col)]);
        },
        put: async (col, doc) => {
          await Promise.all([ref(col, doc.id).set({ ...doc }), touch(col)]);
        },
        update: async (col, id, patch) => {
          const cur = await read(col, id);
          if (!cur) return false;
          await Promise.all([ref(col, id).set({ ...applyPatch(cur, patch) }), touch(col)]);
          return true;
        },
        remove: async (col, id) => {
          const [res] = await Promise.all([ref(col, id).delete(), touch(col)]);
          return Number(res.deleted ?? 0) > 0;
        },
      };
      return fn(ops);
    });
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === SDK_TRANSACTION_CONFLICT || isDuplicate(e)) throw new TransactionConflict();
    throw e;
  }
}
