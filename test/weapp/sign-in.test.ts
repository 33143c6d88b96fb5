/**
 * The mini-program's WeChat path (issue 7), run as the weapp build runs it: TARO_ENV=weapp and
 * `@tarojs/taro` replaced at the transport boundary (`cloud.callFunction`, see taro-stand-in.ts).
 * Launch → `account.me` with the launch's scene → the user is the session; a booking call carries
 * `{ action, input, requestId }` and no token; no user → the center chooser; an invite scene →
 * `account.bindInvite` → the home is the staff home; UNAUTHENTICATED clears the session; the
 * subscribe-message request goes out in the tap itself, with at most 3 templates.
 *
 * The client modules are loaded with `require` after `jest.resetModules()`, so each test has a
 * fresh storage and fresh mocks (and the root type-check does not compile the client).
 */
import type { PublicUser } from '../../shared/domain/org';
import type { Role } from '../../shared/domain/roles';
import type { TaroStandIn } from './taro-stand-in';

interface CallData {
  action: string;
  input: unknown;
  requestId: string;
}
type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
type Route = (input: Record<string, unknown>) => Reply;

type BootOutcome = { state: string; user?: PublicUser; bound?: boolean; message?: string | null };
interface Client {
  Taro: TaroStandIn;
  boot: {
    launchParams(q: Record<string, unknown> | undefined): { scene?: string; centerId?: string; inviteCode?: string };
    startBoot(o?: { query?: Record<string, unknown> }): Promise<BootOutcome>;
    boot(q?: Record<string, unknown>): Promise<BootOutcome>;
    signInAtCenter(centerId: string): Promise<PublicUser | null>;
  };
  api: {
    api: { booking: { create(i: unknown): Promise<unknown>; mine(i: unknown): Promise<unknown> } };
    ApiError: new (...a: never[]) => Error & { code: string };
  };
  session: { getSession(): { token?: string; user: PublicUser } | null; getCenterId(): string | null };
  links: { homeSections(role: Role | null): string[]; roleLinks(role: Role): Array<{ url: string }> };
  subscribe: {
    templateIdsFor(t: Array<{ kind: string; templateId: string }>, kinds: string[]): string[];
    askConsent(ids: string[] | null): Promise<string>;
    useConsent(kinds: string[]): { ids: string[] | null; ask: () => Promise<string> };
  };
}

function load(): Client {
  jest.resetModules();
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    Taro: (require('@tarojs/taro') as { default: TaroStandIn }).default,
    boot: require('../../client/src/services/boot'),
    api: require('../../client/src/services/api'),
    session: require('../../client/src/services/session'),
    links: require('../../client/src/services/role-links'),
    subscribe: require('../../client/src/services/subscribe'),
  };
}

/** Answers callFunction as the deployed functions would, one route per `function.action`. */
function serve(c: Client, routes: Record<string, Route>): void {
  c.Taro.cloud.callFunction.mockImplementation(async (req: { name: string; data: unknown }) => {
    const data = req.data as CallData;
    const route = routes[`${req.name}.${data.action}`];
    if (!route) return { result: { ok: false, error: { code: 'NOT_FOUND', message: `no route ${req.name}.${data.action}` } } };
    return { result: route(data.input as Record<string, unknown>) };
  });
}

const calls = (c: Client) => c.Taro.cloud.callFunction.mock.calls.map(([req]) => req as { name: string; data: CallData });

const villager: PublicUser = { id: 'u-wx-1', centerId: 'c-baisha', role: 'villager', name: '微信用户' };
const clerk: PublicUser = { id: 'u-staff-mz', centerId: 'c-baisha', role: 'staff', name: '李明', windowId: 'w-mz' };
const ok = (data: unknown): Reply => ({ ok: true, data });

describe('launch params', () => {
  it('reads a URL-encoded mini-program code scene, and ?c= / ?i= on the path', () => {
    const { boot } = load();
    expect(boot.launchParams({ scene: 'c%3Dc-baisha' })).toEqual({ scene: 'c=c-baisha' });
    expect(boot.launchParams({ scene: 'i%3D12345678' })).toEqual({ scene: 'i=12345678', inviteCode: '12345678' });
    expect(boot.launchParams({ c: 'c-liutang' })).toEqual({ centerId: 'c-liutang' });
    expect(boot.launchParams({ i: '87654321' })).toEqual({ inviteCode: '87654321' });
    // Not an invite (7 digits), not a center id: ignored.
    expect(boot.launchParams({ i: '1234567', c: 'c baisha;' })).toEqual({});
    expect(boot.launchParams(undefined)).toEqual({});
  });
});

