/**
 * The project carries its own documentation (issue 8 finding 10): every relative link and every
 * backticked repository path in README.md and docs/*.md names a file that exists in the
 * repository, nothing points outside it (no `../shared`), and every requirement id (R-…) that
 * the code, the tests or the README cite is defined in docs/requirements.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expandRequirementIds, markdownReferences, requirementDefinitions, type DocReference } from './doc-refs';

const ROOT = path.resolve(__dirname, '..', '..');

const docFiles = (): string[] => [
  'README.md',
  ...(fs.existsSync(path.join(ROOT, 'docs')) ? fs.readdirSync(path.join(ROOT, 'docs')) : [])
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Text files below a folder, without installed or built artefacts. */
function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return ['node_modules', 'dist', '.temp', '.swc'].includes(e.name) ? [] : sourceFiles(rel);
    return /\.(ts|tsx|js|scss|md|json)$/.test(e.name) ? [rel] : [];
  });
}

/** The generated folders listed in .gitignore: a doc may name them, they are not in a clone. */
const ignoredPrefixes = fs
  .readFileSync(path.join(ROOT, '.gitignore'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.endsWith('/') && !l.startsWith('#'));

/** A reference that names no file of the repository, or points outside it; null when fine. */
function problemOf(ref: DocReference): string | null {
  const target = path.resolve(ROOT, ref.resolved);
  const rel = path.relative(ROOT, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return 'points outside the repository';
  if (ignoredPrefixes.some((p) => `${rel}/`.startsWith(p))) return null; // a build artefact, named on purpose
  return fs.existsSync(target) ? null : 'no such file in the repository';
}

describe('README.md and docs/*.md resolve inside the repository', () => {
  test('the docs folder has the requirements page', () => {
    expect(docFiles()).toContain('docs/requirements.md');
  });

  test.each(docFiles())('%s: no reference to ../shared', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const lines = text.split('\n').flatMap((l, i) => (l.includes('../shared') ? [`${file}:${i + 1}: ${l.trim()}`] : []));
    expect(lines).toEqual([]);
  });

  test.each(docFiles())('%s: every relative link and backticked path names an existing file', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const topLevel = fs.readdirSync(ROOT).filter((n) => n !== 'node_modules');
    const refs = markdownReferences(file, text, topLevel);
    const problems = refs.flatMap((r) => {
      const p = problemOf(r);
      return p ? [`${file}:${r.line}: ${r.kind} ${r.target} — ${p}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('requirement ids', () => {
  const definedIds = () => {
    const page = path.join(ROOT, 'docs', 'requirements.md');
    return requirementDefinitions(fs.existsSync(page) ? fs.readFileSync(page, 'utf8') : '');
  };

  test('docs/requirements.md defines every requirement of the center, once', () => {
    const expected = expandRequirementIds(
      'R-CAT-1..5 R-BOOK-1..5 R-CASE-1..7 R-CMP-1..7 R-PET-1..3 R-RATE-1..3 R-DUTY-1..2 R-UX-1..2 R-HALL-1..2 R-STAFF-1..3',
    );
    const defined = definedIds();
    expect([...defined.keys()].sort()).toEqual([...expected].sort());
    for (const [id, count] of defined) expect(`${id} ×${count}`).toBe(`${id} ×1`);
  });

  test('every id cited in shared/, cloudfunctions/, client/src, test/ and the README is defined there', () => {
    const defined = definedIds();
    const files = [...sourceFiles('shared'), ...sourceFiles('cloudfunctions'), ...sourceFiles('client/src'), ...sourceFiles('test'), 'README.md'];
    const missing = files.flatMap((f) =>
      [...expandRequirementIds(fs.readFileSync(path.join(ROOT, f), 'utf8'))].filter((id) => !defined.has(id)).map((id) => `${f}: ${id}`),
    );
    expect(files.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
