/**
 * A property of every action (issue 8.5; "bad input changes nothing"): a call that is rejected
 * — VALIDATION, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, anything — leaves every
 * collection exactly as it was, audit trail included.
 *
 * The actions are not listed here: the test walks the contract registry, so an action added
 * later is covered the day it is added. For each action it derives calls from the contract
 * itself: no caller and callers of every role the action does not allow; the input with one
 * field of the wrong type and with an unknown field; and a well-formed input whose record ids
 * name nothing, or records of the other center. They run through the real dispatcher on a
 * seeded SQLite file, and every table of that file is compared before and after each refusal.
 */
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { registry, type FunctionName } from '../../shared/contracts';
import type { ActionDef } from '../../shared/contracts/define';
import { ROLES, type Role } from '../../shared/domain/roles';
import type { Reply } from '../../shared/domain/errors';
import { ManualClock } from '../../cloudfunctions/core/clock';
import type { Ctx } from '../../cloudfunctions/core/context';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import type { TemplateConfig } from '../../cloudfunctions/core/push/templates';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { COLLECTION_NAMES, type CollectionName } from '../../cloudfunctions/core/store/collections';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { caller } from '../helpers/calls';
import { seededStore } from '../helpers/temp';

const HOME = 'c-baisha';
const OTHER = 'c-liutang';
const templates: TemplateConfig = { booking: { id: 'TPL-BOOKING', fields: { title: 'thing1', body: 'thing2' } } };

let store: SqliteStore;
let clock: ManualClock;
let reader: Database.Database;

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Shanghai: a working morning.
  ({ store, clock } = await seededStore(new ManualClock('2026-03-02T01:00:00Z')));
  reader = new Database(store.file, { readonly: true });
  // Some work of the other center, so that ids of its bookings, cases and visits exist.
  const api = caller(store, clock);
  const otherItems = await store.find('items', { where: { centerId: OTHER }, orderBy: [['code', 'asc']] });
  const door = otherItems.find((i) => i.doorToDoor) ?? otherItems[0]!;
  await api.ok(demoUserId(OTHER, 'villager'), 'booking', 'create', { itemId: door.id, date: '2026-03-03', start: '10:00' }, 'seed-b');
  await api.ok(demoUserId(OTHER, 'staff-mz'), 'cases', 'registerWalkIn', { itemId: door.id, applicantName: '黄德明' });
  if (door.doorToDoor) {
    await api.ok(demoUserId(OTHER, 'villager'), 'booking', 'requestVisit', { itemId: door.id, address: '柳塘村1组1号', phone: '13957100077', reason: 'elderly', note: '行动不便' });
  }
});
afterAll(async () => {
  reader.close();
  await store.close();
});

/** One digest per table of the SQLite file: any write to a collection changes its digest. */
function snapshot(): Record<CollectionName, string> {
  const out = {} as Record<CollectionName, string>;
  for (const col of COLLECTION_NAMES) {
    const h = crypto.createHash('sha256');
    for (const row of reader.prepare(`SELECT id, doc FROM "${col}" ORDER BY id`).iterate() as Iterable<{ id: string; doc: string }>) {
      h.update(row.id).update('\0').update(row.doc).update('\n');
    }
    out[col] = h.digest('hex');
  }
  return out;
}

const changed = (a: Record<CollectionName, string>, b: Record<CollectionName, string>) => COLLECTION_NAMES.filter((c) => a[c] !== b[c]);

// ---- Inputs derived from the zod schemas -------------------------------------------------------

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
}
const defOf = (s: z.ZodType): SchemaDef => (s as unknown as { _zod: { def: SchemaDef } })._zod.def;

const MISSING_ID = 'none-00000000';
/** Plausible strings, tried in order until the field's own schema accepts one. */
const STRINGS = ['2026-03-03', '10:00', '张三丰', '13957100099', '11010519491231002X', '石桥村3组12号', '情况说明:材料齐全,请办理', 'TPL-BOOKING', MISSING_ID, '2026-03-03T10:00:00+08:00', 'abcdefgh12'];

/** The other center's record a field named `<x>Id` may point at, if such a collection exists. */
function otherCentersId(key: string): string | null {
  if (!key.endsWith('Id')) return null;
  const stem = key.slice(0, -2);
  const col = (COLLECTION_NAMES as readonly string[]).find((c) => c === stem || c === `${stem}s`) ?? (stem === 'agent' || stem === 'handler' ? 'users' : undefined);
  if (!col) return null;
  const row = reader.prepare(`SELECT id FROM "${col}" WHERE json_extract(doc, '$.centerId') = ? ORDER BY id LIMIT 1`).get(OTHER) as { id: string } | undefined;
  return row?.id ?? null;
}

