/**
 * The mini-program as WeChat DevTools opens it (issue 7): `npm run build:weapp`, then
 * `client/dist/weapp/app.json` read as WeChat reads it — every page of the main package and of
 * each subpackage has its .js, .json and .wxml (and the .wxss Taro emits is not empty-named), the
 * templates a page imports exist, the main package stays within 600 KB (WeChat allows 2 MB; the
 * project's target leaves room), and project.config.json points at the built roots.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { withFileLock } from '../helpers/file-lock';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'client', 'dist', 'weapp');
const LOCK = path.join(ROOT, 'client', 'dist', '.weapp-build.lock');
const MAIN_PACKAGE_LIMIT = 600_000; // bytes: 600 KB, counted strictly
const BUILD_TIMEOUT = 300_000;

/** One weapp build at a time (the bench builds into the same folder). */
async function buildWeappLocked(): Promise<void> {
  await withFileLock(LOCK, BUILD_TIMEOUT, () => {
    // A production build, as the bench and an upload make it (under jest NODE_ENV is 'test').
    const r = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`npm run build:weapp failed:\n${r.stdout}\n${r.stderr}`);
  });
}

function dirBytes(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  return fs.readdirSync(p).reduce((sum, n) => sum + dirBytes(path.join(p, n)), 0);
}

interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
}

let app: AppJson;

beforeAll(async () => {
  await buildWeappLocked();
  app = JSON.parse(fs.readFileSync(path.join(OUT, 'app.json'), 'utf8')) as AppJson;
}, BUILD_TIMEOUT);

describe('the built mini-program (client/dist/weapp)', () => {
  const allPages = (): string[] => [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];

  it('has the app files and lists the pages of issue 7 (account subpackage, admin invites)', () => {
    for (const f of ['app.js', 'app.json', 'app.wxss']) expect(fs.existsSync(path.join(OUT, f))).toBe(true);
    expect(app.pages[0]).toBe('pages/index/index');
    expect(allPages()).toEqual(expect.arrayContaining(['pages/centers/index', 'pages/me/index', 'account/profile/index', 'account/my-data/index', 'account/setup/index', 'admin/invites/index']));
  });

  it('every page of the main package and of each subpackage has its .js, .json and .wxml', () => {
    const missing: string[] = [];
    for (const page of allPages()) {
      for (const ext of ['.js', '.json', '.wxml']) {
        if (!fs.existsSync(path.join(OUT, page + ext))) missing.push(page + ext);
      }
    }
    expect(missing).toEqual([]);
  });

  it("views carry the aria-* attributes WeChat's 读屏 reads (issue 11: client/config/weapp-aria.js)", () => {
    // Taro's template writes only the attributes it knows: without the plugin, Tap's role, name and state vanish.
    const base = fs.readFileSync(path.join(OUT, 'base.wxml'), 'utf8');
    // The full view templates: Taro renders a view with any attribute besides class/style/id/data-*
    // (so every Tap) through them; the stripped static/pure/click ones carry no attribute at all.
    const views = [...base.matchAll(/<view [^>]*hover-class[^>]*>/g)].map((m) => m[0]);
    expect(views.length).toBeGreaterThan(0);
    for (const v of views) for (const a of ['aria-role', 'aria-label', 'aria-checked', 'aria-selected', 'aria-disabled']) expect(v).toContain(`${a}="{{`);
  });

  it("the templates and styles a page refers to exist (Taro's .wxss where emitted, the imported base.wxml)", () => {
    const broken: string[] = [];
    for (const page of allPages()) {
      const dir = path.dirname(path.join(OUT, page));
      const wxml = fs.readFileSync(path.join(OUT, `${page}.wxml`), 'utf8');
      for (const m of wxml.matchAll(/<(?:import|include)\s+src="([^"]+)"/g)) {
        const target = path.resolve(dir, m[1]!);
        if (!fs.existsSync(target)) broken.push(`${page}.wxml → ${m[1]}`);
      }
      const wxss = path.join(OUT, `${page}.wxss`);
      if (fs.existsSync(wxss)) {
        for (const m of fs.readFileSync(wxss, 'utf8').matchAll(/@import\s+"([^"]+)"/g)) {
          if (!fs.existsSync(path.resolve(dir, m[1]!))) broken.push(`${page}.wxss → ${m[1]}`);
        }
      }
      const json = JSON.parse(fs.readFileSync(path.join(OUT, `${page}.json`), 'utf8')) as { usingComponents?: Record<string, string> };
      for (const [name, ref] of Object.entries(json.usingComponents ?? {})) {
        const target = ref.startsWith('/') ? path.join(OUT, ref) : path.resolve(dir, ref);
        if (!fs.existsSync(`${target}.js`)) broken.push(`${page}.json → ${name}: ${ref}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps the main package within 600 KB (the subpackages carry the rest)', () => {
    const total = dirBytes(OUT);
    const sub = (app.subPackages ?? []).reduce((s, p) => s + dirBytes(path.join(OUT, p.root)), 0);
    expect(total - sub).toBeLessThanOrEqual(MAIN_PACKAGE_LIMIT);
  });

  it('project.config.json opens the built app and the built functions', () => {
    const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { miniprogramRoot: string; cloudfunctionRoot: string; compileType: string };
    expect(project).toMatchObject({ miniprogramRoot: 'client/dist/weapp/', cloudfunctionRoot: 'build/functions/', compileType: 'miniprogram' });
    expect(path.resolve(ROOT, project.miniprogramRoot)).toBe(OUT);
  });
});
