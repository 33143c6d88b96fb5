/**
 * The notices a complainant receives (R-CMP-1, R-CMP-4: 已受理, 延期, 已答复) open a page that
 * exists: every `link` sent to the complainant's side by the complaints function names a page of
 * client/src/app.config.ts (main package or a subpackage). Read from the sources, as WeChat would
 * refuse to open an unknown path.
 */
import fs from 'node:fs';
import path from 'node:path';

import { appPages, ROOT } from '../helpers/app-pages';

const USECASES = path.join(ROOT, 'cloudfunctions', 'core', 'usecases', 'complaints');

function complainantLinks(): string[] {
  const links: string[] = [];
  for (const f of fs.readdirSync(USECASES).filter((n) => n.endsWith('.ts'))) {
    for (const line of fs.readFileSync(path.join(USECASES, f), 'utf8').split('\n')) {
      if (!line.includes('complainantSide(')) continue;
      for (const m of line.matchAll(/link:\s*`([^`?]+)\?/g)) links.push(m[1] ?? '');
    }
  }
  return links;
}

test('the app declares the villager complaint pages', () => {
  const pages = appPages();
  for (const p of ['/complaint/file/index', '/complaint/mine/index', '/complaint/detail/index', '/complaint/track/index']) expect(pages).toContain(p);
});

test("every link in a complainant's notice opens a page of the app", () => {
  const links = complainantLinks();
  expect(links.length).toBeGreaterThanOrEqual(3);
  const pages = appPages();
  expect(links.filter((l) => !pages.has(l))).toEqual([]);
});
