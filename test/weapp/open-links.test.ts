/**
 * 政务公开 and 意见征集 (R-CAT-4..5) are reachable: the app declares the open/ pages, the home
 * and the role links lead to them, every role link names a page of the app, and the main
 * package's API does not carry the disclosure contract (its pages are all in the subpackage).
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROLES } from '../../shared/domain/roles';
import { appPages, ROOT } from '../helpers/app-pages';

// Untyped: the client's path aliases (@shared/…) are not the server tsconfig's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { roleLinks } = require('../../client/src/services/role-links') as { roleLinks(role: string): Array<{ label: string; url: string }> };

const OPEN_PAGES = ['index', 'history', 'version', 'prepubs', 'prepub', 'compose', 'prepub-new'].map((p) => `/open/${p}/index`);

test('the app declares the open/ pages, preloaded from the home', () => {
  const pages = appPages();
  for (const p of OPEN_PAGES) expect(pages).toContain(p);
  const config = fs.readFileSync(path.join(ROOT, 'client', 'src', 'app.config.ts'), 'utf8');
  const home = /preloadRule:\s*\{[\s\S]*?'pages\/index\/index':\s*\{[^}]*\}/.exec(config)?.[0] ?? '';
  expect(home).toMatch(/packages:\s*\[[^\]]*'open'/);
});

test('villagers reach 意见征集 and the admin the compose page from their links; every link opens a page of the app', () => {
  expect(roleLinks('villager').map((l) => l.url)).toContain('/open/prepubs/index');
  expect(roleLinks('agent').map((l) => l.url)).toContain('/open/prepubs/index');
  expect(roleLinks('admin').map((l) => l.url)).toEqual(expect.arrayContaining(['/open/compose/index', '/open/prepubs/index']));
  const pages = appPages();
  for (const role of ROLES) for (const l of roleLinks(role)) expect(pages).toContain(l.url.split('?')[0]);
});

test('the home links 政务公开 and 意见征集 for everyone, signed in or not', () => {
  const home = fs.readFileSync(path.join(ROOT, 'client', 'src', 'pages', 'index', 'index.tsx'), 'utf8');
  expect(home).toContain("url: '/open/index/index'");
  expect(home).toContain("url: '/open/prepubs/index'");
});

test('only the open/ subpackage imports the disclosure binding', () => {
  const api = fs.readFileSync(path.join(ROOT, 'client', 'src', 'services', 'api.ts'), 'utf8');
  expect(api).not.toContain('disclosure');
  const importers: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && fs.readFileSync(p, 'utf8').includes('services/fn/disclosure')) importers.push(path.relative(path.join(ROOT, 'client', 'src'), p));
    }
  };
  walk(path.join(ROOT, 'client', 'src'));
  expect(importers.length).toBeGreaterThan(0);
  expect(importers.filter((p) => !p.startsWith('open/'))).toEqual([]);
});
