/**
 * `npm run bench`: prints one JSON object per line, {"metric","value","unit"} — a public
 * contract that dashboards read. Figures, not assertions: the machines are shared and noisy.
 * `npm run bench -- --readme` prints the same lines and then rewrites README.md's figures table
 * from them (scripts/bench-table.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock, systemClock } from '../cloudfunctions/core/clock';
import type { WechatSender } from '../cloudfunctions/core/push/sender';
import type { TemplateConfig } from '../cloudfunctions/core/push/templates';
import { consentId, runDispatch } from '../cloudfunctions/core/usecases/outbox-dispatch';
import { runSweep, SWEEP_PARALLEL } from '../cloudfunctions/core/usecases/sweep';
import { nextReminderDate } from '../shared/domain/cases';
import { DevTokens } from '../cloudfunctions/core/identity/dev-token';
import { startLocalHost } from '../cloudfunctions/core/runtime/local-host';
import { demoUserId, seedDemoData } from '../cloudfunctions/core/seed/demo';
import { sampleAcceptedCase } from '../cloudfunctions/core/seed/sample-cases';
import { bookableDays } from '../shared/domain/booking';
import { WorkCalendar } from '../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../shared/domain/official-calendar';
import { SqliteStore } from '../cloudfunctions/core/store/sqlite';
import { writeReadme } from './bench-table';
import { emitLoad, loadFromWorker, percentile } from './bench/load';
import { measureActions } from './store-calls';

const ROOT = path.resolve(__dirname, '..');

/** Every line printed, for `--readme` (scripts/bench-table.ts). */
const printed: string[] = [];

function emit(metric: string, value: number, unit: string): void {
  const line = JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit });
  printed.push(line);
  process.stdout.write(`${line}\n`);
}

function dirBytes(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  return fs.readdirSync(p).reduce((sum, n) => sum + dirBytes(path.join(p, n)), 0);
}

function weappSizes(): void {
  const r = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout}\n${r.stderr}\n`);
    throw new Error('weapp build failed');
  }
  const out = path.join(ROOT, 'client', 'dist', 'weapp');
  const app = JSON.parse(fs.readFileSync(path.join(out, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  const total = dirBytes(out);
  const sub = (app.subPackages ?? []).reduce((s, p) => s + dirBytes(path.join(out, p.root)), 0);
  emit('weapp.main_package_bytes', total - sub, 'bytes');
  emit('weapp.total_bytes', total, 'bytes');
}

async function catalogSearch(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-'));
  const store = new SqliteStore({ dataDir: dir });
  await seedDemoData(store, systemClock);
  const host = await startLocalHost({ store, tokens: DevTokens.forDataDir(dir), port: 0 });
  const queries = ['低保', '养老保险', '残疾人证', '宅基地', '医保', '高龄津贴', '临时救助', '生育登记'];
  const clients = 50;
  const perClient = 100;
  const search = (n: number) => ({ body: { action: 'search', input: { centerId: 'c-baisha', q: queries[n % queries.length] } } });
  // Warm-up, then 50 concurrent clients over HTTP.
  await loadFromWorker(host.url, 'catalog', [queries.map((_, n) => search(n))]);
  const load = await loadFromWorker(host.url, 'catalog', Array.from({ length: clients }, (_, c) => Array.from({ length: perClient }, (_, i) => search(c + i))));
  emitLoad(emit, 'api.catalog_search', load);
  await host.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

interface Fixture {
  dir: string;
  store: SqliteStore;
  tokens: DevTokens;
  url: string;
  close(): Promise<void>;
}

async function fixture(): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-'));
  const store = new SqliteStore({ dataDir: dir });
  await seedDemoData(store, systemClock);
  const tokens = DevTokens.forDataDir(dir);
  const host = await startLocalHost({ store, tokens, port: 0 });
  return {
    dir,
    store,
    tokens,
    url: host.url,
    close: async () => {
      await host.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function post(url: string, fn: string, body: unknown, token: string): Promise<number> {
  const res = await fetch(`${url}/fn/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

async function villagers(f: Fixture, n: number, prefix: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const id = `${prefix}-${i}`;
    await f.store.insert('users', { id, centerId: 'c-baisha', role: 'villager', name: `村民${i}`, villageId: 'v-baisha-1' });
    tokens.push(f.tokens.issue(id, new Date()));
  }
  return tokens;
}

/**
 * booking.create: 50 concurrent clients booking across the windows' slots of the coming days,
 * after a warm-up of 250 bookings by other villagers (the host's code compiled and its caches
 * loaded, as in a host that has been up for a while); the clients run in their own thread.
 */
