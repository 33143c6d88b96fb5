/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts) with esbuild into a
 * self-contained folder build/functions/<name>/ (index.js, package.json), the functionRoot of
 * cloudbaserc.json and the cloudfunctionRoot of project.config.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { FUNCTION_NAMES } from '../shared/contracts';

export const ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_OUT = path.join(ROOT, 'build', 'functions');

export async function buildFunctions(): Promise<string[]> {
  fs.rmSync(FUNCTIONS_OUT, { recursive: true, force: true });
  for (const name of FUNCTION_NAMES) {
    const entry = path.join(ROOT, 'cloudfunctions', name, 'index.ts');
    if (!fs.existsSync(entry)) throw new Error(`cloud function ${name} is in the registry but ${entry} is missing`);
    const out = path.join(FUNCTIONS_OUT, name);
    await build({
      entryPoints: [entry],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      // Only the local SQLite driver stays outside: a deployed function never loads it.
      external: ['better-sqlite3'],
      logLevel: 'warning',
    });
    fs.writeFileSync(
      path.join(out, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: {} }, null, 2)}\n`,
    );
  }
  return FUNCTION_NAMES.map((n) => path.join(FUNCTIONS_OUT, n));
}

if (require.main === module) {
  buildFunctions()
    .then((dirs) => {
      for (const d of dirs) {
        const size = fs.statSync(path.join(d, 'index.js')).size;
        console.log(`${path.relative(ROOT, d)}/index.js  ${(size / 1024).toFixed(0)} KB`);
      }
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
