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
const WX_SERVER_SDK = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['wx-server-sdk'] ?? 'latest';
export const FUNCTIONS_OUT = path.join(ROOT, 'build', 'functions');

/** Functions run by a timer trigger rather than called by the app. */
export const TIMER_FUNCTIONS = ['sweep', 'dispatch'] as const;
export const ALL_FUNCTIONS: readonly string[] = [...FUNCTION_NAMES, ...TIMER_FUNCTIONS];

/** Functions that send WeChat subscribe messages need the openapi permission. */
const OPENAPI = new Set(['dispatch', 'inbox']);

export async function buildFunctions(): Promise<string[]> {
  fs.rmSync(FUNCTIONS_OUT, { recursive: true, force: true });
  for (const name of ALL_FUNCTIONS) {
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
      // The local SQLite driver stays outside (a deployed function never loads it), and so does
      // wx-server-sdk, which CloudBase installs from the folder's package.json.
      external: ['better-sqlite3', 'wx-server-sdk'],
      logLevel: 'warning',
    });
    const dependencies = OPENAPI.has(name) ? { 'wx-server-sdk': WX_SERVER_SDK } : {};
    fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2)}\n`);
    if (OPENAPI.has(name)) {
      fs.writeFileSync(path.join(out, 'config.json'), `${JSON.stringify({ permissions: { openapi: ['subscribeMessage.send'] } }, null, 2)}\n`);
    }
  }
  return ALL_FUNCTIONS.map((n) => path.join(FUNCTIONS_OUT, n));
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