async function bookingCreate(f: Fixture): Promise<void> {
  const clients = 50;
  const perClient = 40;
  const warmup = 250;
  const tokens = await villagers(f, warmup + clients * perClient, 'u-bench');
  const items = (await f.store.find('items', { where: { centerId: 'c-baisha' } })).map((i) => i.id);
  const cal = new WorkCalendar(OFFICIAL_SCHEDULE);
  const days = bookableDays(cal, new Date(), 30, 30).slice(1); // not today: its slots run out as the bench runs
  const starts = Array.from({ length: 16 }, (_, k) => `${String(9 + Math.floor(k / 2)).padStart(2, '0')}:${k % 2 ? '30' : '00'}`);
  const request = (n: number) => ({
    token: tokens[n] as string,
    body: { action: 'create', input: { itemId: items[n % items.length], date: days[n % days.length], start: starts[Math.floor(n / days.length) % starts.length] }, requestId: `bench-${n}` },
  });
  const batch = (from: number, count: number) => Array.from({ length: clients }, (_, c) => Array.from({ length: count }, (_, i) => request(from + c * count + i)));
  await loadFromWorker(f.url, 'booking', batch(clients * perClient, warmup / clients));
  const { elapsed, latencies, statuses } = await loadFromWorker(f.url, 'booking', batch(0, perClient));
  const count = (code: number) => statuses.filter((s) => s === code).length;
  emit('booking.create.rps', latencies.length / elapsed, 'req/s');
  emit('booking.create.p50_ms', percentile(latencies, 50), 'ms');
  emit('booking.create.p99_ms', percentile(latencies, 99), 'ms');
  emit('booking.create.ok', count(200), 'count');
  emit('booking.create.full', count(409), 'count');
}

/** A contention burst: 200 clients at once for one slot; then every slot is checked against its capacity. */
async function oversold(f: Fixture): Promise<void> {
  const tokens = await villagers(f, 200, 'u-burst');
  const admin = f.tokens.issue(demoUserId('c-baisha', 'admin'), new Date());
  const windowId = 'w-baisha-rs';
  await post(f.url, 'center', { action: 'saveWindowSchedule', input: { windowId, slotMinutes: 30, slotCapacity: 5 } }, admin);
  const day = bookableDays(new WorkCalendar(OFFICIAL_SCHEDULE), new Date(), 3)[2] as string;
  await Promise.all(
    tokens.map((t, i) => post(f.url, 'booking', { action: 'create', input: { itemId: 'item-baisha-rs-001', date: day, start: '15:00' }, requestId: `burst-${i}` }, t)),
  );
  const windows = new Map((await f.store.find('windows')).map((w) => [w.id, w.slotCapacity]));
  const held = new Map<string, { windowId: string; n: number }>();
  for (const b of await f.store.find('bookings', { where: { status: 'booked' } })) {
    const key = `${b.windowId} ${b.date} ${b.start}`;
    held.set(key, { windowId: b.windowId, n: (held.get(key)?.n ?? 0) + 1 });
  }
  let over = 0;
  for (const { windowId: w, n } of held.values()) over += Math.max(0, n - (windows.get(w) ?? 0));
  emit('booking.oversold', over, 'count');
}

/**
 * Complaints (R-CMP-1/2): `complaint.file` over HTTP with 50 concurrent villagers × 10 each, and
 * `complaint.route.ms`, one complaint from the villager's request until the office's WeChat push
 * is in the outbox (routing is in the filing's own transaction) — the median of 20, one at a time.
 */
async function complaints(f: Fixture): Promise<void> {
  const clients = 50;
  const perClient = 10;
  const tokens = await villagers(f, clients, 'u-cmp');
  const input = (n: number) => ({ subjectKind: 'center', facts: `第${n}号:大厅排队时间较长,无人引导,希望改进。`, wants: '希望增加引导人员' });
  const filings = tokens.map((token, c) =>
    Array.from({ length: perClient }, (_, i) => {
      const n = c * perClient + i;
      return { token, body: { action: 'file', input: input(n), requestId: `cmp-${n}` } };
    }),
  );
  emitLoad(emit, 'complaint.file', await loadFromWorker(f.url, 'complaints', filings));

  const office = demoUserId('c-baisha', 'office');
  const routes: number[] = [];
  for (let n = 0; n < 20; n += 1) {
    const before = await f.store.count('outbox', { userId: office });
    const t0 = performance.now();
    await post(f.url, 'complaints', { action: 'file', input: input(1000 + n), requestId: `cmp-route-${n}` }, tokens[0] as string);
    if ((await f.store.count('outbox', { userId: office })) !== before + 1) throw new Error('the office push did not enter the outbox');
    routes.push(performance.now() - t0);
  }
  routes.sort((a, b) => a - b);
  emit('complaint.route.ms', percentile(routes, 50), 'ms');
}

/**
 * The deadline sweep over a store of 1 000 000 open cases, 1 000 of them due today (issue 12):
 * its cost must follow the cases due (an indexed query on nextReminderOn), not the cases
 * stored. The cases are written in one transaction (one group commit, prepared statements).
 */
