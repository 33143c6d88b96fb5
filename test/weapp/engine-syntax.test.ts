/**
 * Code that runs inside the mini-program (client/src and the shared/ it imports) avoids regular
 * expression lookbehind: older iOS WeChat engines (JavaScriptCore before iOS 16.4) reject the whole
 * module when it loads, so one such pattern blanks every page that imports the file.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

test('no regular expression lookbehind in client/src or shared/', () => {
  const found: string[] = [];
  for (const file of [...sources(path.join(ROOT, 'client', 'src')), ...sources(path.join(ROOT, 'shared'))]) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/\(\?<[!=]/.test(line)) found.push(`${path.relative(ROOT, file)}:${i + 1}`);
      });
  }
  expect(found).toEqual([]);
});
