/**
 * Bench of the month's picture (R-RATE-3): `reports.month` through the real dispatcher on a
 * SQLite store holding three months (September to November 2026) of 10,000 completed cases and
 * 5,000 ratings each, a tenth of them bad reviews with their rectification items, and 40
 * substantiated complaints a month. The action reads November and October (for 约谈) by date
 * range on indexed fields; September is there to show the other months cost nothing.
 *
 * `report.month.ms` is the median of 5 calls after one warm-up. Called by one line of
 * scripts/bench.ts; `tsx scripts/bench/report.ts` runs it alone and prints the same JSON lines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { demoUserId, seedDemoData } from '../../cloudfunctions/core/seed/demo';
import { windowId } from '../../cloudfunctions/core/seed/organisation';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import type { Case } from '../../shared/domain/cases';
import type { Complaint } from '../../shared/domain/complaints';
import { monthDates } from '../../shared/domain/duty';
import type { Emit } from './load';
import { RATING_LEVELS, ratingId, rectificationId, type Rating, type Rectification } from '../../shared/domain/ratings';

const CENTER = 'c-baisha';
const MONTHS = ['2026-09', '2026-10', '2026-11'] as const;
const CASES_PER_MONTH = 10_000;
const RATINGS_PER_MONTH = 5_000;
const COMPLAINTS_PER_MONTH = 40;
const WINDOWS = ['MZ', 'RS', 'WJ', 'CL', 'ZH'] as const;
const STAFF = ['staff-mz', 'staff-rs', 'staff-wj', 'staff-cl', 'staff-zh'] as const;
const STAFF_NAMES = ['陈丽', '杨帆', '吴婷', '孙浩', '何静'] as const;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

/** One month's records, written in one transaction per kind (prepared inserts). */
async function seedMonth(store: SqliteStore, month: string): Promise<void> {
  const days = monthDates(month);
  const at = (i: number, hour: number) => `${days[i % days.length]}T${String(hour).padStart(2, '0')}:15:00+08:00`;
  const iso = (i: number, hour: number) => new Date(at(i, hour)).toISOString();
  await store.transaction(async (tx) => {
    for (let i = 0; i < CASES_PER_MONTH; i += 1) {
      const w = i % WINDOWS.length;
      const day = days[i % days.length] ?? `${month}-01`;
      const c: Case = {
        id: `bench-case-${month}-${i}`,
        number: `J${month.replace('-', '')}-${WINDOWS[w]}-${i}`,
        centerId: CENTER,
        windowId: windowId(CENTER, WINDOWS[w] ?? 'MZ'),
        itemId: `item-baisha-${(WINDOWS[w] ?? 'mz').toLowerCase()}-002`,
        itemName: '城乡居民基本养老保险待遇领取',
        applicantName: `村民${i}`,
        firstAskId: demoUserId(CENTER, STAFF[(i + 1) % STAFF.length] ?? 'staff-mz'),
        firstAskName: STAFF_NAMES[(i + 1) % STAFF.length] ?? '',
        handlerId: demoUserId(CENTER, STAFF[w] ?? 'staff-mz'),
        handlerName: STAFF_NAMES[w] ?? '',
        status: 'done',
        createdAt: iso(i, 9),
        updatedAt: iso(i, 16),
        acceptedOn: day,
        // One in twelve finished after its deadline.
        deadline: i % 12 === 0 ? `${month}-01` : `${month}-28`,
        result: '已办结',
        finishedAt: iso(i, 16),
        remindersSent: [],
      };
      await tx.insert('cases', c);
    }
  });
  await store.transaction(async (tx) => {
    for (let i = 0; i < RATINGS_PER_MONTH; i += 1) {
      const w = i % WINDOWS.length;
      const caseId = `bench-case-${month}-${i}`;
      const level = RATING_LEVELS[i % 10 === 0 ? 3 + (i % 2) : i % 3] ?? 'satisfied';
      const bad = level === 'unsatisfied' || level === 'very_unsatisfied';
      const ratedOn = days[i % days.length] ?? `${month}-01`;
      const r: Rating = {
        id: ratingId(caseId),
        centerId: CENTER,
        caseId,
        caseNumber: `J${month.replace('-', '')}-${WINDOWS[w]}-${i}`,
        itemName: '城乡居民基本养老保险待遇领取',
        windowId: windowId(CENTER, WINDOWS[w] ?? 'MZ'),
        handlerId: demoUserId(CENTER, STAFF[w] ?? 'staff-mz'),
        handlerName: STAFF_NAMES[w] ?? '',
        firstAskId: demoUserId(CENTER, STAFF[(i + 1) % STAFF.length] ?? 'staff-mz'),
        firstAskName: STAFF_NAMES[(i + 1) % STAFF.length] ?? '',
        applicantMasked: '村*',
        raterUserId: demoUserId(CENTER, 'villager'),
        onBehalf: false,
        channel: i % 4 === 0 ? 'pad' : 'app',
        level,
        bad,
        subIndicators: {},
        comment: '',
        createdAt: iso(i, 17),
        ratedOn,
        appeal: i % 50 === 0 && bad ? 'upheld' : 'none',
        excludedFromFigures: i % 50 === 0 && bad,
      };
      await tx.insert('ratings', r);
      if (bad) {
        const x: Rectification = {
          id: rectificationId(r.id),
          centerId: CENTER,
          ratingId: r.id,
          caseId,
          caseNumber: r.caseNumber,
          itemName: r.itemName,
          windowId: r.windowId,
          level,
          headId: r.handlerId,
          headName: r.handlerName,
          state: i % 3 === 0 ? 'opened' : 'closed',
          openedOn: ratedOn,
          deadline: `${month}-28`,
          ...(i % 3 === 0 ? {} : { closedAt: r.createdAt, closedBy: 'head' as const }),
          createdAt: r.createdAt,
          updatedAt: r.createdAt,
          remindersSent: [],
        };
        await tx.insert('rectifications', x);
      }
    }
  });
  await store.transaction(async (tx) => {
    for (let i = 0; i < COMPLAINTS_PER_MONTH; i += 1) {
      const w = i % WINDOWS.length;
      const on = days[i % days.length] ?? `${month}-01`;
      const c: Complaint = {
        id: `bench-complaint-${month}-${i}`,
        centerId: CENTER,
        number: `T${month.replace('-', '')}${i}`,
        secretHash: 'x',
        channel: 'in_app',
        klass: 'general',
        classified: true,
        state: 'archived',
        subject: { kind: 'staff', label: STAFF_NAMES[w] ?? '', windowId: windowId(CENTER, WINDOWS[w] ?? 'MZ'), staffId: demoUserId(CENTER, STAFF[w] ?? 'staff-mz') },
        facts: '态度生硬',
        wants: '改进',
        anonymous: true,
        receivedAt: iso(i, 10),
        receivedOn: on,
        deadline: on,
        outcome: { substantiated: true, findings: '属实', measure: '批评教育', closedOn: on, closedBy: demoUserId(CENTER, 'office') },
        createdAt: iso(i, 10),
        updatedAt: iso(i, 11),
        remindersSent: [],
      };
      await tx.insert('complaints', c);
    }
  });
}