async function sweepBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-sweep-'));
  const store = new SqliteStore({ dataDir: dir });
  const clock = new ManualClock('2026-03-02T00:30:00Z');
  await seedDemoData(store, clock);
  const cal = new WorkCalendar(OFFICIAL_SCHEDULE);
  const today = '2026-03-02';
  const total = 1_000_000;
  const dueEvery = 1_000;
  const at = clock.now().toISOString();
  // 30 deadlines, each with its first reminder date, computed once rather than per case.
  const deadlines = Array.from({ length: 30 }, (_, k) => {
    const deadline = cal.addWorkingDays(today, 10 + k);
    return { deadline, next: nextReminderDate(cal, deadline, '2026-03-01') ?? deadline };
  });
  const g0 = performance.now();
  await store.transaction(async (tx) => {
    for (let i = 0; i < total; i += 1) {
      const due = i % dueEvery === 0;
      const d = deadlines[i % deadlines.length] as { deadline: string; next: string };
      const c = sampleAcceptedCase(`case-bench-${i}`, i, {
        at,
        acceptedOn: '2026-02-24',
        deadline: due ? '2026-03-04' : d.deadline,
        nextReminderOn: due ? today : d.next,
      });
      await tx.put('cases', c);
    }
  });
  emit('sweep.generate_s', (performance.now() - g0) / 1000, 's');
  emit('sweep.stored_cases', total, 'count');
  emit('sweep.open_cases', await store.count('cases', { status: 'accepted' }), 'count');
  const t0 = performance.now();
  const r = await runSweep(store, clock, { parallel: SWEEP_PARALLEL }); // as the timer runs it
  emit('sweep.due', r.due, 'count');
  emit('sweep.ms', performance.now() - t0, 'ms');
  emit('sweep.notices', r.notices, 'count');

  // The dispatcher's own throughput (store work per message), with a sender that returns at
  // once: WeChat's API latency is not part of this figure.
  const templates: TemplateConfig = { deadline: { id: 'TPL-DEADLINE', fields: { title: 'thing1', body: 'thing2' } } };
  for (const key of ['staff-rs', 'staff-cl']) {
    const id = demoUserId('c-baisha', key);
    await store.update('users', id, { set: { openId: `o-${key}` } });
    await store.put('consents', { id: consentId(id, 'TPL-DEADLINE'), userId: id, templateId: 'TPL-DEADLINE', remaining: 1_000_000 });
  }
  const immediate: WechatSender = { send: async () => undefined };
  const pending = await store.count('outbox', { status: 'pending' });
  const d0 = performance.now();
  let sent = 0;
  for (;;) {
    const res = await runDispatch({ store, clock, sender: immediate, templates });
    sent += res.sent + res.skipped;
    if (res.sent + res.skipped + res.retried + res.parked === 0) break;
  }
  emit('outbox.dispatch.per_s', sent / ((performance.now() - d0) / 1000), 'msg/s');
  emit('outbox.dispatch.messages', pending, 'count');
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Store round trips per action on CloudBase (issue 12), through the real dispatcher on the
 * seeded store (scripts/store-calls.ts): `store.calls.<function>.<action>` (every round trip as
 * CloudBase makes it, transactions' begin and commit included), `store.rounds.…` (how many of
 * them one after another) and `store.latency_20ms.…` (ms, with every call really delayed 20 ms,
 * so calls issued together cost one delay).
 */
async function storeCalls(): Promise<void> {
  const counted = await measureActions(0);
  const timed = new Map((await measureActions(20)).map((c) => [c.name, c.ms]));
  for (const c of counted) {
    emit(`store.calls.${c.name}`, c.calls, 'count');
    emit(`store.rounds.${c.name}`, c.rounds, 'count');
    emit(`store.latency_20ms.${c.name}`, timed.get(c.name) ?? Number.NaN, 'ms');
  }
}

/** The bench's sections, in the order a full run measures them; `--only <name>[,<name>]` runs some. */
const SECTIONS = ['weapp', 'catalog', 'calls', 'booking', 'complaints', 'sweep', 'ratings', 'report'] as const;
type Section = (typeof SECTIONS)[number];

function selectedSections(argv: readonly string[]): ReadonlySet<Section> {
  const i = argv.indexOf('--only');
  if (i < 0) return new Set(SECTIONS);
  const names = (argv[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes one or more of ${SECTIONS.join(', ')} (comma-separated); got ${unknown.join(', ') || 'nothing'}`);
  }
  return new Set(names as Section[]);
}

async function main(): Promise<void> {
  const only = selectedSections(process.argv);
  if (only.size < SECTIONS.length && process.argv.includes('--readme')) {
    throw new Error('--readme rewrites the whole figures table: run every section (no --only)');
  }
  if (only.has('weapp')) weappSizes();
  if (only.has('catalog')) await catalogSearch();
  if (only.has('calls')) await storeCalls();
  if (only.has('booking') || only.has('complaints')) {
    const f = await fixture();
    try {
      if (only.has('booking')) {
        await bookingCreate(f);
        await oversold(f);
      }
      if (only.has('complaints')) await complaints(f);
    } finally {
      await f.close();
    }
  }
  if (only.has('sweep')) await sweepBench();
  if (only.has('ratings')) await (await import('./bench/ratings')).ratingSubmit(emit); // rating.submit.* (issue 10, R-RATE-1)
  if (only.has('report')) await (await import('./bench/report')).reportBench(emit); // report.month.* (issue 10, R-RATE-3)
  // `npm run bench -- --readme`: the same lines, then README.md's figures table from them.
  if (process.argv.includes('--readme')) {
    writeReadme(printed.join('\n'));
    process.stderr.write('README.md: benchmark figures rewritten.\n');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
