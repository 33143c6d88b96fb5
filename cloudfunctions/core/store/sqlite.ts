/**
 * SQLite adapter of the Store port (better-sqlite3 12): one table per collection holding JSON
 * documents, with expression indexes from COLLECTION_INDEXES. WAL with synchronous=FULL, so a
 * write that was acknowledged survives a crash.
 *
 * better-sqlite3 is synchronous but the port is async: every operation runs through one queue,
 * so an open transaction never interleaves with another request's statements.
 *
 * Group commit (issue 12): the queue runs in groups. Every operation waiting when a group starts
 * runs inside one SQLite transaction, each in its own savepoint (a failed one is rolled back
 * alone, as if it had never run); then one COMMIT — one fsync — makes the whole group durable,
 * and only then does any operation of the group answer. So an acknowledged write has been
 * committed with synchronous=FULL exactly as before, but fifty concurrent bookings cost one
 * fsync instead of fifty. Reads answer after the COMMIT too: nobody sees data that is not
 * durable.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/domain/errors';
import { isCached, newCacheVersion } from './cache-version';
import { COLLECTION_INDEXES, COLLECTION_NAMES, type CollectionName } from './collections';
import {
  applyPatch,
  matches,
  type Comparison,
  type Doc,
  type FindOptions,
  type Patch,
  type Scalar,
  type Store,
  type TxOps,
  type Where,
} from './port';

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function field(path: string): string {
  if (!FIELD_PATH.test(path)) throw new AppError('INTERNAL', undefined, { reason: `bad field path ${path}` });
  return `json_extract(doc, '$.${path}')`;
}

const table = (col: CollectionName): string => `"${col}"`;

/** SQLite stores JSON booleans as 1/0 when extracted. */
const bindable = (v: Scalar): string | number | null => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function whereSql(where: Where | undefined): { sql: string; params: Array<string | number | null> } {
  const parts: string[] = [];
  const params: Array<string | number | null> = [];
  for (const [path, cond] of Object.entries(where ?? {})) {
    const f = field(path);
    if (cond === null || typeof cond !== 'object') {
      if (cond === null) parts.push(`${f} IS NULL`);
      else {
        parts.push(`${f} = ?`);
        params.push(bindable(cond));
      }
      continue;
    }
    const c: Comparison = cond;
    if (c.$eq !== undefined) {
      parts.push(`${f} IS ?`);
      params.push(bindable(c.$eq));
    }
    if (c.$ne !== undefined) {
      parts.push(`${f} IS NOT ?`);
      params.push(bindable(c.$ne));
    }
    if (c.$in !== undefined) {
      if (c.$in.length === 0) parts.push('0');
      else {
        parts.push(`${f} IN (${c.$in.map(() => '?').join(',')})`);
        params.push(...c.$in.map(bindable));
      }
    }
    const ranges: Array<[string, string | number | undefined]> = [
      ['<', c.$lt],
      ['<=', c.$lte],
      ['>', c.$gt],
      ['>=', c.$gte],
    ];
    for (const [op, bound] of ranges) {
      if (bound === undefined) continue;
      parts.push(`${f} ${op} ?`);
      params.push(bound);
      // Same as the pure matcher: a bound only compares with values of its own type.
      parts.push(
        typeof bound === 'number'
          ? `json_type(doc, '$.${path}') IN ('integer', 'real')`
          : `json_type(doc, '$.${path}') = 'text'`,
      );
    }
  }
  return { sql: parts.length > 0 ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

const inTransaction = new AsyncLocalStorage<SqliteStore>();

/**
 * One queued operation: `tx` runs in its own savepoint; `write` is one statement (atomic by
 * itself; a cached write brings its own savepoint); `read` writes nothing; `control` runs alone
 * outside any group.
 */
interface Unit {
  kind: 'read' | 'write' | 'tx' | 'control';
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface SqliteStoreOptions {
  /** Folder of the database file; created if missing. */
  dataDir: string;
  fileName?: string;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  private readonly db: Database.Database;
  /** Operations waiting for the next group (see the file comment). */
  private units: Unit[] = [];
  private draining = false;
  /** Prepared statements by SQL text: compiling each statement once saves most of a call. */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly tx: TxOps;
  /** The group's own statements, prepared once (exec would compile them at every call). */
  private readonly control: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement>;

  constructor(opts: SqliteStoreOptions) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    this.file = path.join(opts.dataDir, opts.fileName ?? 'center.sqlite');
    this.db = new Database(this.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.control = {
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      savepoint: this.db.prepare('SAVEPOINT unit'),
      release: this.db.prepare('RELEASE unit'),
      rollbackTo: this.db.prepare('ROLLBACK TO unit'),
    };
    this.tx = {
      get: (col, id) => Promise.resolve(this.getSync(col, id)),
      insert: (col, doc) => Promise.resolve(this.insertSync(col, doc)),
      put: (col, doc) => Promise.resolve(this.putSync(col, doc)),
      update: (col, id, patch) => Promise.resolve(this.updateSync(col, id, patch, undefined)),
      remove: (col, id) => Promise.resolve(this.removeSync(col, id)),
    };
  }

  /** Tables and indexes derive from COLLECTION_INDEXES; creating them is idempotent. */
  private migrate(): void {
    const ddl: string[] = [];
    for (const col of COLLECTION_NAMES) {
      ddl.push(`CREATE TABLE IF NOT EXISTS ${table(col)} (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT`);
      for (const fields of COLLECTION_INDEXES[col]) {
        const name = `${col}__${fields.join('_').replace(/\./g, '_')}`;
        ddl.push(`CREATE INDEX IF NOT EXISTS "${name}" ON ${table(col)} (${fields.map(field).join(', ')})`);
      }
    }
    this.db.transaction(() => {
      for (const s of ddl) this.db.exec(s);
    })();
  }

  /** The tables are made when the store opens; this only reports which exist (all of them). */
  ensureCollections(): Promise<{ created: CollectionName[]; existing: CollectionName[] }> {
    return this.serial(() => {
      this.migrate();
      return { created: [], existing: [...COLLECTION_NAMES] };
    }, 'control');
  }

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private serial<T>(fn: () => T | Promise<T>, kind: Unit['kind'] = 'write'): Promise<T> {
    // A store call (not a tx call) from inside a transaction would wait for the transaction
    // that waits for it: fail at once, naming the mistake, instead of hanging.
    if (inTransaction.getStore() === this) {
      return Promise.reject(new Error('Store method called inside a transaction: use the tx argument'));
    }
    return new Promise<T>((resolve, reject) => {
      this.units.push({ kind, run: fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.draining) {
        this.draining = true;
        void this.drain();
      }
    });
  }

  /** Runs the queue group by group until it is empty. */
  private async drain(): Promise<void> {
    try {
      // Operations issued in this turn of the event loop join the first group.
      await nextTurn();
      while (this.units.length > 0) {
        const first = this.units[0] as Unit;
        if (first.kind === 'control') {
          this.units.shift();
          try {
            first.resolve(await first.run());
          } catch (e) {
            first.reject(e);
          }
          continue;
        }
        const stop = this.units.findIndex((u) => u.kind === 'control');
        const group = this.units.splice(0, stop < 0 ? this.units.length : stop);
        if (group.every((u) => u.kind === 'read')) await this.runReads(group);
        else await this.runGroup(group);
        // Let the answered requests go on, and new ones arrive, before the next group.
        await nextTurn();
      }
    } finally {
      this.draining = false;
    }
  }

  private async runReads(group: Unit[]): Promise<void> {
    for (const u of group) {
      try {
        u.resolve(await u.run());
      } catch (e) {
        u.reject(e);
      }
    }
  }

  /** One SQLite transaction for the group, a savepoint per operation, one COMMIT for all. */
  private async runGroup(group: Unit[]): Promise<void> {
    let done: Array<{ u: Unit; value: unknown }> = [];
    const failAll = (e: unknown) => {
      for (const d of done) d.u.reject(e);
      done = [];
    };
    for (const u of group) {
      if (!this.db.inTransaction) {
        try {
          this.control.begin.run();
        } catch (e) {
          // Another process holds the database longer than busy_timeout: this operation fails.
          u.reject(e);
          continue;
        }
      }
      if (u.kind !== 'tx') {
        // One statement: SQLite undoes a failed statement by itself.
        try {
          done.push({ u, value: await u.run() });
        } catch (e) {
          u.reject(e);
          if (!this.db.inTransaction) failAll(e);
        }
        continue;
      }
      this.control.savepoint.run();
      try {
        const value = await u.run();
        this.control.release.run();
        done.push({ u, value });
      } catch (e) {
        u.reject(e);
        if (this.db.inTransaction) {
          this.control.rollbackTo.run();
          this.control.release.run();
        } else {
          // SQLite rolled the whole transaction back (I/O error, disk full): the operations
          // before this one in the group are lost with it, so none of them may answer "done".
          failAll(e);
        }
      }
    }
    try {
      if (this.db.inTransaction) this.control.commit.run();
    } catch (e) {
      if (this.db.inTransaction) this.control.rollback.run();
      failAll(e);
      return;
    }
    for (const d of done) d.u.resolve(d.value);
  }

  private getSync<C extends CollectionName>(col: C, id: string): Doc<C> | null {
    const row = this.stmt(`SELECT doc FROM ${table(col)} WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Doc<C>) : null;
  }

  /**
   * A write to read-mostly data that containers cache also writes a new cache version, in the
   * same SQLite transaction (store/cache-version.ts): a cache never outlives the data it holds.
   */
  private cachedWrite<T>(col: CollectionName, write: () => T): T {
    if (!isCached(col)) return write();
    const both = () => {
      const result = write();
      const v = newCacheVersion();
      this.putRaw('meta', { id: v.id, value: v.value });
      return result;
    };
    return this.db.inTransaction ? both() : this.db.transaction(both)();
  }

  private insertSync<C extends CollectionName>(col: C, doc: Doc<C>): void {
    this.cachedWrite(col, () => this.insertRaw(col, doc));
  }

  private insertRaw<C extends CollectionName>(col: C, doc: Doc<C>): void {
    try {
      this.stmt(`INSERT INTO ${table(col)} (id, doc) VALUES (?, ?)`).run(doc.id, JSON.stringify(doc));
    } catch (e) {
      // Duck-typed: the native addon keeps the error class of the first copy of the module loaded
      // in the process, so instanceof fails when a second copy exists (jest, bundles).
      if ((e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new AppError('CONFLICT', '对不起,该记录已存在,请勿重复提交。', { collection: col, id: doc.id });
      }
      throw e;
    }
  }

  private putSync<C extends CollectionName>(col: C, doc: Doc<C>): void {
    this.cachedWrite(col, () => this.putRaw(col, doc));
  }

  private putRaw<C extends CollectionName>(col: C, doc: Doc<C>): void {
    this.stmt(`INSERT INTO ${table(col)} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`)
      .run(doc.id, JSON.stringify(doc));
  }

  private updateSync<C extends CollectionName>(col: C, id: string, patch: Patch, where: Where | undefined): boolean {
    // Read, check and write in one synchronous step: nothing can run in between.
    const current = this.getSync(col, id);
    if (!current || !matches(current, where)) return false;
    const next = applyPatch(current, patch);
    this.cachedWrite(col, () => this.stmt(`UPDATE ${table(col)} SET doc = ? WHERE id = ?`).run(JSON.stringify(next), id));
    return true;
  }

  private removeSync(col: CollectionName, id: string): boolean {
    return this.cachedWrite(col, () => this.stmt(`DELETE FROM ${table(col)} WHERE id = ?`).run(id).changes > 0);
  }

  get<C extends CollectionName>(col: C, id: string): Promise<Doc<C> | null> {
    return this.serial(() => this.getSync(col, id), 'read');
  }

  find<C extends CollectionName>(col: C, opts: FindOptions = {}): Promise<Array<Doc<C>>> {
    return this.serial(() => {
      const w = whereSql(opts.where);
      const order = (opts.orderBy ?? []).map(([f, dir]) => `${field(f)} ${dir === 'desc' ? 'DESC' : 'ASC'}`);
      order.push('id ASC');
      let sql = `SELECT doc FROM ${table(col)}${w.sql} ORDER BY ${order.join(', ')}`;
      const params = [...w.params];
      if (opts.limit !== undefined || opts.offset !== undefined) {
        sql += ' LIMIT ? OFFSET ?';
        params.push(opts.limit ?? -1, opts.offset ?? 0);
      }
      const rows = this.stmt(sql).all(...params) as Array<{ doc: string }>;
      return rows.map((r) => JSON.parse(r.doc) as Doc<C>);
    }, 'read');
  }

  count<C extends CollectionName>(col: C, where?: Where): Promise<number> {
    return this.serial(() => {
      const w = whereSql(where);
      const row = this.stmt(`SELECT COUNT(*) AS n FROM ${table(col)}${w.sql}`).get(...w.params) as { n: number };
      return row.n;
    }, 'read');
  }

  insert<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void> {
    return this.serial(() => this.insertSync(col, doc));
  }

  put<C extends CollectionName>(col: C, doc: Doc<C>): Promise<void> {
    return this.serial(() => this.putSync(col, doc));
  }

  update<C extends CollectionName>(col: C, id: string, patch: Patch, where?: Where): Promise<boolean> {
    return this.serial(() => this.updateSync(col, id, patch, where));
  }

  remove<C extends CollectionName>(col: C, id: string): Promise<boolean> {
    return this.serial(() => this.removeSync(col, id));
  }

  /** Runs in its own savepoint of a group (see the file comment): rolled back alone when fn throws. */
  transaction<T>(fn: (tx: TxOps) => Promise<T>): Promise<T> {
    return this.serial(() => inTransaction.run(this, () => fn(this.tx)), 'tx');
  }

  close(): Promise<void> {
    return this.serial(() => {
      if (this.db.open) this.db.close();
    }, 'control');
  }
}
