/**
 * The deadline sweep (R-CASE-5, R-CMP-3, R-PET-1): the one engine for every matter with a deadline
 * (DESIGN.md). Each kind plugs in (deadline-matters.ts); the sweep reads only the matters whose
 * nextReminderOn has come (an indexed query: cost follows the matters due, not those stored);
 * each matter is one transaction, and each (matter, stage, deadline) notice has a fixed key, so
 * a sweep that stops halfway and runs again sends nothing twice and misses nothing.
 * Cases: the acting handler (B while A is away, R-CASE-6) and the first-ask person 2 working
 * days before and on the due day, plus the office and the leader on duty once overdue.
 */
import { dueStages, nextReminderDate, REMINDER_STAGE_LABELS, type Case, type ReminderStage } from '../../../shared/domain/cases';
import { dateLabel, shanghaiDate } from '../../../shared/domain/time';
import type { Clock } from '../clock';
import type { Ctx } from '../context';
import type { Doc, Store, Where } from '../store/port';
import { centerCalendar } from './calendar';
import { calendarReminders } from './calendar-reminder';
import { actingFor, leavesOn } from './cases';
import { complaintReminders } from './complaints/reminders';
import { petitionReminders } from './petitions/reminders';
import { rectificationReminders } from './ratings/review';
import { dutyLeadersOn } from './duty';
import { withRemindersSent, type CenterContext, type MatterCollection, type MatterKind } from './deadline-matters';
import { notify } from './notify';

export interface SweepResult {
  due: number;
  notices: number;
  stages: ReminderStage[];
  /** True when the sweep stopped for time with matters still due: the next tick goes on from there. */
  more: boolean;
}

export interface SweepScope {
  centerId?: string;
  /**
   * Asked between matters: true stops the sweep (a deployed function has at most 60 s). Each
   * matter is its own transaction and leaves nextReminderOn behind it, so a stopped sweep loses
   * nothing and the next tick resumes with the matters still due.
   */
  shouldStop?: () => boolean;
  /**
   * How many matters are swept at the same time, each still its own transaction (default 1, one
   * after another). On CloudBase their round trips overlap; locally their commits share an fsync
   * (group commit). A stop or a failure ends the sweep after the matters under way (issue 12).
   */
  parallel?: number;
}

const BATCH = 500;
/** What the timer and the bench sweep at once (SweepScope.parallel). */
export const SWEEP_PARALLEL = 8;

async function centerContext(ctx: Ctx, centerId: string, today: string): Promise<CenterContext> {
  const [cal, leaves, users, onDuty, posts] = await Promise.all([
    centerCalendar(ctx, centerId),
    leavesOn(ctx, centerId, today),
    ctx.store.find('users', { where: { centerId } }),
    // The published roster's leaders of the day (R-DUTY-2); without an entry every leader is told.
    dutyLeadersOn(ctx, centerId, today),
    ctx.store.find('posts', { where: { centerId } }),
  ]);
  return {
    cal,
    leaves,
    office: users.filter((u) => u.role === 'office'),
    leaders: users.filter((u) => u.role === 'leader'),
    dutyLeaders: onDuty,
    posts: new Map(posts.map((p) => [p.id, p])),
    names: new Map(users.map((u) => [u.id, u.name])),
  };
}

function caseMessage(c: Case, stage: ReminderStage, handlerName: string): { title: string; body: string } {
  const when = c.deadline ? dateLabel(c.deadline) : '';
  switch (stage) {
    case 'due_soon':
      return { title: '办件即将到期', body: `“${c.itemName}”(${c.number},${c.applicantName})将于${when}到期,请抓紧办理。承办人:${handlerName}。` };
    case 'due_today':
      return { title: '办件今日到期', body: `“${c.itemName}”(${c.number},${c.applicantName})今天(${when})到期,请务必今日办结或向群众说明情况。承办人:${handlerName}。` };
    case 'overdue':
      return { title: '办件已超期', body: `“${c.itemName}”(${c.number},${c.applicantName})已超过办结期限(${when}),请督促承办人${handlerName}尽快办结并向群众说明原因。` };
  }
}