/** A value the schema accepts, preferring `prefer` for strings (ids); undefined when none found. */
function sample(schema: z.ZodType, prefer: string[] = []): unknown {
  const d = defOf(schema);
  const ok = (v: unknown) => schema.safeParse(v).success;
  switch (d.type) {
    case 'string':
      return [...prefer, ...STRINGS].find(ok);
    case 'number':
    case 'int':
      return [1, 3, 30, 0, 2026].find(ok);
    case 'boolean':
      return true;
    case 'literal':
      return d.values?.[0];
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return d.innerType ? sample(d.innerType, prefer) : undefined;
    case 'pipe':
      return d.in ? sample(d.in, prefer) : undefined;
    case 'array': {
      const el = d.element ? sample(d.element, prefer) : undefined;
      return [[el], []].find(ok) ?? [];
    }
    case 'union':
      for (const o of d.options ?? []) {
        const v = sample(o, prefer);
        if (v !== undefined && ok(v)) return v;
      }
      return undefined;
    case 'record':
      return {};
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(d.shape ?? {})) {
        const v = sample(s, prefer);
        if (v !== undefined) out[k] = v;
      }
      if (ok(out)) return out;
      // Cross-field rules: try without the optional fields.
      const required = Object.fromEntries(Object.entries(out).filter(([k]) => !(d.shape?.[k]?.safeParse(undefined).success ?? false)));
      return ok(required) ? required : out;
    }
    default:
      return undefined;
  }
}

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> => {
  let s = schema;
  for (let i = 0; i < 5; i++) {
    const d = defOf(s);
    if (d.type === 'object') return d.shape ?? {};
    const next = d.innerType ?? d.in;
    if (!next) break;
    s = next;
  }
  return {};
};

/** Every string field named …Id, at any depth, as a path. */
function idPaths(schema: z.ZodType, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, s] of Object.entries(shapeOf(schema))) {
    if (k.endsWith('Id')) out.push([...prefix, k]);
    out.push(...idPaths(s, [...prefix, k]));
  }
  return out;
}

function withPath(base: unknown, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone((base ?? {}) as Record<string, unknown>);
  let cur = copy;
  for (const p of path.slice(0, -1)) {
    if (typeof cur[p] !== 'object' || cur[p] === null) cur[p] = {};
    cur = cur[p] as Record<string, unknown>;
  }
  cur[path[path.length - 1] as string] = value;
  return copy;
}

interface Attempt {
  label: string;
  userId: string | null;
  input: unknown;
}

function attempts(def: ActionDef): Attempt[] {
  const allowed: Role[] = def.roles === 'public' ? [...ROLES] : [...def.roles];
  const home = (role: Role) => demoUserId(HOME, role === 'staff' ? 'staff-mz' : role);
  const base = sample(def.input) ?? {};
  const out: Attempt[] = [];
  if (def.roles !== 'public') {
    out.push({ label: 'no caller', userId: null, input: base });
    for (const role of ROLES.filter((r) => !allowed.includes(r))) out.push({ label: `role ${role}`, userId: home(role), input: base });
  }
  for (const role of allowed) {
    const userId = home(role);
    out.push({ label: `${role}: unknown field`, userId, input: { ...(base as object), zzUnknownField: 1 } });
    for (const k of Object.keys(shapeOf(def.input))) {
      out.push({ label: `${role}: ${k} of the wrong type`, userId, input: withPath(base, [k], { wrong: [1, 2] }) });
    }
    for (const [k, s] of Object.entries(shapeOf(def.input))) {
      // A list with good entries and one that names nothing: refused as a whole, none written.
      const el = defOf(s).type === 'array' ? defOf(s).element : undefined;
      if (!el) continue;
      for (const good of STRINGS.filter((c) => c !== MISSING_ID && el.safeParse(c).success)) {
        out.push({ label: `${role}: ${k} with ${good} and an unknown entry`, userId, input: withPath(base, [k], [good, MISSING_ID]) });
      }
    }
    for (const p of idPaths(def.input)) {
      const stem = p[p.length - 1] as string;
      out.push({ label: `${role}: ${p.join('.')} names nothing`, userId, input: withPath(base, p, MISSING_ID) });
      const theirs = otherCentersId(stem);
      if (theirs) out.push({ label: `${role}: ${p.join('.')} of the other center`, userId, input: withPath(base, p, theirs) });
    }
    out.push({ label: `${role}: sample input`, userId, input: base });
  }
  return out;
}

const ACTIONS = (Object.keys(registry) as FunctionName[]).flatMap((fn) =>
  Object.entries(registry[fn] as Record<string, ActionDef>).map(([action, def]) => ({ fn, action, def })),
);

test('the registry is walked, not a hand-made list', () => {
  expect(ACTIONS.length).toBeGreaterThan(50);
});

describe.each(ACTIONS.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s', (_name, { fn, action, def }) => {
  test('every rejected call leaves every collection unchanged', async () => {
    let rejected = 0;
    const problems: string[] = [];
    for (const a of attempts(def)) {
      const ctx: Ctx = { store, clock, caller: a.userId ? await store.get('users', a.userId) : null, push: { sender: null, templates } };
      const before = snapshot();
      const reply: Reply<unknown> = await dispatch(fn, { action, input: a.input }, ctx);
      if (reply.ok) continue;
      rejected += 1;
      const diff = changed(before, snapshot());
      if (diff.length > 0) problems.push(`${a.label} → ${reply.error.code}, yet wrote ${diff.join(', ')}`);
    }
    expect(problems).toEqual([]);
    // Every action can be refused: at least the unknown field is (every input schema is strict).
    expect(rejected).toBeGreaterThan(0);
  });
});
