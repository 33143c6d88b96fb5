/**
 * Ratings in the app (R-RATE-1..2): each role reaches its rating pages from its links, and every
 * link a ratings notice or a rating page opens is a page declared in client/src/app.config.ts
 * (WeChat refuses an unknown path) — the invitation opens the rate page with its caseId.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ratePageLink } from '../../cloudfunctions/core/usecases/ratings/rate';
import { appPages, ROOT } from '../helpers/app-pages';

/** The role links' rows, read from the source (the root tsconfig does not compile the client). */
const LINKS = [...fs.readFileSync(path.join(ROOT, 'client', 'src', 'services', 'role-links.ts'), 'utf8').matchAll(/url: '([^']+)', (?:unread: true, )?roles: \[([^\]]*)\]/g)].map((m) => ({
  url: (m[1] ?? '').split('?')[0] ?? '',
  roles: [...(m[2] ?? '').matchAll(/'([a-z]+)'/g)].map((r) => r[1]),
}));
const urls = (role: string) => LINKS.filter((l) => l.roles.includes(role)).map((l) => l.url);

test.each([
  ['villager', ['/rate/mine/index']],
  ['agent', ['/rate/mine/index']],
  ['staff', ['/review/received/index', '/review/rectify/index']],
  ['office', ['/review/rectify/index', '/review/appeals/index']],
  ['leader', ['/review/rectify/index', '/review/appeals/index']],
  ['pad', ['/pad/index/index']],
] as const)('%s reaches its rating pages', (role, expected) => {
  const mine = urls(role).filter((u) => /^\/(rate|review|pad)\//.test(u));
  expect(mine.sort()).toEqual([...expected].sort());
});

test("the pad's only link is the pad page (no inbox, no other work)", () => {
  expect(urls('pad')).toEqual(['/pad/index/index']);
});

test('the role links are read (a sanity check of the reading above)', () => {
  expect(urls('villager')).toContain('/pages/inbox/index');
});

test('every link of a ratings notice or page opens a declared page', () => {
  const pages = appPages();
  const found = new Set<string>([ratePageLink('case-1').split('?')[0] ?? '']);
  const dirs = [path.join(ROOT, 'cloudfunctions', 'core', 'usecases', 'ratings'), path.join(ROOT, 'client', 'src', 'rate'), path.join(ROOT, 'client', 'src', 'review'), path.join(ROOT, 'client', 'src', 'pad')];
  const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of dirs.flatMap(walk).filter((n) => /\.tsx?$/.test(n))) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/(?:link|url): `?'?(\/(?:rate|review|pad)\/[a-z/-]*index)/g)) found.add(m[1] ?? '');
  }
  expect(found.size).toBeGreaterThanOrEqual(5);
  expect([...found].filter((u) => !pages.has(u))).toEqual([]);
});
