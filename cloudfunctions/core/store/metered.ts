/**
 * A Store decorator that counts every call as the CloudBase adapter makes it (issue 12) and,
 * optionally, delays each round trip by a fixed time — a stand-in for the network between a
 * cloud function and the document database.
 *
 * What one CloudBase round trip is (store/cloudbase.ts, @cloudbase/database 1.4):
 * - get, count, insert (add), put (set), update (where().update()), remove: one each;
 *   find: one per page of 1000 documents;
 * - transaction: runTransaction's startTransaction and commitTransaction are one each; inside it
 *   get, put and remove are one each, insert and update are two one after the other (the
 *   adapter reads the document, then sets it).
 *
 * Sequential depth ("rounds"): calls issued together (Promise.all) cost one round trip of
 * latency, calls that wait for each other cost one each. With `delayMs` every round trip really
 * sleeps that long, so a timed action shows its true latency; with `delayMs: 0` calls issued
 * in the same turn of the event loop share one round, a deterministic count of the sequential
 * depth that tests can assert (no timing).
 */
import type { CollectionName } from './collections';
import type { Doc, FindOptions, Patch, Store, TxOps, Where } from './port';

const PAGE = 1000;

export interface MeterCounts {
  /** Every round trip: reads + writes + transaction begin/commit. */
  calls: number;
  reads: number;
  writes: number;
  /** startTransaction and commitTransaction round trips. */
  txControl: number;
  /** Sequential depth (meaningful with delayMs 0, where concurrent calls share a round). */
  rounds: number;
}

export interface MeteredOptions {
  /** Milliseconds each round trip sleeps; 0 (default) counts rounds without sleeping. */
  delayMs?: number;
}

const zero = (): MeterCounts => ({ calls: 0, reads: 0, writes: 0, txControl: 0, rounds: 0 });

export class MeteredStore implements Store {
  readonly kind: Store['kind'];
  private counts: MeterCounts = zero();
  private readonly delayMs: number;
  /** The round that calls issued now join (delayMs 0 only). */
  private pending: Promise<void> | null = null;

  constructor(
    readonly inner: Store,
    opts: MeteredOptions = {},
  ) {
    this.kind = inner.kind;
    this.delayMs = opts.delayMs ?? 0;
  }

  /** The counts since the last reset. */
  snapshot(): MeterCounts {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = zero();
  }

  /** One round trip of the given kind. */
  private trip(kind: 'read' | 'write' | 'tx'): Promise<void> {
    this.counts.calls += 1;
    if (kind === 'read') this.counts.reads += 1;
    else if (kind === 'write') this.counts.writes += 1;
    else this.counts.txControl += 1;
    if (this.delayMs > 0) {
      this.counts.rounds += 1;
      return new Promise((resolve) => setTimeout(resolve, this.delayMs));
    }
    if (!this.pending) {
      this.counts.rounds += 1;
      this.pending = new Promise((resolve) =>
        setImmediate(() => {
          this.pending = null;
          resolve();
        }),
      );
    }
    return this.pending;
  }

  private async pages(n: number, limit: number | undefined): Promise<void> {
    // The first page is the call itself; CloudBase pages further ones one after another.
    const pages = Math.max(1, Math.ceil(Math.min(n, limit ?? n) / PAGE));
    for (let p = 1; p < pages; p += 1) await this.trip('read');
  }

  async get<C extends CollectionName>(col: C, id: string): Promise<Doc<C> | null> {
    await this.trip('read');
    return this.inner.get(col, id);
  }

  async find<C extends CollectionName>(col: C, opts?: FindOptions): Promise<Array<Doc<C>>> {
    await this.trip('read');
    const rows = await this.inner.find(col, opts);
    await this.pages(rows.length, opts?.limit);
    return rows;
  }

  async count<C extends CollectionName>(col: C, where?: Where): Promise<number> {
    await this.trip('read');
    return this.inner.count(col, where);
  }

  async insert<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void> {
    await this.trip('write');
    return this.inner.insert(col, doc);
  }

  async put<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void> {
    await this.trip('write');
    return this.inner.put(col, doc);
  }

  async update<C extends CollectionName>(col: C, id: string, patch: Patch, where?: Where): Promise<boolean> {
    await this.trip('write');
    return this.inner.update(col, id, patch, where);
  }

  async remove<C extends CollectionName>(col: C, id: string): Promise<boolean> {
    await this.trip('write');
    return this.inner.remove(col, id);
  }

  transaction<T>(fn: (tx: TxOps) => Promise<T>): Promise<T> {
    return this.inner.transaction(async (tx) => {
      await this.trip('tx'); // startTransaction
      const ops: TxOps = {
        get: async (col, id) => {
          await this.trip('read');
          return tx.get(col, id);
        },
        insert: async (col, doc) => {
          await this.trip('read');
          await this.trip('write');
          return tx.insert(col, doc);
        },
        put: async (col, doc) => {
          await this.trip('write');
          return tx.put(col, doc);
        },
        update: async (col, id, patch) => {
          await this.trip('read');
          await this.trip('write');
          return tx.update(col, id, patch);
        },
        remove: async (col, id) => {
          await this.trip('write');
          return tx.remove(col, id);
        },
      };
      const result = await fn(ops);
      await this.trip('tx'); // commitTransaction
      return result;
    });
  }

  ensureCollections(): Promise<{ created: CollectionName[]; existing: CollectionName[] }> {
    return this.inner.ensureCollections();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
