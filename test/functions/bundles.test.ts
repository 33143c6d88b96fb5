/**
 * Each built cloud function bundle runs standalone: loaded from its folder and called as
 * CloudBase calls it, main(event, context). With STORE_DRIVER=sqlite it uses a seeded SQLite
 * file, so the whole path (event → dispatcher → use case → store → reply) is exercised.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FUNCTION_NAMES } from '../../shared/contracts';
import { ALL_FUNCTIONS, buildFunctions, FUNCTIONS_OUT } from '../../scripts/build-functions';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { seededStore } from '../helpers/temp';

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;

const saved = { ...process.env };
const mains = new Map<string, Main>();

beforeAll(async () => {
  await buildFunctions();
  const { dir, store } = await seededStore();
  // Bind a WeChat OPENID to the demo admin, as account.bindInvite would.
  await store.update('users', demoUserId('c-baisha', 'admin'), { set: { openId: 'oADMIN' } });
  await store.close();
  process.env.STORE_DRIVER = 'sqlite';
  process.env.DATA_DIR = dir;
  for (const name of FUNCTION_NAMES) {
    const file = path.join(FUNCTIONS_OUT, name, 'index.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mains.set(name, (require(file) as { main: Main }).main);
  }
}, 120_000);

afterAll(() => {
  process.env = saved;
});

test('every registry and timer function has a deployable folder', () => {
  for (const name of ALL_FUNCTIONS) {
    const dir = path.join(FUNCTIONS_OUT, name);
    expect(fs.existsSync(path.join(dir, 'index.js'))).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))).toMatchObject({ main: 'index.js' });
  }
});

test('catalog bundle answers a search from the store', async () => {
  const r = await mains.get('catalog')!({ action: 'search', input: { centerId: 'c-baisha', q: '养老' } }, {});
  expect(r.ok).toBe(true);
  expect((r.data as { items: Array<{ code: string }> }).items.map((i) => i.code)).toContain('RS-001');
});

test('account bundle resolves the caller from the WeChat context', async () => {
  const anon = await mains.get('account')!({ action: 'me', input: {} }, {});
  expect(anon).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  const me = await mains.get('account')!({ action: 'me', input: {}, userInfo: { openId: 'oADMIN', appId: 'wx' } }, {});
  expect(me).toMatchObject({ ok: true, data: { user: { role: 'admin' } } });
});

test('bundles refuse bad events with coded replies', async () => {
  const main = mains.get('catalog')!;
  expect(await main({ action: 'nope' }, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await main({}, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(await main({ action: 'search', input: { centerId: 'c-baisha' } }, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
});

test('cloudbaserc.json deploys every registry function from the bundle folder, on Shanghai time', () => {
  const rc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cloudbaserc.json'), 'utf8')) as {
    functionRoot: string;
    functions: Array<{ name: string; handler: string; runtime: string; timeout: number; envVariables: Record<string, string> }>;
  };
  expect(path.resolve(__dirname, '..', '..', rc.functionRoot)).toBe(FUNCTIONS_OUT);
  expect(rc.functions.map((f) => f.name).sort()).toEqual([...ALL_FUNCTIONS].sort());
  for (const f of rc.functions) {
    expect(f).toMatchObject({ handler: 'index.main', runtime: expect.stringMatching(/^Nodejs/), envVariables: { TZ: 'Asia/Shanghai' } });
    expect(f.timeout).toBeGreaterThan(0);
  }
  const pc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'project.config.json'), 'utf8')) as Record<string, string>;
  expect(path.resolve(__dirname, '..', '..', pc.cloudfunctionRoot ?? '')).toBe(FUNCTIONS_OUT);
  expect(pc.miniprogramRoot).toBe('client/dist/weapp/');
});

test('timer bundles run the sweep and the dispatcher', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sweep = (require(path.join(FUNCTIONS_OUT, 'sweep', 'index.js')) as { main: Main }).main;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dispatch = (require(path.join(FUNCTIONS_OUT, 'dispatch', 'index.js')) as { main: Main }).main;
  expect(await sweep({ Type: 'Timer', TriggerName: 'daily-8-30' }, {})).toMatchObject({ ok: true, data: { due: expect.any(Number) } });
  expect(await dispatch({ Type: 'Timer', TriggerName: 'every-minute' }, {})).toMatchObject({ ok: true, data: { sent: 0 } });
  const rc = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; triggers?: Array<{ type: string; config: string }> }> };
  for (const name of ['sweep', 'dispatch']) {
    const f = rc.functions.find((x) => x.name === name);
    expect(f?.triggers?.[0]).toMatchObject({ type: 'timer' });
    expect(f?.triggers?.[0]?.config.split(' ')).toHaveLength(7);
  }
  expect(JSON.parse(fs.readFileSync(path.join(FUNCTIONS_OUT, 'dispatch', 'config.json'), 'utf8'))).toEqual({ permissions: { openapi: ['subscribeMessage.send'] } });
});