describe('WeChat sign-in', () => {
  it("the app's 今天 is the server's day from account.me, not the phone's clock (outside review)", async () => {
    const c = load();
    c.Taro.getLaunchOptionsSync.mockReturnValue({ path: 'pages/index/index', query: { scene: 'c%3Dc-baisha' }, scene: 1047 });
    // The server's time is set far from any day this test could run on; the phone reads the machine's clock.
    serve(c, { 'account.me': () => ok({ user: villager, created: false, now: '2031-06-16T02:00:00.000Z' }) });
    await c.boot.startBoot();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const clock = require('../../client/src/services/clock') as { centerToday(): string };
    expect(clock.centerToday()).toBe('2031-06-16');
  });

  it('launch → account.me with the scene → the user is the session (no token)', async () => {
    const c = load();
    c.Taro.getLaunchOptionsSync.mockReturnValue({ path: 'pages/index/index', query: { scene: 'c%3Dc-baisha' }, scene: 1047 });
    serve(c, { 'account.me': () => ok({ user: villager, created: true }) });

    const outcome = await c.boot.startBoot();

    expect(calls(c)).toEqual([{ name: 'account', data: { action: 'me', input: { scene: 'c=c-baisha' }, requestId: expect.any(String) } }]);
    expect(outcome).toMatchObject({ state: 'signed-in', user: villager });
    expect(c.session.getSession()).toEqual({ user: villager });
    expect(c.session.getCenterId()).toBe('c-baisha');
    expect(c.Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('a booking call goes to callFunction("booking", { action, input, requestId }) and carries no token', async () => {
    const c = load();
    serve(c, {
      'account.me': () => ok({ user: villager, created: false }),
      'booking.create': () => ok({}),
    });
    await c.boot.startBoot({ query: {} });
    c.Taro.cloud.callFunction.mockClear();

    await c.api.api.booking.create({ itemId: 'i-mz-001', date: '2026-11-30', start: '09:00' });

    const [req, ...more] = calls(c);
    expect(more).toEqual([]);
    expect(req).toEqual({ name: 'booking', data: { action: 'create', input: { itemId: 'i-mz-001', date: '2026-11-30', start: '09:00' }, requestId: expect.any(String) } });
    expect(Object.keys(req!.data).sort()).toEqual(['action', 'input', 'requestId']);
    expect(JSON.stringify(req)).not.toMatch(/token|Bearer|openId/i);
  });

  it('no user (first contact without a center) → the center chooser opens; choosing signs in there', async () => {
    const c = load();
    serve(c, { 'account.me': (input) => ok(input.centerId ? { user: villager, created: true } : { user: null, created: false }) });

    const outcome = await c.boot.startBoot({ query: {} });

    expect(outcome.state).toBe('choose-center');
    expect(c.Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/centers/index' });
    expect(c.session.getSession()).toBeNull();

    await expect(c.boot.signInAtCenter('c-baisha')).resolves.toEqual(villager);
    expect(calls(c).map((r) => r.data.input)).toEqual([{}, { centerId: 'c-baisha' }]);
    expect(c.session.getSession()).toEqual({ user: villager });
  });

  it('an invite scene → account.bindInvite → the session is the staff member and the home is the staff home', async () => {
    const c = load();
    serve(c, {
      'account.me': () => ok({ user: villager, created: false }),
      'account.bindInvite': (input) => (input.code === '12345678' ? ok({ user: clerk }) : { ok: false, error: { code: 'NOT_FOUND', message: '邀请码无效' } }),
    });
    const before = c.links.homeSections('villager');

    const outcome = await c.boot.startBoot({ query: { scene: 'i%3D12345678' } });

    expect(calls(c).map((r) => `${r.name}.${r.data.action}`)).toEqual(['account.me', 'account.bindInvite']);
    expect(calls(c)[1]!.data.input).toEqual({ code: '12345678' });
    expect(outcome).toMatchObject({ state: 'signed-in', bound: true, user: clerk });
    const role = c.session.getSession()?.user.role ?? null;
    expect(role).toBe('staff');
    // The villager's home puts the guides first; the staff home puts their work first.
    const after = c.links.homeSections(role);
    expect(before.indexOf('work')).toBeGreaterThan(before.indexOf('windows'));
    expect(after.indexOf('work')).toBeLessThan(after.indexOf('search'));
    expect(c.links.roleLinks('staff').map((l) => l.url)).toEqual(expect.arrayContaining(['/staff/cases/index', '/staff/day-board/index']));
    expect(c.links.roleLinks('villager').map((l) => l.url)).not.toContain('/staff/cases/index');
  });

  it('an invite for a WeChat user without a record binds without asking for a center', async () => {
    const c = load();
    serve(c, {
      'account.me': () => ok({ user: null, created: false }),
      'account.bindInvite': () => ok({ user: clerk }),
    });
    const outcome = await c.boot.startBoot({ query: { i: '12345678' } });
    expect(outcome.state).toBe('signed-in');
    expect(c.session.getSession()?.user).toEqual(clerk);
    expect(c.Taro.reLaunch).not.toHaveBeenCalled();
  });

  it('an UNAUTHENTICATED reply clears the session', async () => {
    const c = load();
    serve(c, {
      'account.me': () => ok({ user: villager, created: false }),
      'booking.mine': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请重新进入小程序' } }),
    });
    await c.boot.startBoot({ query: {} });
    expect(c.session.getSession()).not.toBeNull();

    await expect(c.api.api.booking.mine({})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(c.session.getSession()).toBeNull();
  });

  it('in the H5 build nothing happens at launch (the dev login stays the session)', async () => {
    const c = load();
    process.env.TARO_ENV = 'h5';
    try {
      await expect(c.boot.startBoot({ query: { scene: 'c%3Dc-baisha' } })).resolves.toEqual({ state: 'skipped' });
    } finally {
      process.env.TARO_ENV = 'weapp';
    }
    expect(c.Taro.cloud.callFunction).not.toHaveBeenCalled();
  });
});

describe('subscribe-message consent as WeChat allows it', () => {
  const templates = [
    { kind: 'booking', templateId: 'T-booking' },
    { kind: 'case', templateId: 'T-case' },
    { kind: 'deadline', templateId: 'T-deadline' },
    { kind: 'visit', templateId: 'T-visit' },
    { kind: 'authorization', templateId: 'T-auth' },
  ];

  it('asks for at most 3 templates, each once', () => {
    const { subscribe } = load();
    expect(subscribe.templateIdsFor(templates, ['booking', 'case'])).toEqual(['T-booking', 'T-case']);
    expect(subscribe.templateIdsFor(templates, ['booking', 'case', 'deadline', 'visit', 'authorization'])).toHaveLength(3);
    expect(subscribe.templateIdsFor([...templates, { kind: 'case', templateId: 'T-booking' }], ['booking', 'case'])).toEqual(['T-booking', 'T-case']);
  });

  it('the tap calls requestSubscribeMessage before anything is awaited, then records the accepts', async () => {
    const c = load();
    serve(c, { 'inbox.recordConsent': (input) => ok({ remaining: Object.fromEntries((input.accepted as string[]).map((id) => [id, 1])) }) });
    c.Taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-booking': 'accept', 'T-case': 'reject' });

    const done = c.subscribe.askConsent(['T-booking', 'T-case']);
    // Synchronously, in the tap: WeChat's request went out, and no network call came before it.
    expect(c.Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(c.Taro.requestSubscribeMessage.mock.calls[0]![0].tmplIds).toEqual(['T-booking', 'T-case']);
    expect(c.Taro.cloud.callFunction).not.toHaveBeenCalled();

    await expect(done).resolves.toBe('已开启微信提醒,谢谢。');
    expect(calls(c)).toEqual([{ name: 'inbox', data: { action: 'recordConsent', input: { accepted: ['T-booking'] }, requestId: expect.any(String) } }]);
  });

  it('a page loads the template ids when it opens; its tap then asks WeChat with no network call first', async () => {
    const c = load();
    serve(c, {
      'account.me': () => ok({ user: clerk, created: false }),
      'inbox.templates': () => ok({ templates }),
      'inbox.recordConsent': () => ok({ remaining: {} }),
    });
    await c.boot.startBoot({ query: {} });
    c.Taro.cloud.callFunction.mockClear();
    c.Taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-deadline': 'accept', 'T-case': 'accept' });

    // The page, mounted as React mounts it (react-dom in a jsdom document).
    // jsdom comes with the Taro build (@tarojs/webpack5-runner); typed here as far as used.
    const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: { document: { getElementById(id: string): unknown }; navigator: unknown } } };
    const dom = new JSDOM('<div id="root"></div>');
    const g = globalThis as Record<string, unknown>;
    Object.assign(g, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator, IS_REACT_ACT_ENVIRONMENT: true });
    const React = require('react') as typeof import('react');
    const { createRoot } = require('react-dom/client') as { createRoot(el: unknown): { render(node: unknown): void; unmount(): void } };
    let consent: { ids: string[] | null; ask: () => Promise<string> } | null = null;
    const Page = () => {
      consent = c.subscribe.useConsent(['deadline', 'case']);
      return null;
    };
    const root = createRoot(dom.window.document.getElementById('root'));
    try {
      await React.act(async () => {
        root.render(React.createElement(Page));
      });
      // On open: the templates, once.
      expect(calls(c).map((r) => `${r.name}.${r.data.action}`)).toEqual(['inbox.templates']);
      expect(consent!.ids).toEqual(['T-deadline', 'T-case']);

      c.Taro.cloud.callFunction.mockClear();
      const done = consent!.ask(); // the tap handler
      expect(c.Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['T-deadline', 'T-case'] }));
      expect(c.Taro.cloud.callFunction).not.toHaveBeenCalled();
      await expect(done).resolves.toBe('已开启微信提醒,谢谢。');
      expect(calls(c).map((r) => r.data.input)).toEqual([{ accepted: ['T-deadline', 'T-case'] }]);
    } finally {
      await React.act(async () => root.unmount());
      for (const k of ['window', 'document', 'navigator', 'IS_REACT_ACT_ENVIRONMENT']) delete g[k];
    }
  });

  it('never sends more than 3 ids, and says why when the center has no template', async () => {
    const c = load();
    c.Taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' });
    await c.subscribe.askConsent(['a', 'b', 'c', 'd', 'e']);
    expect(c.Taro.requestSubscribeMessage.mock.calls[0]![0].tmplIds).toEqual(['a', 'b', 'c']);
    await expect(c.subscribe.askConsent([])).resolves.toMatch(/尚未开通微信消息提醒/);
    expect(c.Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  });
});
