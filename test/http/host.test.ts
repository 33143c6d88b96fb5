/**
 * The local host's wire protocol, over real HTTP: the reply shape and every error code
 * (400, 401, 403, 404, 409, 413, 500), the dev login, and the static H5 files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { Store } from '../../cloudfunctions/core/store/port';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { startTestHost, type TestHost } from '../helpers/host';
import { tempDir } from '../helpers/temp';

let t: TestHost;
const ADMIN = demoUserId('c-baisha', 'admin');
const VILLAGER = demoUserId('c-baisha', 'villager');

beforeAll(async () => {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>便民服务</title>');
  fs.mkdirSync(path.join(staticDir, 'js'));
  fs.writeFileSync(path.join(staticDir, 'js', 'app.js'), 'console.log(1)');
  t = await startTestHost({ staticDir });
});
afterAll(async () => {
  await t.close();
});

const expectError = (r: { status: number; body: Record<string, unknown> }, status: number, code: string) => {
  expect(r.status).toBe(status);
  expect(r.body.ok).toBe(false);
  const error = r.body.error as { code: string; message: string };
  expect(error.code).toBe(code);
  expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+/); // never a stack trace
  return error;
};

describe('success', () => {
  test('200 {ok:true,data} for a public action, no token needed', async () => {
    const r = await t.call('catalog', { action: 'search', input: { centerId: 'c-baisha', q: '残疾人证' }, requestId: 'r-1' });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect((r.body.data as { items: Array<{ name: string }> }).items[0]?.name).toContain('残疾人证');
  });

  test('dev login returns a token and the user; GET /dev/users lists the demo users with roles', async () => {
    const users = (await (await fetch(`${t.host.url}/dev/users`)).json()) as { users: Array<{ id: string; role: string }> };
    expect(new Set(users.users.map((u) => u.role))).toEqual(new Set(['villager', 'agent', 'staff', 'office', 'leader', 'admin', 'pad']));
    expect(JSON.stringify(users)).not.toMatch(/openId|inviteCode/);
    const res = await fetch(`${t.host.url}/dev/login`, { method: 'POST', body: JSON.stringify({ userId: VILLAGER }) });
    const body = (await res.json()) as { token: string; user: { id: string; role: string } };
    expect(res.status).toBe(200);
    expect(body.user).toMatchObject({ id: VILLAGER, role: 'villager' });
    const me = await t.call('account', { action: 'me', input: {} }, body.token);
    expect(me.body).toMatchObject({ ok: true, data: { user: { id: VILLAGER } } });
  });

  test('serves the H5 app, falling back to index.html', async () => {
    const js = await fetch(`${t.host.url}/js/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    const deep = await fetch(`${t.host.url}/pages/guide/index`);
    expect(await deep.text()).toContain('便民服务');
    const escape = await fetch(`${t.host.url}/..%2f..%2fetc/passwd`);
    expect(await escape.text()).not.toContain('root:');
  });
});

describe('error codes', () => {
  test('400 VALIDATION names the fields', async () => {
    const r = await t.call('catalog', { action: 'search', input: { centerId: 'c-baisha', q: '' } });
    const e = expectError(r, 400, 'VALIDATION') as { details?: Array<{ field: string }> };
    expect(e.details?.map((d) => d.field)).toContain('q');
  });

  test('400 for unknown input fields and for a missing action', async () => {
    expectError(await t.call('catalog', { action: 'search', input: { centerId: 'c-baisha', q: '低保', extra: 1 } }), 400, 'VALIDATION');
    expectError(await t.call('catalog', { input: {} }), 400, 'VALIDATION');
  });

  test('400 for malformed JSON, and the host keeps serving', async () => {
    expectError(await t.call('catalog', '{"action": "search", '), 400, 'VALIDATION');
    expectError(await t.call('catalog', '[1,2'), 400, 'VALIDATION');
    const after = await t.call('catalog', { action: 'listCenters', input: {} });
    expect(after.status).toBe(200);
  });

  test('401 for a forged token, an expired token, and no token where a user is needed', async () => {
    const token = await t.login(ADMIN);
    const [payload, sig] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ sub: ADMIN, exp: Date.now() + 1e9 })).toString('base64url')}.${sig}`;
    expectError(await t.call('account', { action: 'me', input: {} }, forged), 401, 'UNAUTHENTICATED');
    expectError(await t.call('account', { action: 'me', input: {} }, `${payload}.AAAA`), 401, 'UNAUTHENTICATED');
    expectError(await t.call('account', { action: 'me', input: {} }), 401, 'UNAUTHENTICATED');
    t.clock.advance(13 * 3600 * 1000);
    try {
      expectError(await t.call('account', { action: 'me', input: {} }, token), 401, 'UNAUTHENTICATED');
    } finally {
      t.clock.advance(-13 * 3600 * 1000);
    }
  });

  test('403 FORBIDDEN when the role may not call the action', async () => {
    const token = await t.login(VILLAGER);
    expectError(await t.call('account', { action: 'issueInvite', input: { userId: ADMIN } }, token), 403, 'FORBIDDEN');
  });

  test('404 for an unknown function, action, record or demo user', async () => {
    expectError(await t.call('nosuchfn', { action: 'x', input: {} }), 404, 'NOT_FOUND');
    expectError(await t.call('catalog', { action: 'nosuchaction', input: {} }), 404, 'NOT_FOUND');
    expectError(await t.call('catalog', { action: 'toString', input: {} }), 404, 'NOT_FOUND');
    expectError(await t.call('catalog', { action: 'getItem', input: { itemId: 'item-none' } }), 404, 'NOT_FOUND');
    const res = await fetch(`${t.host.url}/dev/login`, { method: 'POST', body: JSON.stringify({ userId: 'u-nobody' }) });
    expect(res.status).toBe(404);
  });

  test('409 CONFLICT for an edit based on a stale version', async () => {
    const token = await t.login(ADMIN);
    const item = (await t.store.get('items', 'item-baisha-rs-001'))!;
    const { id, centerId: _c, version, updatedAt: _u, updatedBy: _b, ...draft } = item;
    const first = await t.call('catalog', { action: 'saveItem', input: { id, expectedVersion: version, draft } }, token);
    expect(first.status).toBe(200);
    expectError(await t.call('catalog', { action: 'saveItem', input: { id, expectedVersion: version, draft } }, token), 409, 'CONFLICT');
  });

  test('413 for a body over 256 KB', async () => {
    const big = JSON.stringify({ action: 'search', input: { centerId: 'c-baisha', q: 'x'.repeat(300 * 1024) } });
    expectError(await t.call('catalog', big), 413, 'PAYLOAD_TOO_LARGE');
  });

  test('500 INTERNAL without a stack trace when something unexpected fails', async () => {
    const broken = new SqliteStore({ dataDir: tempDir() });
    await broken.close(); // every query now throws a raw driver error
    const b = await startTestHost({ store: broken as Store });
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const r = await b.call('catalog', { action: 'listCenters', input: {} });
      const e = expectError(r, 500, 'INTERNAL');
      expect(e.message).not.toMatch(/database|sqlite|Error/i);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      await b.close();
    }
  });

  test('unknown /dev routes and non-POST calls are 404', async () => {
    expect((await fetch(`${t.host.url}/dev/nothing`)).status).toBe(404);
    expect((await fetch(`${t.host.url}/fn/catalog`)).status).toBe(404);
  });
});
