/** A/B posts, leave periods and the leaders' duty roster (R-CASE-6, R-DUTY-1). */
import { z } from 'zod';
import { LEAVE_KINDS } from './cases';

export const postSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  windowId: z.string(),
  name: z.string(),
  /** A: the primary; B: the backup who takes A's cases and reminders while A is away. */
  aId: z.string(),
  bId: z.string(),
});
export type Post = z.infer<typeof postSchema>;

export const leaveSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  userId: z.string(),
  kind: z.enum(LEAVE_KINDS),
  from: z.string(),
  to: z.string(),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Leave = z.infer<typeof leaveSchema>;

/**
 * One published duty day (R-DUTY-1); id `duty:<centerId>:<date>`, written when a roster is
 * published. Several leaders may share a day (`leaderIds`); documents from before carry one
 * `leaderId` — read both through dutyLeaderIds (shared/domain/duty.ts).
 */
export const dutySchema = z.object({ id: z.string(), centerId: z.string(), date: z.string(), leaderIds: z.array(z.string()).optional(), leaderId: z.string().optional() });
export type Duty = z.infer<typeof dutySchema>;

export const trailSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  centerId: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.string(),
  /** What happened, in the words the applicant reads on their timeline. */
  text: z.string(),
  /** Internal steps (a reminder, an acting handler) are shown to staff and the office only. */
  public: z.boolean(),
});
export type TrailEntry = z.infer<typeof trailSchema>;
