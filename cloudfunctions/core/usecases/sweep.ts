/**
 * The deadline sweep (R-CASE-5): reminds the acting handler (B while A is away, R-CASE-6) and
 * the first-ask person 2 working days before the deadline and on the due day, and tells the
 * office and the leader on duty when a case is overdue. It reads only the cases whose
 * nextReminderOn has come (an indexed query: cost follows the cases due, not the cases stored);
 * each case is one transaction, and each (case, stage, deadline) notice has a fixed key, so a
 * sweep that stops halfway and runs again sends nothing twice and misses nothing.
 */
import { dueStages, nextReminderDate, REMINDER_STAGE_LABELS, type Case, type ReminderStage } from '../../../shared/domain/cases';
import type { WorkCalendar } from '../../../shared/domain/calendar';
import type { User } from '../../../shared/domain/org';
import type { Leave, Post } from '../../../shared/domain/posts';
import { dateLabel, shanghaiDate } from '../../../shared/domain/time';
import type { Clock } from '../clock';
import type { Ctx } from '../context';
import type { Store, Where } from '../store/port';
import { centerCalendar } from './calendar';
import { actingFor, leavesOn } from './cases';
import { dutyLeadersOn } from './duty';
import { notify } from './notify';

export interface SweepResult {
  due: number;
  notices: number;
  stages: ReminderStage[];
  /** True when the sweep stopped for time with cases still due: the next tick goes on from there. */
  more: boolean;
}

export interface SweepScope {
  centerId?: string;
  /**
   * Asked between cases: true stops the sweep (a deployed function has at most 60 s). Each
   * case is its own transaction and leaves nextReminderOn behind it, so a stopped sweep loses
   * nothing and the next tick resumes with the cases still due.
   */
  shouldStop?: () => boolean;
}

interface CenterContext {
  cal: WorkCalendar;
  leaves: Leave[];
  office: User[];
  dutyLeaders: User[];
  posts: Map<string, Post>;
  names: Map<string, string>;
}

const BATCH = 500;

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
    dutyLeaders: onDuty,
    posts: new Map(posts.map((p) => [p.id, p])),
    names: new Map(users.map((u) => [u.id, u.name])),
  };
}

function message(c: Case, stage: ReminderStage, handlerName: string): { title: string; body: string } {
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

/**
 * The timer sweeps every center; an on-demand sweep (office, admin) passes its own center and
 * neither touches nor counts another center's cases (issue 8.8).
 */
export async function runSweep(store: Store, clock: Clock, scope: SweepScope = {}): Promise<SweepResult> {
  const ctx: Ctx = { store, clock, caller: null };
  const today = shanghaiDate(clock.now());
  const at = clock.now().toISOString();
  const centers = new Map<string, CenterContext>();
  const result: SweepResult = { due: 0, notices: 0, stages: [], more: false };
  for (;;) {
    const where: Where = scope.centerId ? { centerId: scope.centerId, nextReminderOn: { $lte: today } } : { nextReminderOn: { $lte: today } };
    const due = await store.find('cases', { where, orderBy: [['nextReminderOn', 'asc']], limit: BATCH });
    if (due.length === 0) break;
    for (const c of due) {
      if (scope.shouldStop?.()) {
        result.more = true;
        return result;
      }
      result.due += 1;
      let cc = centers.get(c.centerId);
      if (!cc) {
        cc = await centerContext(ctx, c.centerId, today);
        centers.set(c.centerId, cc);
      }
      const center = cc;
      const post = c.postId ? (center.posts.get(c.postId) ?? null) : null;
      const acting = actingFor(c, post, today, center.leaves);
      const handlerName = acting ? (center.names.get(acting) ?? '') : c.handlerName;
      await store.transaction(async (tx) => {
        const cur = await tx.get('cases', c.id);
        if (!cur || cur.nextReminderOn === undefined || cur.nextReminderOn > today) return;
        const open = cur.status === 'accepted' || cur.status === 'forwarded';
        if (!open || !cur.deadline) {
          const { nextReminderOn: _n, ...rest } = cur;
          await tx.put('cases', rest);
          return;
        }
        const stages = dueStages(center.cal, cur.deadline, today, cur.remindersSent);
        for (const stage of stages) {
          const recipients =
            stage === 'overdue'
              ? [acting, cur.firstAskId, ...center.office.map((u) => u.id), ...center.dutyLeaders.map((u) => u.id)]
              : [acting, cur.firstAskId];
          const sent = await notify(tx, recipients, { centerId: cur.centerId, kind: 'deadline', key: `rem:${cur.id}:${stage}:${cur.deadline}`, link: `/staff/case/index?id=${cur.id}`, ...message(cur, stage, handlerName) }, at);
          result.notices += sent;
          result.stages.push(stage);
          await tx.insert('trail', {
            id: `t-rem-${cur.id}-${stage}-${cur.deadline}`,
            caseId: cur.id,
            centerId: cur.centerId,
            at,
            actorId: 'system',
            actorName: '系统',
            action: `case.reminder.${stage}`,
            text: `${REMINDER_STAGE_LABELS[stage]}:已通知${recipients.filter(Boolean).map((u) => center.names.get(u as string) ?? '').filter(Boolean).join('、')}。`,
            public: false,
          });
        }
        const next = nextReminderDate(center.cal, cur.deadline, today);
        const updated: Case = { ...cur, remindersSent: [...cur.remindersSent, ...stages] };
        if (next) updated.nextReminderOn = next;
        else delete updated.nextReminderOn;
        await tx.put('cases', updated);
      });
    }
    if (due.length < BATCH) break;
  }
  return result;
}
