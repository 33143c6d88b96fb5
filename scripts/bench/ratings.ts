/**
 * Bench of rating a finished matter (R-RATE-1..2): `ratings.rate` over HTTP on the local host,
 * 50 villagers at once, each rating 10 matters of theirs finished today at the 民政 window; every
 * tenth rating is 不满意, so its rectification item (and the head's and the clerk's notices) are
 * written in the same transaction as the rating. Prints `rating.submit.p50_ms`, `.p99_ms`, `.rps`
 * and `.errors` (a JSON line each). Called by one line of scripts/bench.ts; `tsx
 * scripts/bench/ratings.ts` runs it alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../../cloudfunctions/core/clock';
import { DevTokens } from '../../cloudfunctions/core/identity/dev-token';
import { startLocalHost } from '../../cloudfunctions/core/runtime/local-host';
import { demoUserId, seedDemoData } from '../../cloudfunctions/core/seed/demo';
import { windowId } from '../../cloudfunctions/core/seed/organisation';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import type { Case } from '../../shared/domain/cases';
import { RATING_LEVELS } from '../../shared/domain/ratings';
import { emitLoad, loadFromWorker, type Emit } from './load';

const CENTER = 'c-baisha';
const CLIENTS = 50;
const PER_CLIENT = 10;

export async function ratingSubmit(emit: Emit): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-rate-'));
  const store = new SqliteStore({ dataDir: dir });
  await seedDemoData(store, systemClock);
  const tokens = DevTokens.forDataDir(dir);
  const host = await startLocalHost({ store, tokens, port: 0 });
  try {
    const clerk = demoUserId(CENTER, 'staff-mz');
    const now = new Date().toISOString();
    const villagers: Array<{ token: string; cases: string[] }> = [];
    for (let c = 0; c < CLIENTS; c += 1) {
      const id = `u-rate-${c}`;
      await store.insert('users', { id, centerId: CENTER, role: 'villager', name: `村民${c}`, villageId: 'v-baisha-1' });
      const cases: string[] = [];
      for (let i = 0; i < PER_CLIENT; i += 1) {
        const doc: Case = {
          id: `case-rate-${c}-${i}`,
          number: `JBENCH-MZ-${c}-${i}`,
          centerId: CENTER,
          windowId: windowId(CENTER, 'MZ'),
          itemId: 'item-baisha-mz-001',
          itemName: '最低生活保障申请',
          applicantName: `村民${c}`,
          applicantUserId: id,
          firstAskId: clerk,
          firstAskName: '陈丽',
          postId: 'post-baisha-mz',
          handlerId: clerk,
          handlerName: '陈丽',
          status: 'done',
          result: '当场办结',
          createdAt: now,
          updatedAt: now,
          finishedAt: now,
          remindersSent: [],
        };
        await store.insert('cases', doc);
        cases.push(doc.id);
      }
      villagers.push({ token: tokens.issue(id, new Date()), cases });
    }
    const requests = villagers.map((v, c) =>
      v.cases.map((caseId, i) => {
        const level = (c * PER_CLIENT + i) % 10 === 0 ? 'unsatisfied' : RATING_LEVELS[i % 3];
        return { token: v.token, body: { action: 'rate', input: { caseId, level, comment: '谢谢' }, requestId: `rate-${caseId}` } };
      }),
    );
    const load = await loadFromWorker(host.url, 'ratings', requests);
    emitLoad(emit, 'rating.submit', load);
    const errors = load.statuses.filter((s) => s !== 200).length;
    if ((await store.count('ratings')) !== CLIENTS * PER_CLIENT - errors) throw new Error('a rating answered 200 was not stored');
  } finally {
    await host.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  ratingSubmit((metric, value, unit) => process.stdout.write(`${JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit })}\n`)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
