/**
 * Who may open a petition and see the petitioner (R-PET-1): `redact` is the ONE function every
 * petition-returning action passes a petition through. The petitioner's personal data goes to
 * the center's office, its leaders and the person the petition is assigned to only; the unit's
 * other staff see the matter without it; audit entries and notices never carry it.
 */
import crypto from 'node:crypto';
import type { PetitionView } from '../../../../shared/contracts/petitions';
import type { WorkCalendar } from '../../../../shared/domain/calendar';
import { deadlineBadge } from '../../../../shared/domain/cases';
import { AppError } from '../../../../shared/domain/errors';
import type { User } from '../../../../shared/domain/org';
import { PETITION_STATE_LABELS, TIMED_PETITION_STATES, type Petition, type PetitionStep } from '../../../../shared/domain/petitions';
import type { Ctx } from '../../context';
import type { TxOps } from '../../store/port';
import { appendAudit } from '../audit';
import { centerCalendar } from '../calendar';
import { todayOf } from '../complaints/access';

/** Whether the viewer may see who petitioned: office, leaders, the assigned person. */
export function maySeePetitioner(p: Petition, viewer: User): boolean {
  if (viewer.centerId !== p.centerId) return false;
  return viewer.role === 'office' || viewer.role === 'leader' || (p.assigneeId !== undefined && viewer.id === p.assigneeId);
}

/** The staff of a unit (window): those who sit at it, and its A and B posts. */
export async function unitStaff(ctx: Ctx, centerId: string, unitId: string): Promise<string[]> {
  const [users, posts] = await Promise.all([ctx.store.find('users', { where: { centerId, role: 'staff' } }), ctx.store.find('posts', { where: { centerId, windowId: unitId } })]);
  return [...new Set([...users.filter((u) => u.windowId === unitId && !u.erasedAt).map((u) => u.id), ...posts.flatMap((p) => [p.aId, p.bId])])];
}

/** Who may open a petition at all: office, leaders, the assigned person and the unit's staff. */
export function mayOpen(p: Petition, viewer: User, unit: readonly string[]): boolean {
  if (viewer.centerId !== p.centerId) return false;
  return viewer.role === 'office' || viewer.role === 'leader' || viewer.id === p.assigneeId || unit.includes(viewer.id);
}

/** The one redaction of a petition for a viewer. */
export function redact(p: Petition, viewer: User, cal: WorkCalendar, today: string): PetitionView {
  const { petitioner, registeredById: _r, nextReminderOn: _n, ...rest } = p;
  return {
    ...rest,
    petitioner: maySeePetitioner(p, viewer) ? petitioner : null,
    stateLabel: PETITION_STATE_LABELS[p.state],
    badge: TIMED_PETITION_STATES.includes(p.state) ? deadlineBadge(cal, p.deadline, today) : null,
  };
}

/** What the audit trail keeps of a petition: everything but the petitioner. */
export function auditCopy(p: Petition | null): unknown {
  if (!p) return null;
  const { petitioner: _p, ...rest } = p;
  return rest;
}

export async function loadPetition(ctx: Ctx, user: User, id: string): Promise<Petition> {
  const p = await ctx.store.get('petitions', id);
  // Another center's petition is answered as missing: its existence is not disclosed.
  if (!p || p.centerId !== user.centerId) throw new AppError('NOT_FOUND', '对不起,没有找到该信访件,请刷新列表后再试。', [{ field: 'petitionId', message: '没有找到该信访件' }]);
  return p;
}

export async function requireOpen(ctx: Ctx, p: Petition, viewer: User): Promise<void> {
  const unit = p.unitId ? await unitStaff(ctx, p.centerId, p.unitId) : [];
  if (!mayOpen(p, viewer, unit)) {
    throw new AppError('FORBIDDEN', '对不起,此信访件由中心管理办公室、领导和承办单位办理,您不能查看;如有疑问,请联系中心管理办公室。');
  }
}

export interface Detail {
  petition: PetitionView;
  steps: PetitionStep[];
}

export async function detailFor(ctx: Ctx, p: Petition, viewer: User): Promise<Detail> {
  const [cal, steps] = await Promise.all([centerCalendar(ctx, p.centerId), ctx.store.find('petitionSteps', { where: { petitionId: p.id }, orderBy: [['at', 'asc']] })]);
  return { petition: redact(p, viewer, cal, todayOf(ctx)), steps };
}

/** Saves a change with its step and audit entry (no personal data in either), in one transaction. */
export async function saveChange(tx: TxOps, actor: { id: string; name: string }, before: Petition | null, after: Petition, step: { action: string; text: string }, at: string): Promise<void> {
  await (before ? tx.put('petitions', after) : tx.insert('petitions', after));
  await tx.insert('petitionSteps', { id: `ps-${crypto.randomUUID()}`, petitionId: after.id, centerId: after.centerId, at, actorName: actor.name, action: step.action, text: step.text });
  await appendAudit(tx, { centerId: after.centerId, at, actorId: actor.id, action: step.action, collection: 'petitions', recordId: after.id, before: auditCopy(before), after: auditCopy(after) });
}
