/**
 * The local host's demo clock (issue 8, finding 2): DEMO_NOW is parsed strictly (a mistyped value
 * stops `npm start` with a courteous message and exit 1, never a silent real clock), the demo
 * clock runs on from its instant, and GET /dev/clock tells the H5 app the host's time and whether
 * it is a demo time (for the banner "演示时间:…"). No test here depends on the machine's day.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ManualClock, systemClock } from '../../cloudfunctions/core/clock';
import { DevTokens } from '../../cloudfunctions/core/identity/dev-token';
import { startLocalHost } from '../../cloudfunctions/core/runtime/local-host';
import { DemoClock, hostClockFromEnv, parseDemoNow } from '../../scripts/demo-clock';
import { startTestHost } from '../helpers/host';
import { seededStore, tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..');

describe('DEMO_NOW parsing', () => {
  test.each([
    ['2026-11-30T10:00:00+08:00', '2026-11-30T02:00:00.000Z'],
    ['2026-11-30T10:00+08:00', '2026-11-30T02:00:00.000Z'],
    ['2026-11-30T10:00', '2026-11-30T02:00:00.000Z'], // no zone: Beijing time, the center's
    ['2026-11-30T02:00:00Z', '2026-11-30T02:00:00.000Z'],
    [' 2026-12-31T18:30:15.5-05:00 ', '2026-12-31T23:30:15.500Z'],
    ['2028-02-29T09:00', '2028-02-29T01:00:00.000Z'],
  ])('%s is the instant %s', (value, iso) => {
    expect(parseDemoNow(value).toISOString()).toBe(iso);
  });

  test.each(['tomorrow', '2026-11-30', '2026-02-30T10:00', '2026-11-30T24:00', '2026-11-30T10:60', '2026-11-30 10:00', '2026-11-30T10:00+25:00', '1764468000000', '2026-11-30T10:00:00+0800'])(
    '%s is refused with a courteous message that says how to write it',
    (value) => {
      expect(() => parseDemoNow(value)).toThrow(/^对不起,DEMO_NOW 的值“.*”不是有效的时间.*请写成 ISO 8601 格式,例如 DEMO_NOW=2026-11-30T10:00:00\+08:00/);
    },
  );

  test('unset or empty: the system clock; set: a demo clock from that instant', () => {
    expect(hostClockFromEnv({})).toBe(systemClock);
    expect(hostClockFromEnv({ DEMO_NOW: '  ' })).toBe(systemClock);
    const real = new ManualClock('2031-05-05T05:05:05Z');
    const clock = hostClockFromEnv({ DEMO_NOW: '2026-11-30T10:00:00+08:00' }, real);
    expect(clock).toBeInstanceOf(DemoClock);
    expect(clock.now().toISOString()).toBe('2026-11-30T02:00:00.000Z');
    expect(() => hostClockFromEnv({ DEMO_NOW: '2026-11-31T10:00' }, real)).toThrow(/DEMO_NOW/);
  });

  test('the demo clock runs on with real time from its instant', () => {
    const real = new ManualClock('2031-05-05T05:05:05Z');
    const demo = new DemoClock(new Date('2026-11-27T10:30:00Z'), real);
    expect(demo.now().toISOString()).toBe('2026-11-27T10:30:00.000Z');
    real.advance(90 * 60_000);
    expect(demo.now().toISOString()).toBe('2026-11-27T12:00:00.000Z');
  });

  test('npm start with an invalid DEMO_NOW says why in Chinese, exits 1 and creates nothing', () => {
    const dataDir = path.join(tempDir(), 'data');
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, DEMO_NOW: '2026-11-31T10:00', DATA_DIR: dataDir, PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('对不起,DEMO_NOW 的值“2026-11-31T10:00”不是有效的时间');
    expect(r.stdout).not.toContain('已启动');
    expect(fs.existsSync(dataDir)).toBe(false);
  }, 60_000);
});

describe('GET /dev/clock', () => {
  test('a host on a fixed clock answers with that clock, as a demo time, and follows it', async () => {
    const t = await startTestHost({ now: '2026-11-30T10:00:00+08:00' });
    try {
      const ask = async () => {
        const res = await fetch(`${t.host.url}/dev/clock`);
        expect(res.status).toBe(200);
        return res.json();
      };
      await expect(ask()).resolves.toEqual({ now: '2026-11-30T02:00:00.000Z', demo: true });
      t.clock.advance(5 * 60_000);
      await expect(ask()).resolves.toEqual({ now: '2026-11-30T02:05:00.000Z', demo: true });
      const post = await fetch(`${t.host.url}/dev/clock`, { method: 'POST' });
      expect(post.status).toBe(404);
    } finally {
      await t.close();
    }
  });

  test('a host on the system clock says it is real time', async () => {
    const { store, dir } = await seededStore();
    const host = await startLocalHost({ store, tokens: DevTokens.forDataDir(dir), port: 0 });
    try {
      const before = Date.now();
      const body = (await (await fetch(`${host.url}/dev/clock`)).json()) as { now: string; demo: boolean };
      const after = Date.now();
      expect(body.demo).toBe(false);
      // Any day will do: the answer is the machine's own time at the call.
      expect(Date.parse(body.now)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(body.now)).toBeLessThanOrEqual(after);
    } finally {
      await host.close();
      await store.close();
    }
  });
});
