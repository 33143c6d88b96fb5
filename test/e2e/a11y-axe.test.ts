/**
 * axe-core on every page of every role, in both modes (issue 11, R-UX-2; WCAG 2.2 AA): each page
 * of client/src/app.config.ts is opened afresh in the built H5 app at 390×844, as the role that
 * uses it (home and 我的 as every role), with demo records made through the real actions, at a
 * fixed instant. axe-core (npm) is injected into the page and the test fails on any serious or
 * critical violation, listing the page, the mode, the rule and its targets. In 长辈模式 text must
 * reach 7:1 (axe's color-contrast-enhanced), in normal mode 4.5:1.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { ROLES } from '../../shared/domain/roles';
import { a11yKit, appPages, openPage, queryOf, rolesOf, setElderly, shownInElderMode, signInAs } from './a11y-pages';
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * Runs axe on the page (every page is a fresh load, so no earlier page is kept in the DOM): WCAG
 * 2.2 A/AA and best practices; in 长辈模式 also the AAA rules, whose colour-contrast-enhanced asks
 * text for 7:1 (the mode's figure).
 */
async function axe(p: Page, elderly: boolean): Promise<Violation[]> {
  if (!(await p.evaluate('typeof window.axe === "object"'))) await p.addScriptTag({ content: AXE });
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', ...(elderly ? ['wcag2aaa'] : [])];
  const result = (await p.evaluate(
    `window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ${JSON.stringify(tags)} } })`,
  )) as { violations: Violation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('axe-core: no serious or critical violation on any page, any role, both modes (issue 11)', () => {
  const { kit, ids } = a11yKit();

  it('covers every page of app.config.ts', () => {
    const pages = appPages();
    expect(pages.length).toBeGreaterThan(50);
    expect(pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/book/index', 'admin/item-edit/index', 'pad/index/index', 'rate/index']));
  });

  it(
    'every page, as its role, in normal mode and in 长辈模式',
    async () => {
      const found: string[] = [];
      let measured = 0;
      for (const role of ROLES) {
        const pages = appPages().filter((pg) => rolesOf(pg).includes(role));
        if (pages.length === 0) continue;
        await signInAs(kit, role);
        for (const elderly of [false, true]) {
          await setElderly(kit.page, kit.base(), elderly);
          for (const pg of pages) {
            await openPage(kit.page, kit.base(), pg, queryOf(pg, ids()));
            measured += 1;
            if ((await shownInElderMode(kit.page)) !== elderly) found.push(`${pg} (${role}): 长辈模式 ${elderly ? 'not applied' : 'shown in the normal mode'}`);
            for (const v of await axe(kit.page, elderly)) {
              const targets = v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ');
              found.push(`${pg} (${role}, ${elderly ? '长辈模式' : '标准'}): ${v.impact} ${v.id} — ${v.help} — ${v.nodes.length}× ${targets}`);
            }
          }
        }
      }
      expect(measured).toBeGreaterThan(100);
      expect(found).toEqual([]);
    },
    15 * 60_000,
  );
});
