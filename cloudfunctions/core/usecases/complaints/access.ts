/**
 * Who may see a complaint and what of it (R-CMP-5). `redact` is the ONE function every
 * complaint-returning action passes a complaint through: identity and contact only for the
 * office, the assigned handler and the center's leaders — never the person complained about —
 * and for the complainant; nobody at the center for an anonymous complaint.
 */
import crypto from 'node:crypto';
import type { ComplaintView } from '../../../../shared/contracts/complaints';
import type { WorkCalendar } from '../../../../shared/domain/calendar';
import { deadlineBadge } from '../../../../shared/domain/cases';
import {
  isComplainedAbout,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_CLASS_LABELS,
  COMPLAINT_STATE_LABELS,
  stepProgress,
  TIMED_STATES,
  type Complaint,
  type ComplaintStep,
} from '../../../../shared/domain/complaints';
import { AppError } from '../../../../shared/domain/errors';
import type { User } from '../../../../shared/domain/org';
import { shanghaiDate } from '../../../../shared/domain/time';
import type { Ctx } from '../../context';
import type { TxOps } from '../../store/port';
import { appendAudit } from '../audit';
import { centerCalendar } from '../calendar';

/** A VALIDATION error naming its field (R-UX-1: why, and what to do). */
export const invalid = (field: string, message: string): AppError => new AppError('VALIDATION', message, [{ field, message }]);

export const todayOf = (ctx: Ctx): string => shanghaiDate(ctx.clock.now());

/** The complainant's own side: the villager who filed, or the agent who filed for a resident. */
export const isComplainant = (c: Complaint, viewer: User | null): boolean =>
  !!viewer && !c.anonymous && (c.complainantUserId === viewer.id || c.agentId === viewer.id);

/** Whether the viewer may see who complained (R-CMP-5). */
export function maySeeIdentity(c: Complaint, viewer: User | null): boolean {
  if (!viewer || c.anonymous) return false;
  if (isComplainant(c, viewer)) return true;
  if (viewer.centerId !== c.centerId || isComplainedAbout(c.subject, viewer)) return false;
  return viewer.role === 'office' || viewer.role === 'leader' || (c.handlerId !== undefined && viewer.id === c.handlerId);
}

/** The one redaction of a complaint for a viewer (null: the public, by tracking number). */
export function redact(c: Complaint, viewer: User | null, cal: WorkCalendar, today: string): ComplaintView {
  const {
    secretHash: _s,
    complainantUserId: _u,
    complainantName,
    complainantContact,
    agentId: _a,
    residentId: _r,
    registeredById: _g,
    nextReminderOn: _n,
    ...rest
  } = c;
  const shown = maySeeIdentity(c, viewer);
  return {
    ...rest,
    complainant: shown ? { name: complainantName ?? '', contact: complainantContact ?? '' } : null,
    identity: c.anonymous ? 'anonymous' : shown ? 'shown' : 'hidden',
    stateLabel: COMPLAINT_STATE_LABELS[c.state],
    classLabel: COMPLAINT_CLASS_LABELS[c.klass],
    channelLabel: COMPLAINT_CHANNEL_LABELS[c.channel],
    progress: stepProgress(c.state),
    badge: TIMED_STATES.includes(c.state) ? deadlineBadge(cal, c.deadline, today) : null,
  };
}

/** What the audit trail keeps of a complaint: everything but who complained and the secret. */
export function auditCopy(c: Complaint | null): unknown {
  if (!c) return null;
  const { secretHash: _s, complainantUserId: _u, complainantName: _n, complainantContact: _c, agentId: _a, residentId: _r, ...rest } = c;
  return rest;
}

export async function loadComplaint(ctx: Ctx, id: string): Promise<Complaint> {
  const c = await ctx.store.get('complaints', id);
  if (!c) throw new AppError('NOT_FOUND', '对不起,没有找到该投诉,请刷新列表后再试。');
  return c;
}

/** Who may open a complaint at all; the complained-about clerk and other staff may not. */
export function mayOpen(c: Complaint, viewer: User): boolean {
  if (isComplainant(c, viewer)) return true;
  if (viewer.centerId !== c.centerId) return false;
  if (viewer.role === 'office' || viewer.role === 'leader' || viewer.role === 'admin') return true;
  return viewer.role === 'staff' && !isComplainedAbout(c.subject, viewer) && (viewer.id === c.handlerId || viewer.id === c.registeredById);
}

export function requireOpen(c: Complaint, viewer: User): void {
  if (!mayOpen(c, viewer)) {
    throw new AppError('FORBIDDEN', '对不起,此投诉由中心管理办公室和指定的承办人办理,您不能查看;如有疑问,请联系中心管理办公室。');
  }
}

export interface Detail {
  complaint: ComplaintView;
  steps: ComplaintStep[];
}

/** The complaint and its steps as the viewer may see them (the complainant: public steps). */
export async function detailFor(ctx: Ctx, c: Complaint, viewer: User | null): Promise<Detail> {
  const [cal, steps] = await Promise.all([centerCalendar(ctx, c.centerId), ctx.store.find('complaintSteps', { where: { complaintId: c.id }, orderBy: [['at', 'asc']] })]);
  const staffSide = viewer !== null && viewer.centerId === c.centerId && !isComplainant(c, viewer) && viewer.role !== 'villager' && viewer.role !== 'agent';
  return { complaint: redact(c, viewer, cal, todayOf(ctx)), steps: staffSide ? steps : steps.filter((s) => s.public) };
}

export async function addStep(tx: TxOps, c: Complaint, actorName: string, action: string, text: string, isPublic: boolean, at: string): Promise<void> {
  await tx.insert('complaintSteps', { id: `cs-${crypto.randomUUID()}`, complaintId: c.id, centerId: c.centerId, at, actorName, action, text, public: isPublic });
}

/** Saves a change with its step and audit entry (identity kept out of the audit), in one transaction. */
export async function saveChange(
  tx: TxOps,
  actor: { id: string; name: string },
  before: Complaint | null,
  after: Complaint,
  step: { action: string; text: string; public: boolean },
  at: string,
): Promise<void> {
  await tx.put('complaints', after);
  await addStep(tx, after, actor.name, step.action, step.text, step.public, at);
  await appendAudit(tx, { centerId: after.centerId, at, actorId: actor.id, action: step.action, collection: 'complaints', recordId: after.id, before: auditCopy(before), after: auditCopy(after) });
}

/** The complainant's side to tell (none for an anonymous complaint). */
export const complainantSide = (c: Complaint): string[] => (c.anonymous ? [] : [c.complainantUserId, c.agentId].filter((u): u is string => !!u));

export const secretHashOf = (number: string, secret: string): string => crypto.createHash('sha256').update(`${number}\n${secret}`).digest('hex');
