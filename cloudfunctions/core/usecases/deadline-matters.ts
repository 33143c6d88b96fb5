/**
 * What a deadline-bearing matter (a case, a complaint, a petition, a bad review's rectification)
 * plugs into the one sweep (DESIGN.md "Matters with deadlines"): its collection, its running
 * deadline, the stages already sent, and how one stage is told (recipients, message, trail).
 * The sweep owns the rest: the indexed nextReminderOn query, one transaction per matter, the
 * fixed key per (matter, stage, deadline), the scope and the stop signal.
 */
import type { ReminderStage } from '../../../shared/domain/cases';
import type { WorkCalendar } from '../../../shared/domain/calendar';
import type { User } from '../../../shared/domain/org';
import type { Leave, Post } from '../../../shared/domain/posts';
import type { Doc, TxOps } from '../store/port';

/** What the sweep loads once per center and hands to every plug-in. */
export interface CenterContext {
  cal: WorkCalendar;
  leaves: Leave[];
  office: User[];
  leaders: User[];
  dutyLeaders: User[];
  posts: Map<string, Post>;
  names: Map<string, string>;
}

export type MatterCollection = 'cases' | 'complaints' | 'petitions' | 'rectifications';

export interface MatterKind<C extends MatterCollection> {
  collection: C;
  /** The deadline the matter still runs against, or null when reminders are over for it. */
  deadline(m: Doc<C>): string | null;
  sent(m: Doc<C>): readonly ReminderStage[];
  /**
   * Tells one stage inside the sweep's transaction (notices under `key`, a trail step);
   * returns how many notices were written.
   */
  remind(tx: TxOps, m: Doc<C>, stage: ReminderStage, key: string, center: CenterContext, today: string, at: string): Promise<number>;
  /** The matter with the stages recorded and its next reminder date (absent when none). */
  withReminders(m: Doc<C>, stages: readonly ReminderStage[], next: string | null): Doc<C>;
}

/** A matter with the stages just sent recorded and its next reminder date (absent when none). */
export function withRemindersSent<M extends { remindersSent: ReminderStage[]; nextReminderOn?: string }>(m: M, stages: readonly ReminderStage[], next: string | null): M {
  const updated: M = { ...m, remindersSent: [...m.remindersSent, ...stages] };
  if (next) updated.nextReminderOn = next;
  else delete updated.nextReminderOn;
  return updated;
}