/** Cases: reminded while accepted or forwarded (R-CASE-5/6). */
export const caseReminders: MatterKind<'cases'> = {
  collection: 'cases',
  deadline: (c) => ((c.status === 'accepted' || c.status === 'forwarded') && c.deadline ? c.deadline : null),
  sent: (c) => c.remindersSent,
  async remind(tx, c, stage, key, center, today, at) {
    const post = c.postId ? (center.posts.get(c.postId) ?? null) : null;
    const acting = actingFor(c, post, today, center.leaves);
    const handlerName = acting ? (center.names.get(acting) ?? '') : c.handlerName;
    const recipients =
      stage === 'overdue' ? [acting, c.firstAskId, ...center.office.map((u) => u.id), ...center.dutyLeaders.map((u) => u.id)] : [acting, c.firstAskId];
    const sent = await notify(tx, recipients, { centerId: c.centerId, kind: 'deadline', key, link: `/staff/case/index?id=${c.id}`, ...caseMessage(c, stage, handlerName) }, at);
    await tx.insert('trail', {
      id: `t-rem-${c.id}-${stage}-${c.deadline ?? ''}`,
      caseId: c.id,
      centerId: c.centerId,
      at,
      actorId: 'system',
      actorName: '系统',
      action: `case.reminder.${stage}`,
      text: `${REMINDER_STAGE_LABELS[stage]}:已通知${recipients.filter(Boolean).map((u) => center.names.get(u as string) ?? '').filter(Boolean).join('、')}。`,
      public: false,
    });
    return sent;
  },
  withReminders: withRemindersSent,
};

/** Every kind the sweep reminds, in order; the key prefix keeps (matter, stage, deadline) keys apart. */
const KINDS: ReadonlyArray<{ prefix: string; kind: MatterKind<'cases'> | MatterKind<'complaints'> | MatterKind<'petitions'> | MatterKind<'rectifications'> }> = [
  { prefix: 'rem', kind: caseReminders },
  { prefix: 'cmp-rem', kind: complaintReminders },
  { prefix: 'pet-rem', kind: petitionReminders },
  { prefix: 'rect-rem', kind: rectificationReminders },
];

interface Run {
  store: Store;
  ctx: Ctx;
  today: string;
  at: string;
  scope: SweepScope;
  centers: Map<string, CenterContext>;
  result: SweepResult;
}

/** Sweeps one kind; false when told to stop. */
async function sweepKind<C extends MatterCollection>(run: Run, prefix: string, kind: MatterKind<C>): Promise<boolean> {
  const { store, today, at, scope, centers, result } = run;
  for (;;) {
    const where: Where = scope.centerId ? { centerId: scope.centerId, nextReminderOn: { $lte: today } } : { nextReminderOn: { $lte: today } };
    const due = (await store.find(kind.collection, { where, orderBy: [['nextReminderOn', 'asc']], limit: BATCH })) as Array<Doc<C> & { id: string; centerId: string }>;
    if (due.length === 0) return true;
    const parallel = Math.max(1, scope.parallel ?? 1);
    for (let i = 0; i < due.length; i += parallel) {
      if (scope.shouldStop?.()) {
        result.more = true;
        return false;
      }
      const chunk = due.slice(i, i + parallel);
      for (const m of chunk) {
        if (!centers.has(m.centerId)) centers.set(m.centerId, await centerContext(run.ctx, m.centerId, today));
      }
      const outcomes = await Promise.allSettled(
        chunk.map(async (m) => {
          result.due += 1;
          const cc = centers.get(m.centerId) as CenterContext;
          await store.transaction(async (tx) => {
            const cur = (await tx.get(kind.collection, m.id)) as (Doc<C> & { nextReminderOn?: string }) | null;
            if (!cur || cur.nextReminderOn === undefined || cur.nextReminderOn > today) return;
            const deadline = kind.deadline(cur);
            if (!deadline) {
              await tx.put(kind.collection, kind.withReminders(cur, [], null));
              return;
            }
            const stages = dueStages(cc.cal, deadline, today, kind.sent(cur));
            for (const stage of stages) {
              result.notices += await kind.remind(tx, cur, stage, `${prefix}:${m.id}:${stage}:${deadline}`, cc, today, at);
              result.stages.push(stage);
            }
            await tx.put(kind.collection, kind.withReminders(cur, stages, nextReminderDate(cc.cal, deadline, today)));
          });
        }),
      );
      const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      if (failed) throw failed.reason;
    }
    if (due.length < BATCH) return true;
  }
}

/**
 * The timer sweeps every center; an on-demand sweep (office, admin) passes its own center and
 * neither touches nor counts another center's matters (issue 8.8).
 */
export async function runSweep(store: Store, clock: Clock, scope: SweepScope = {}): Promise<SweepResult> {
  const run: Run = {
    store,
    ctx: { store, clock, caller: null },
    today: shanghaiDate(clock.now()),
    at: clock.now().toISOString(),
    scope,
    centers: new Map(),
    result: { due: 0, notices: 0, stages: [], more: false },
  };
  for (const { prefix, kind } of KINDS) {
    if (!(await sweepKind(run, prefix, kind as MatterKind<MatterCollection>))) return run.result;
  }
  // Then the calendar itself: next year's official arrangement, entered in time (R-BOOK-1).
  run.result.notices += await calendarReminders(run.ctx, run.today, run.at, scope.centerId);
  return run.result;
}
