/**
 * The Store port: a small document store that both SQLite (local, tests) and the CloudBase
 * document database implement with the same behaviour, proved by one contract test suite.
 */
import { AppError } from '../../../shared/domain/errors';
import type { CollectionName, Collections } from './collections';

export type Scalar = string | number | boolean | null;

export interface Comparison {
  $eq?: Scalar;
  $ne?: Scalar;
  $lt?: string | number;
  $lte?: string | number;
  $gt?: string | number;
  $gte?: string | number;
  $in?: Scalar[];
}

/** Field (dotted path) → value for equality, or a comparison. All conditions must hold. */
export type Where = Record<string, Scalar | Comparison>;

export interface FindOptions {
  where?: Where;
  orderBy?: ReadonlyArray<readonly [field: string, dir: 'asc' | 'desc']>;
  limit?: number;
  offset?: number;
}

/** `set` replaces fields (dotted paths allowed); `inc` adds to numeric fields atomically. */
export interface Patch {
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
}

export type Doc<C extends CollectionName> = Collections[C];

/** Operations inside a transaction: by id only, as CloudBase transactions allow. */
export interface TxOps {
  get<C extends CollectionName>(col: C, id: string): Promise<Doc<C> | null>;
  /** Fails with CONFLICT when a document with that id exists. */
  insert<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void>;
  /** Creates or replaces the whole document. */
  put<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void>;
  /** Returns false when no document has that id. */
  update<C extends CollectionName>(col: C, id: string, patch: Patch): Promise<boolean>;
  remove<C extends CollectionName>(col: C, id: string): Promise<boolean>;
}

/**
 * A transaction that lost to concurrent writers more often than the store retries (CloudBase
 * retries a write conflict 3 times, then gives up): nothing of it was written, and trying again
 * may succeed. A CONFLICT, never INTERNAL; a use case may answer it more precisely (issue 7.7).
 */
export class TransactionConflict extends AppError {
  constructor() {
    super('CONFLICT', '对不起,此刻办理的人较多,您的请求没有完成;请稍后再试。', { reason: 'busy' });
    this.name = 'TransactionConflict';
  }
}

export interface Store {
  readonly kind: 'sqlite' | 'cloudbase';
  get<C extends CollectionName>(col: C, id: string): Promise<Doc<C> | null>;
  find<C extends CollectionName>(col: C, opts?: FindOptions): Promise<Array<Doc<C>>>;
  count<C extends CollectionName>(col: C, where?: Where): Promise<number>;
  insert<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void>;
  put<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void>;
  /**
   * Atomic conditional update: applies the patch only if the document exists and matches
   * `where`; returns whether it did. The basis of never-overbooked slots (R-BOOK-2).
   */
  update<C extends CollectionName>(col: C, id: string, patch: Patch, where?: Where): Promise<boolean>;
  remove<C extends CollectionName>(col: C, id: string): Promise<boolean>;
  /** Runs fn atomically: all its writes commit together or none does. */
  transaction<T>(fn: (tx: TxOps) => Promise<T>): Promise<T>;
  /** Creates every collection that is missing (idempotent); says which it made. */
  ensureCollections(): Promise<{ created: CollectionName[]; existing: CollectionName[] }>;
  close(): Promise<void>;
}

/** Pure helpers both adapters share, so the semantics cannot drift apart. */
export function readPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function applyPatch<T extends object>(doc: T, patch: Patch): T {
  const next = structuredClone(doc) as Record<string, unknown>;
  const assign = (path: string, value: (old: unknown) => unknown) => {
    const parts = path.split('.');
    let cur = next;
    for (const p of parts.slice(0, -1)) {
      const child = cur[p];
      if (child === null || typeof child !== 'object') cur[p] = {};
      cur = cur[p] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1] as string;
    cur[last] = value(cur[last]);
  };
  for (const [path, v] of Object.entries(patch.set ?? {})) assign(path, () => structuredClone(v));
  for (const [path, by] of Object.entries(patch.inc ?? {})) {
    assign(path, (old) => (typeof old === 'number' ? old : 0) + by);
  }
  return next as T;
}

const isComparison = (v: Scalar | Comparison): v is Comparison => v !== null && typeof v === 'object';

export function matches(doc: unknown, where: Where | undefined): boolean {
  if (!where) return true;
  return Object.entries(where).every(([path, cond]) => {
    const raw = readPath(doc, path);
    const v = raw === undefined ? null : raw;
    if (!isComparison(cond)) return v === cond;
    if (cond.$eq !== undefined && v !== cond.$eq) return false;
    if (cond.$ne !== undefined && v === cond.$ne) return false;
    if (cond.$in !== undefined && !cond.$in.includes(v as Scalar)) return false;
    const cmp = (bound: string | number | undefined, ok: (a: string | number, b: string | number) => boolean) =>
      bound === undefined || ((typeof v === 'number' || typeof v === 'string') && typeof v === typeof bound && ok(v, bound));
    return (
      cmp(cond.$lt, (a, b) => a < b) &&
      cmp(cond.$lte, (a, b) => a <= b) &&
      cmp(cond.$gt, (a, b) => a > b) &&
      cmp(cond.$gte, (a, b) => a >= b)
    );
  });
}
