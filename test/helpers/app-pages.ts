/** The pages client/src/app.config.ts declares, main package and subpackages, as '/root/page' paths. */
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export function appPages(): Set<string> {
  const src = fs.readFileSync(path.join(ROOT, 'client', 'src', 'app.config.ts'), 'utf8');
  const pages = new Set<string>();
  const main = /pages:\s*\[([^\]]*)\]/.exec(src);
  for (const m of (main?.[1] ?? '').matchAll(/'([^']+)'/g)) pages.add(`/${m[1]}`);
  for (const sub of src.matchAll(/root:\s*'([^']+)'[^}]*?pages:\s*\[([^\]]*)\]/g)) {
    for (const m of (sub[2] ?? '').matchAll(/'([^']+)'/g)) pages.add(`/${sub[1]}/${m[1]}`);
  }
  return pages;
}
