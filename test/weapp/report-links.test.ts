/**
 * The month's picture in the app (R-RATE-3): the office, the leaders and the admin reach the
 * dashboard from their links, nobody else does; every page the report pages open is declared in
 * client/src/app.config.ts (WeChat refuses an unknown path); a bar's length is its rate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appPages, ROOT } from '../helpers/app-pages';

// Client modules import '@shared/…', which only the client's and this project's jest config
// resolve: required untyped (as sign-in.test.ts does) so the server's tsc does not follow them.
type Figures = { ratings: number; excluded: number; satisfied: number; bad: number; rectified: number; completed: number; onTime: number; substantiated: number; satisfactionRate: number | null; rectificationRate: number | null; onTimeRate: number | null };
/* eslint-disable @typescript-eslint/no-require-imports */
const { roleLinks } = require('../../client/src/services/role-links') as { roleLinks(role: string): Array<{ url: string }> };
const { barWidth, FIGURE_COLUMNS } = require('../../client/src/report/figures') as {
  barWidth(rate: number | null): string;
  FIGURE_COLUMNS: ReadonlyArray<{ cell(f: Figures): string[] }>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const REPORT = path.join(ROOT, 'client', 'src', 'report');
const urls = (role: string) => roleLinks(role).map((l) => l.url.split('?')[0] ?? l.url);

test.each([
  ['office', true],
  ['leader', true],
  ['admin', true],
  ['staff', false],
  ['villager', false],
  ['agent', false],
] as const)('%s has the dashboard link: %s', (role, has) => {
  expect(urls(role).includes('/report/month/index')).toBe(has);
});

test('every report page a link or a button opens is declared', () => {
  const pages = appPages();
  const opened = new Set(['office', 'leader', 'admin'].flatMap((r) => urls(r)).filter((u) => u.startsWith('/report/')));
  for (const dir of fs.readdirSync(REPORT, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const src = fs.readFileSync(path.join(REPORT, dir.name, 'index.tsx'), 'utf8');
    for (const m of src.matchAll(/url: `?'?(\/report\/[a-z-]+\/index)/g)) opened.add(m[1] ?? '');
  }
  expect([...opened].sort()).toEqual(['/report/export/index', '/report/month/index', '/report/print/index', '/report/thresholds/index']);
  expect([...opened].filter((u) => !pages.has(u))).toEqual([]);
});

test.each([
  [1, '100%'],
  [2 / 3, '66.7%'],
  [0, '0%'],
  [null, '0%'],
])('a bar of rate %s is %s long', (rate, width) => {
  expect(barWidth(rate)).toBe(width);
});

test('a table cell holds the counts and the rate, so no number of a chart is missing', () => {
  const f = { ratings: 3, excluded: 1, satisfied: 2, bad: 1, rectified: 1, completed: 4, onTime: 3, substantiated: 1, satisfactionRate: 2 / 3, rectificationRate: 1, onTimeRate: 0.75 };
  expect(FIGURE_COLUMNS.map((c) => c.cell(f).join(' '))).toEqual(['2/3 66.7%', '1(1) 100.0%', '3/4 75.0%', '1']);
});
