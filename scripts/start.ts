/**
 * `npm start`: the product on this machine. Builds the H5 app if needed, opens (creating,
 * migrating and seeding on first start) the SQLite store in DATA_DIR, and serves the H5 app and
 * every cloud function on 127.0.0.1:PORT. Ctrl-C stops it cleanly. DEMO_NOW (an ISO instant) runs
 * the host on a demo clock from that instant on (./demo-clock); an invalid value stops here.
 */
import { systemClock } from '../cloudfunctions/core/clock';
import { DevTokens } from '../cloudfunctions/core/identity/dev-token';
import { startLocalHost } from '../cloudfunctions/core/runtime/local-host';
import { startLocalTimers } from '../cloudfunctions/core/runtime/local-timers';
import { dataDir } from '../cloudfunctions/core/runtime/store-from-env';
import { seedDemoData } from '../cloudfunctions/core/seed/demo';
import { publishDemoDisclosure } from '../cloudfunctions/core/seed/demo-disclosure';
import { SqliteStore } from '../cloudfunctions/core/store/sqlite';
import { dateLabel, shanghaiDate, shanghaiTime } from '../shared/domain/time';
import { hostClockFromEnv } from './demo-clock';
import { ensureH5Build, H5_DIR } from './h5-build';

async function main(): Promise<void> {
  const clock = hostClockFromEnv(); // first: a mistyped DEMO_NOW must not start a real-time host
  ensureH5Build();
  const dir = dataDir();
  const store = new SqliteStore({ dataDir: dir });
  if (await seedDemoData(store, clock)) {
    await publishDemoDisclosure(store, clock);
    console.log(`已创建演示数据:${store.file}`);
  }
  const port = Number(process.env.PORT ?? 8080);
  const host = await startLocalHost({ store, tokens: DevTokens.forDataDir(dir), port, staticDir: H5_DIR, clock });
  console.log(`便民服务中心本地服务已启动:${host.url}`);
  if (clock !== systemClock) console.log(`演示时间:${dateLabel(shanghaiDate(clock.now()))} ${shanghaiTime(clock.now())} 起(非真实时间,由 DEMO_NOW 设定)。`);
  console.log('按 Ctrl-C 停止。');
  // The deadline sweep on the host's clock, as CloudBase's timer runs it (runtime/local-timers.ts).
  const timers = startLocalTimers(store, clock, (line) => console.log(line));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n正在停止…');
    timers.stop();
    await host.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
