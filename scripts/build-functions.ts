/**
 * Bundles each cloud function (cloudfunctions/<name>/index.ts) with esbuild into a
 * self-contained folder build/functions/<name>/ (index.js, package.json), the functionRoot of
 * cloudbaserc.json and the cloudfunctionRoot of project.config.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { ALL_FUNCTIONS, PUSH_FUNCTIONS } from '../cloudfunctions/core/runtime/deploy-manifest';

export const ROOT = path.resolve(__dirname, '..');
const WX_SERVER_SDK = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies['wx-server-sdk'] ?? 'latest';
export const FUNCTIONS_OUT = path.join(ROOT, 'build', 'functions');

export { ALL_FUNCTIONS };

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
      // wx-server-sdk, which only the push functions declare (CloudBase installs it from their
      // package.json; installDependency in cloudbaserc.json) and load on the first message sent.
      external: ['better-sqlite3', 'wx-server-sdk'],
      logLevel: 'warning',
    });
    const dependencies = PUSH_FUNCTIONS.has(name) ? { 'wx-server-sdk': WX_SERVER_SDK } : {};
    fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2)}\n`);
    if (PUSH_FUNCTIONS.has(name)) {
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
