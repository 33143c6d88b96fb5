/**
 * npm 11 warns about every dependency install script not covered by `allowScripts` (issue 8
 * finding 12): each package the lock marks `hasInstallScript` has an explicit decision in
 * package.json (approved or denied), and the README's toolchain notes say why.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));

const withInstallScripts = (): string[] => {
  const lock = read('package-lock.json') as { packages: Record<string, { hasInstallScript?: boolean }> };
  const names = Object.entries(lock.packages)
    .filter(([key, p]) => key !== '' && p.hasInstallScript === true)
    .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
  return [...new Set(names)].sort();
};

test('every dependency with an install script is approved or denied in package.json', () => {
  const pkg = read('package.json') as { allowScripts?: Record<string, boolean> };
  const names = withInstallScripts();
  expect(names.length).toBeGreaterThan(0);
  const decided = new Set(Object.keys(pkg.allowScripts ?? {}).map((k) => k.replace(/(.)@[^/]*$/, '$1')));
  expect(names.filter((n) => !decided.has(n))).toEqual([]);
  expect(Object.values(pkg.allowScripts ?? {}).every((v) => typeof v === 'boolean')).toBe(true);
});

test("the README's toolchain notes name each of them", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const notes = readme.slice(readme.indexOf('## Toolchain notes'));
  expect(withInstallScripts().filter((n) => !notes.includes(`\`${n}\``))).toEqual([]);
});
