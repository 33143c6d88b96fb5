/** The Markdown reference reader on fixed input: what it counts as a link, a path, an id. */
import { expandRequirementIds, markdownReferences, requirementDefinitions } from './doc-refs';

const TOP = ['shared', 'docs', 'client', 'README.md'];

describe('markdownReferences', () => {
  test('relative links from the file folder, backticked paths from the root', () => {
    const text = [
      'See [the rules](requirements.md#r-cat) and [home](../README.md).',
      'Rules live in `shared/domain/cases.ts`; the page is `client/src/staff/visits`.',
      'Once it said `../shared/DOMAIN.md`.',
    ].join('\n');
    expect(markdownReferences('README.md', '[out](../shared/DOMAIN.md)', TOP)).toEqual([
      { line: 1, kind: 'link', target: '../shared/DOMAIN.md', resolved: '../shared/DOMAIN.md' },
    ]);
    expect(markdownReferences('docs/guide.md', text, TOP)).toEqual([
      { line: 1, kind: 'link', target: 'requirements.md#r-cat', resolved: 'docs/requirements.md' },
      { line: 1, kind: 'link', target: '../README.md', resolved: 'README.md' },
      { line: 2, kind: 'path', target: 'shared/domain/cases.ts', resolved: 'shared/domain/cases.ts' },
      { line: 2, kind: 'path', target: 'client/src/staff/visits', resolved: 'client/src/staff/visits' },
      { line: 3, kind: 'path', target: '../shared/DOMAIN.md', resolved: 'shared/DOMAIN.md' },
    ]);
  });

  test('leaves out URLs, anchors, site paths, placeholders, code that is not a path and fenced blocks', () => {
    const text = [
      '[site](https://example.com/a.md) [mail](mailto:a@b.c) [top](#top) [fn](/fn/booking)',
      '`POST /fn/<name>` `cloudfunctions/<name>/index.ts` `api.catalog.search({...})` `npm run bench` `DATA_DIR/secret` `R-CAT-1`',
      '```',
      'shared/contracts (zod) `shared/nowhere.ts`',
      '```',
      '`docs/x.md`',
    ].join('\n');
    expect(markdownReferences('README.md', text, TOP)).toEqual([{ line: 6, kind: 'path', target: 'docs/x.md', resolved: 'docs/x.md' }]);
  });
});

describe('requirement ids', () => {
  test('single ids and ranges', () => {
    expect([...expandRequirementIds('R-BOOK-1..3, R-CASE-6 and R-… (R-UX-2)')].sort()).toEqual(['R-BOOK-1', 'R-BOOK-2', 'R-BOOK-3', 'R-CASE-6', 'R-UX-2']);
  });

  test('definitions are list items starting with the bold id, counted', () => {
    const page = ['- **R-CAT-1** Items are complete.', '  - **R-CAT-2** One look.', 'R-CAT-3 is cited, not defined.', '- **R-CAT-1** again'].join('\n');
    expect(requirementDefinitions(page)).toEqual(new Map([['R-CAT-1', 2], ['R-CAT-2', 1]]));
  });
});
