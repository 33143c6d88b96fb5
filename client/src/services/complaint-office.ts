/**
 * The office side of complaints (issue 9.10, R-CMP-2..7): which actions a viewer is offered on a
 * complaint, whom the office may choose as handler, and the days a handler may extend to. Pure,
 * so the weapp tests check it; the server refuses the same things (transitionProblem is shared).
 */
import type { ComplaintView } from '@shared/contracts/complaints';
import { replyForm, transitionProblem } from '@shared/domain/complaints';
import type { Role } from '@shared/domain/roles';
import { isComplainedAbout } from '@shared/domain/complaints';

export type OfficeAction = 'classify' | 'assign' | 'close' | 'extend' | 'reply' | 'document' | 'carriedOut' | 'archive';

type Viewed = Pick<ComplaintView, 'state' | 'outcome' | 'rating' | 'reviewRequestedAt' | 'classified' | 'handlerId' | 'channel' | 'reply' | 'subject'>;

/**
 * What the viewer may do now: the office classifies, assigns and closes (R-CMP-2, R-CMP-6); the
 * assigned handler extends and replies in the form received (R-CMP-3, R-CMP-4) and prints the
 * written reply; the office (which tracks every complaint to the end) or the admin records 执行
 * and 归档. The person complained about is offered nothing.
 */
export function offeredActions(c: Viewed, viewer: { id: string; role: Role }): OfficeAction[] {
  if (c.subject.staffId === viewer.id) return [];
  const can = (a: Exclude<OfficeAction, 'document'>): boolean => transitionProblem(a, c) === null;
  const out: OfficeAction[] = [];
  if (viewer.role === 'office') {
    if (can('classify')) out.push('classify');
    if (can('assign')) out.push('assign');
    if (can('close')) out.push('close');
  }
  const handler = c.handlerId === viewer.id && (viewer.role === 'staff' || viewer.role === 'office' || viewer.role === 'leader');
  if (handler) {
    if (can('extend')) out.push('extend');
    if (can('reply')) out.push('reply');
  }
  if ((handler || viewer.role === 'office' || viewer.role === 'leader') && c.reply?.form === 'written') out.push('document');
  if (viewer.role === 'admin' || viewer.role === 'office') {
    if (can('carriedOut')) out.push('carriedOut');
    if (can('archive')) out.push('archive');
  }
  return out;
}

/** The reply the handler must give: oral for phone/oral complaints, written otherwise (R-CMP-4). */
export const replyFormOf = (c: Pick<ComplaintView, 'channel'>): 'oral' | 'written' => replyForm(c.channel);

/** The handlers the office may choose: never the person complained about, nor the present handler (R-CMP-2). */
export function handlerChoices<P extends { id: string; windowId?: string }>(people: readonly P[], c: Pick<ComplaintView, 'subject' | 'handlerId'>): P[] {
  // The people the complaint is about are not offered (R-CMP-5): the one named, or the clerks of the window complained about.
  return people.filter((p) => !isComplainedAbout(c.subject, { ...p, role: 'staff' }) && p.id !== c.handlerId);
}

/** The first `n` working days after the present deadline: the choices for a new reply date (R-CMP-3). */
export function extensionDays(workingDays: readonly string[], deadline: string, n = 10): string[] {
  return [...new Set(workingDays)].filter((d) => d > deadline).sort().slice(0, n);
}

/** The tag style of a deadline badge: overdue in red, near in amber. */
export const badgeClass = (b: NonNullable<ComplaintView['badge']>): string => (b === 'overdue' ? 'tag tag--danger' : b === 'on_time' ? 'tag' : 'tag tag--warn');
