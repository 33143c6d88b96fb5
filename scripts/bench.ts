/**
 * `npm run bench`: prints one JSON object per line, {"metric","value","unit"} — a public
 * contract that dashboards read. Figures, not assertions: the machines are shared and noisy.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../cloudfunctions/core/clock';
import { DevTokens } from '../cloudfunctions/core/identity/dev-token';
import { startLocalHost } from '../cloudfunctions/core/runtime/local-host';
import { seedDemoData } from '../cloudfunctions/core/seed/demo';
import { SqliteStore } from '../cloudfunctions/core/store/sqlite';

const ROOT = path.resolve(__dirname, '..');

function emit(metric: string, value: number, unit: string): void {
  process.stdout.write(`${JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit })}\n`);
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

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

async function catalogSearch(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-'));
  const store = new SqliteStore({ dataDir: dir });
  await seedDemoData(store, systemClock);
  const host = await startLocalHost({ store, tokens: DevTokens.forDataDir(dir), port: 0 });
  const queries = ['低保', '养老保险', '残疾人证', '宅基地', '医保', '高龄津贴', '临时救助', '生育登记'];
  const clients = 50;
  const perClient = 100;
  const latencies: number[] = [];
  let errors = 0;
  const once = async (q: string) => {
    const t0 = performance.now();
    const res = await fetch(`${host.url}/fn/catalog`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'search', input: { centerId: 'c-baisha', q } }),
    });
    const body = (await res.json()) as { ok: boolean };
    latencies.push(performance.now() - t0);
    if (!body.ok) errors += 1;
  };
  // Warm-up, then 50 concurrent clients over HTTP.
  for (const q of queries) await once(q);
  latencies.length = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i += 1) await once(queries[(c + i) % queries.length] as string);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  emit('api.catalog_search.p50_ms', percentile(latencies, 50), 'ms');
  emit('api.catalog_search.p99_ms', percentile(latencies, 99), 'ms');
  emit('api.catalog_search.rps', latencies.length / elapsed, 'req/s');
  emit('api.catalog_search.errors', errors, 'count');
  await host.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  weappSizes();
  await catalogSearch();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
