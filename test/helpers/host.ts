import { ManualClock } from '../../cloudfunctions/core/clock';
import { DevTokens } from '../../cloudfunctions/core/identity/dev-token';
import { startLocalHost, type LocalHost } from '../../cloudfunctions/core/runtime/local-host';
import type { Store } from '../../cloudfunctions/core/store/port';
import { seededStore, TEST_NOW } from './temp';

/**
 * The test host's clock: it stands still until a test moves it, and tells whoever listens (the
 * browser kit keeps the browser's clock in step with it).
 */
export class TestClock extends ManualClock {
  private readonly listeners = new Set<(now: Date) => void>();
  /** Calls `fn` with the new time whenever the clock is set or advanced; returns the unsubscribe. */
  onMove(fn: (now: Date) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  override set(to: Date | string): void {
    super.set(to);
    this.moved();
  }
  override advance(ms: number): void {
    super.advance(ms);
    this.moved();
  }
  private moved(): void {
    for (const fn of this.listeners) fn(this.now());
  }
}

export interface TestHost {
  host: LocalHost;
  store: Store;
  clock: TestClock;
  tokens: DevTokens;
  dir: string;
  login(userId: string): Promise<string>;
  call(fn: string, body: unknown, token?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * The local host started in-process on a free port, over a seeded temporary SQLite store. Its
 * clock starts at `now` (default TEST_NOW) and moves only when the test moves it: never the
 * machine's clock.
 */
export async function startTestHost(opts: { staticDir?: string; store?: Store; now?: Date | string } = {}): Promise<TestHost> {
  const clock = new TestClock(opts.now ?? TEST_NOW);
  const seeded = await seededStore(clock);
  const store = opts.store ?? seeded.store;
  const tokens = DevTokens.forDataDir(seeded.dir);
  const host = await startLocalHost({ store, tokens, clock, port: 0, staticDir: opts.staticDir });
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
    clock,
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