export async function reportBench(emit: Emit): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-bench-report-'));
  const store = new SqliteStore({ dataDir: dir });
  try {
    const clock = new ManualClock('2026-12-02T10:00:00+08:00');
    await seedDemoData(store, clock);
    for (const m of MONTHS) await seedMonth(store, m);
    const caller = await store.get('users', demoUserId(CENTER, 'office'));
    const ctx = { store, clock, caller };
    const month = async (): Promise<number> => {
      const t0 = performance.now();
      const r = await dispatch('reports', { action: 'month', input: { month: '2026-11' } }, ctx);
      const ms = performance.now() - t0;
      if (!r.ok) throw new Error(`reports.month failed: ${JSON.stringify(r.error)}`);
      const d = r.data as { center: { completed: number; ratings: number; excluded: number } };
      // The figures must have read the whole month, or the time means nothing.
      if (d.center.completed !== CASES_PER_MONTH || d.center.ratings + d.center.excluded !== RATINGS_PER_MONTH) {
        throw new Error(`reports.month read ${d.center.completed} cases and ${d.center.ratings + d.center.excluded} ratings, not the month's ${CASES_PER_MONTH} and ${RATINGS_PER_MONTH}`);
      }
      return ms;
    };
    await month(); // warm-up: statements prepared, pages cached
    const runs: number[] = [];
    for (let i = 0; i < 5; i += 1) runs.push(await month());
    emit('report.month.cases', CASES_PER_MONTH, 'count');
    emit('report.month.ratings', RATINGS_PER_MONTH, 'count');
    emit('report.month.ms', median(runs), 'ms');
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  reportBench((metric, value, unit) => process.stdout.write(`${JSON.stringify({ metric, value: Math.round(value * 100) / 100, unit })}\n`)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
