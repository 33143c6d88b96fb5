import { ManualClock } from '../../cloudfunctions/core/clock';
import { DevTokens } from '../../cloudfunctions/core/identity/dev-token';
import { startLocalHost, type LocalHost } from '../../cloudfunctions/core/runtime/local-host';
import type { Store } from '../../cloudfunctions/core/store/port';
import { seededStore } from './temp';

export interface TestHost {
  host: LocalHost;
  store: Store;
  clock: ManualClock;
  tokens: DevTokens;
  dir: string;
  login(userId: string): Promise<string>;
  call(fn: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** The local host started in-process on a free port, over a seeded temporary SQLite store. */
export async function startTestHost(opts: { staticDir?: string; store?: Store } = {}): Promise<TestHost> {
  const seeded = await seededStore(new ManualClock(new Date()));
  const store = opts.store ?? seeded.store;
  const tokens = DevTokens.forDataDir(seeded.dir);
  const host = await startLocalHost({ store, tokens, clock: seeded.clock, port: 0, staticDir: opts.staticDir });
  const call: TestHost['call'] = async (fn, body, token) => {
    const res = await fetch(`${host.url}/fn/${fn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return {
    host,
    store,
    clock: seeded.clock,
    tokens,
    dir: seeded.dir,
    call,
    async login(userId) {
      const res = await fetch(`${host.url}/dev/login`, { method: 'POST', body: JSON.stringify({ userId }) });
      const body = (await res.json()) as { token: string };
      return body.token;
    },
    async close() {
      await host.close();
      await seeded.store.close();
    },
  };
}
