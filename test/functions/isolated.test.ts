/**
 * Each built cloud function runs from its own folder, as CloudBase runs it (issue 7): every
 * folder is copied ALONE to an empty directory outside the repository, gets exactly what its
 * package.json declares (npm install there), and is called in a separate Node process with the
 * event and context CloudBase gives — the WeChat identity in `context.environment`, a timer's
 * event for the timers. Nothing of the repository's node_modules is reachable, except the SQLite
 * driver that stands in for the database (NODE_PATH to a folder holding only it).
 *
 * Also proven here, in the deployed shape: identity comes from the context, never the event
 * (event.userInfo is the caller's own text); timer functions refuse any call that is not their
 * timer; a broken template configuration turns push off without breaking a function; an
 * unreachable database answers INTERNAL without an unhandled rejection ending the process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { ALL_FUNCTIONS, PUSH_FUNCTIONS, TIMERS } from '../../cloudfunctions/core/runtime/deploy-manifest';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { buildFunctions, FUNCTIONS_OUT } from '../../scripts/build-functions';
import { seededStore } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..');
const SETUP_CODE = 'setup-code-for-the-isolated-test';
const ADMIN_OPENID = 'oADMIN-baisha';

interface Call {
  event: unknown;
  context?: unknown;
}
interface Outcome {
  status: number | null;
  replies: Array<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>;
  stderr: string;
}

let work = '';
let dataDir = '';
let sqliteOnly = '';

/** CloudBase's context for a call from the mini-program by `openId` (new runtimes: environment JSON). */
const wechat = (openId: string) => ({
  request_id: `req-${openId}`,
  function_name: 'fn',
  namespace: 'env-test',
  memory_limit_in_mb: 256,
  time_limit_in_ms: 10000,
  environment: JSON.stringify({
    WX_OPENID: openId,
    WX_APPID: 'wx0123456789abcdef',
    WX_UNIONID: '',
    WX_CLIENTIP: '10.0.0.1',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP',
  }),
});
/** The event CloudBase builds for that call: the client's data plus userInfo. */
const wxEvent = (openId: string, data: Record<string, unknown>) => ({ ...data, userInfo: { appId: 'wx0123456789abcdef', openId } });
const timerEvent = (trigger: string) => ({ Type: 'Timer', TriggerName: trigger, Time: '2026-11-30T00:30:00Z', Message: '' });

const RUNNER = `
const { main } = require(process.argv[2]);
const calls = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
(async () => {
  const replies = [];
  for (const c of calls) replies.push(await main(c.event, c.context));
  require('fs').writeFileSync(process.argv[4], JSON.stringify(replies));
  // Give a stray rejection the time to surface before the process ends.
  await new Promise((r) => setTimeout(r, 300));
})();
`;

