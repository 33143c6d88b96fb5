/**
 * Petitions (信访, R-PET-1..3) in the app: the subpackage declares its pages, and every `link`
 * the petitions function puts in a notice (registered, alert, 交办, reception, reply, reminders)
 * opens a page of client/src/app.config.ts — WeChat refuses to open an unknown path.
 */
import fs from 'node:fs';
import path from 'node:path';

import { appPages, ROOT } from '../helpers/app-pages';

const USECASES = path.join(ROOT, 'cloudfunctions', 'core', 'usecases', 'petitions');

/** Every page path in a petition notice's link (`/x/y/index?id=…`). */
function noticeLinks(): string[] {
  const links: string[] = [];
  for (const f of fs.readdirSync(USECASES).filter((n) => n.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(USECASES, f), 'utf8');
    for (const m of src.matchAll(/`(\/[a-z-]+\/[a-z-]+\/index)\?id=/g)) links.push(m[1] ?? '');
  }
  return links;
}

test('the app declares the petition pages', () => {
  const pages = appPages();
  for (const p of ['/petition/list/index', '/petition/new/index', '/petition/detail/index', '/petition/doc/index', '/petition/settings/index']) expect(pages).toContain(p);
});

test("every link in a petition notice opens the petition's page", () => {
  const links = noticeLinks();
  expect(links.length).toBeGreaterThanOrEqual(2); // the actions' LINK and the reminders'
  const pages = appPages();
  expect(links.filter((l) => !pages.has(l))).toEqual([]);
  expect([...new Set(links)]).toEqual(['/petition/detail/index']);
});
