/**
 * Builds the H5 app when it is missing or stale. Staleness is a hash of the sources, not file
 * times, so a fresh clone (where every mtime is "now") still builds exactly once.
 */
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const H5_DIR = path.join(ROOT, 'client', 'dist', 'h5');
const STAMP = path.join(H5_DIR, '.source-hash');
const INPUTS = ['client/src', 'client/config', 'client/babel.config.js', 'shared', 'package-lock.json'];

function walk(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return;
  if (fs.statSync(p).isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name), out);
  } else {
    out.push(p);
  }
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const rel of INPUTS) walk(path.join(ROOT, rel), files);
  const h = crypto.createHash('sha256');
  for (const f of files) {
    h.update(path.relative(ROOT, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

export function h5IsFresh(): boolean {
  return (
    fs.existsSync(path.join(H5_DIR, 'index.html')) &&
    fs.existsSync(STAMP) &&
    fs.readFileSync(STAMP, 'utf8').trim() === sourceHash()
  );
}

export function ensureH5Build(log: (s: string) => void = console.log): void {
  if (h5IsFresh()) return;
  const hash = sourceHash();
  log('正在构建 H5 应用(首次约需 30–60 秒)…');
  // Always a production build: under jest NODE_ENV is 'test', which would make Taro emit a
  // development bundle (React refresh hooks) that does not run outside its dev server.
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync('npm', ['run', '--silent', 'build:h5'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    throw new Error('H5 build failed (npm run build:h5); see the output above.');
  }
  fs.writeFileSync(STAMP, hash);
}