/** Runs `calls` one after another in one fresh process, as one warm container would. */
function run(fn: string, calls: Call[], env: Record<string, string> = {}): Outcome {
  const callsFile = path.join(work, `${fn}-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(callsFile, JSON.stringify(calls));
  const repliesFile = `${callsFile}.replies`;
  const r = spawnSync(process.execPath, [path.join(work, 'runner.js'), path.join(work, fn, 'index.js'), callsFile, repliesFile], {
    cwd: path.join(work, fn),
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: os.tmpdir(),
      TZ: 'Asia/Shanghai',
      // What a deployed function's environment says about itself.
      TENCENTCLOUD_RUNENV: 'SCF',
      TENCENTCLOUD_REGION: 'ap-shanghai',
      SCF_NAMESPACE: 'env-test',
      TCB_ENV: 'env-test',
      STORE_DRIVER: 'sqlite',
      DATA_DIR: dataDir,
      NODE_PATH: sqliteOnly,
      ...env,
    },
  });
  let replies: Outcome['replies'] = [];
  try {
    replies = JSON.parse(fs.readFileSync(repliesFile, 'utf8')) as Outcome['replies'];
  } catch {
    replies = [];
  }
  return { status: r.status, replies, stderr: `${r.stderr}${r.stdout}` };
}

beforeAll(async () => {
  await buildFunctions();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-isolated-'));
  expect(path.relative(ROOT, work).startsWith('..')).toBe(true);
  fs.writeFileSync(path.join(work, 'runner.js'), RUNNER);
  for (const name of ALL_FUNCTIONS) {
    const dest = path.join(work, name);
    fs.cpSync(path.join(FUNCTIONS_OUT, name), dest, { recursive: true });
    const pkg = JSON.parse(fs.readFileSync(path.join(dest, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    if (Object.keys(pkg.dependencies ?? {}).length > 0) {
      // Exactly what the folder declares, as CloudBase's installDependency does.
      execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error'], { cwd: dest, stdio: 'pipe', timeout: 240_000 });
    }
  }
  // The SQLite driver alone stands in for the database; nothing else of the repository.
  sqliteOnly = path.join(work, '_sqlite', 'node_modules');
  fs.mkdirSync(sqliteOnly, { recursive: true });
  for (const m of ['better-sqlite3', 'bindings', 'file-uri-to-path']) fs.symlinkSync(path.join(ROOT, 'node_modules', m), path.join(sqliteOnly, m));

  const seeded = await seededStore(new ManualClock('2026-11-30T02:00:00Z'));
  await seeded.store.update('users', demoUserId('c-baisha', 'admin'), { set: { openId: ADMIN_OPENID } });
  await seeded.store.close();
  dataDir = seeded.dir;
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('only the push functions declare wx-server-sdk, and only their bundles require it; nothing else needs installing', () => {
  for (const name of ALL_FUNCTIONS) {
    const pkg = JSON.parse(fs.readFileSync(path.join(FUNCTIONS_OUT, name, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const push = PUSH_FUNCTIONS.has(name);
    expect({ name, deps: Object.keys(pkg.dependencies) }).toEqual({ name, deps: push ? ['wx-server-sdk'] : [] });
    const bundle = fs.readFileSync(path.join(FUNCTIONS_OUT, name, 'index.js'), 'utf8');
    expect({ name, requires: bundle.includes('require("wx-server-sdk")') }).toEqual({ name, requires: push });
  }
});

test.each([
  ['catalog', 'oNEW-1', { action: 'search', input: { centerId: 'c-baisha', q: '低保' } }],
  ['center', ADMIN_OPENID, { action: 'windows', input: {} }],
] as const)('%s answers from its own folder', (fn, openId, event) => {
  const out = run(fn, [{ event: wxEvent(openId, event), context: wechat(openId) }]);
  expect(out.stderr).not.toMatch(/Cannot find module|unhandled/i);
  expect(out.status).toBe(0);
  expect(out.replies[0]).toMatchObject({ ok: true });
});

test('account: a new WeChat user is signed in by the context, gets a villager record, and cannot claim another identity', () => {
  const out = run('account', [
    // No identity at all (a call from outside WeChat).
    { event: { action: 'me', input: {} }, context: {} },
    // The event names the admin's OPENID, the context a stranger's: the context wins.
    { event: { action: 'me', input: {}, userInfo: { openId: ADMIN_OPENID } }, context: wechat('oSTRANGER') },
    // First contact with the center chosen from its printed code.
    { event: wxEvent('oNEW-2', { action: 'me', input: { scene: 'c=c-baisha' } }), context: wechat('oNEW-2') },
    { event: wxEvent('oNEW-2', { action: 'me', input: {} }), context: wechat('oNEW-2') },
    { event: wxEvent(ADMIN_OPENID, { action: 'me', input: {} }), context: wechat(ADMIN_OPENID) },
  ]);
  expect(out.status).toBe(0);
  const [anon, spoof, first, again, admin] = out.replies;
  expect(anon).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(spoof).toMatchObject({ ok: true, data: { user: null, created: false } });
  expect(first).toMatchObject({ ok: true, data: { created: true, user: { role: 'villager', centerId: 'c-baisha' } } });
  expect(again).toMatchObject({ ok: true, data: { created: false, user: { id: (first?.data as { user: { id: string } }).user.id } } });
  expect(admin).toMatchObject({ ok: true, data: { user: { role: 'admin' } } });
});

test('booking, residents, cases and inbox serve a signed-in WeChat villager from their folders', () => {
  const villager = 'oVILLAGER-3';
  run('account', [{ event: wxEvent(villager, { action: 'me', input: { centerId: 'c-baisha' } }), context: wechat(villager) }]);
  const calls: Array<[string, Record<string, unknown>]> = [
    ['booking', { action: 'mine', input: {} }],
    ['residents', { action: 'mine', input: {} }],
    ['cases', { action: 'myMatters', input: {} }],
    ['inbox', { action: 'list', input: {} }],
  ];
  for (const [fn, data] of calls) {
    const out = run(fn, [{ event: wxEvent(villager, data), context: wechat(villager) }]);
    expect(out.stderr).not.toMatch(/Cannot find module|unhandled/i);
    expect({ fn, reply: out.replies[0] }).toMatchObject({ fn, reply: { ok: true } });
  }
});

test('an unusable template configuration turns push off with one clear log line; the function keeps working', () => {
  const out = run(
    'inbox',
    [
      { event: wxEvent(ADMIN_OPENID, { action: 'pushStatus', input: {} }), context: wechat(ADMIN_OPENID) },
      { event: wxEvent(ADMIN_OPENID, { action: 'list', input: {} }), context: wechat(ADMIN_OPENID) },
    ],
    { WX_SUBSCRIBE_TEMPLATES: '{"case": {"id": "T1", "fields": {"title": "thing1"' },
  );
  expect(out.status).toBe(0);
  expect(out.replies[0]).toMatchObject({ ok: true, data: { on: false, problem: expect.stringContaining('WX_SUBSCRIBE_TEMPLATES') } });
  expect(out.replies[1]).toMatchObject({ ok: true });
  expect(out.stderr.match(/\[push\]/g)).toHaveLength(1);
});

test.each(Object.entries(TIMERS))('timer %s runs on its trigger and refuses every other caller', (job, timer) => {
  const out = run(job, [
    { event: timerEvent(timer.trigger), context: {} },
    // A client calling the function by name, even with a timer-shaped event: refused.
    { event: wxEvent('oSTRANGER', timerEvent(timer.trigger)), context: wechat('oSTRANGER') },
    { event: timerEvent('another-trigger'), context: {} },
    { event: { action: 'sweep', input: {} }, context: {} },
  ]);
  expect(out.status).toBe(0);
  expect(out.replies[0]).toMatchObject({ ok: true });
  for (const refused of out.replies.slice(1)) expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('setup creates the collections and lists the indexes, for the deploy code or an admin only', () => {
  const out = run(
    'setup',
    [
      { event: { setupCode: SETUP_CODE }, context: {} },
      { event: { setupCode: 'wrong-code-wrong-code' }, context: {} },
      { event: { setupCode: SETUP_CODE }, context: wechat('oSTRANGER') },
      { event: {}, context: wechat(ADMIN_OPENID) },
    ],
    { SETUP_CODE },
  );
  expect(out.status).toBe(0);
  const [byCode, wrong, stranger, admin] = out.replies;
  expect(byCode).toMatchObject({ ok: true, data: { indexes: expect.arrayContaining(['cases: nextReminderOn', 'users: openId']) } });
  expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(admin).toMatchObject({ ok: true });
  expect(out.stderr + '').not.toMatch(/unhandled/i);
});

test.each(['sweep', 'catalog', 'account'])('%s with the database unreachable answers INTERNAL and leaves no unhandled rejection', (fn) => {
  const event = fn === 'sweep' ? timerEvent(TIMERS.sweep.trigger) : { action: fn === 'catalog' ? 'listCenters' : 'me', input: {} };
  // The default driver inside CloudBase, without any credentials: every database call fails.
  const out = run(fn, [{ event, context: fn === 'sweep' ? {} : wechat('oX') }], { STORE_DRIVER: '', NODE_PATH: '' });
  expect(out.status).toBe(0);
  expect(out.replies[0]).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  expect(out.stderr).toMatch(/\[store\]/);
  expect(out.stderr).not.toMatch(/unhandled|UnhandledPromiseRejection/i);
});
