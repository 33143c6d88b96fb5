/**
 * The month's picture in the app (R-RATE-3): the office, the leaders and the admin reach the
 * dashboard from their links, nobody else does; every page the report pages open is declared in
 * client/src/app.config.ts (WeChat refuses an unknown path); a bar's length is its rate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { roleLinks } from '../../client/src/services/role-links';
import { barWidth, FIGURE_COLUMNS } from '../../client/src/report/figures';
import { appPages, ROOT } from '../helpers/app-pages';

const REPORT = path.join(ROOT, 'client', 'src', 'report');
const urls = (role: Parameters<typeof roleLinks>[0]) => roleLinks(role).map((l) => l.url.split('?')[0] ?? l.url);

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
  const opened = new Set(['office', 'leader', 'admin'].flatMap((r) => urls(r as 'office')).filter((u) => u.startsWith('/report/')));
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
