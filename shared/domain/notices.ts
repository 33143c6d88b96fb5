/** In-app notices (the inbox): what a user is told, e.g. that the center cancelled a booking. */
import { z } from 'zod';

export const noticeSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  userId: z.string(),
  kind: z.enum(['booking', 'case', 'deadline', 'authorization', 'visit', 'complaint', 'petition']),
  title: z.string(),
  body: z.string(),
  /** A page of the app the notice refers to, e.g. /pages/booking/index?id=… */
  link: z.string().optional(),
  createdAt: z.string(),
  readAt: z.string().optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** What a notice is about; each kind may have its own WeChat subscribe template (configuration). */
export const NOTICE_KINDS = ['booking', 'case', 'deadline', 'authorization', 'visit', 'complaint', 'petition'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const OUTBOX_STATUSES = ['pending', 'sent', 'skipped', 'parked'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A WeChat push waiting to go out (R-CASE-5/6 "never lost"): written in the same transaction as
 * the change and its inbox notice; the dispatcher sends it, retrying with backoff, and parks it
 * after MAX_ATTEMPTS for the office to see.
 */
export const outboxSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  noticeId: z.string(),
  userId: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string().optional(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  /** While a dispatcher holds it: until when ('' when free; a crashed dispatcher's hold lapses). */
  leaseUntil: z.string(),
  lastError: z.string().optional(),
  sentAt: z.string().optional(),
  /** Why no WeChat message was sent (no bound WeChat, no consent left, no template configured). */
  skippedReason: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof outboxSchema>;

export const MAX_ATTEMPTS = 8;

/** Backoff before try n+1 (n = tries so far): 1, 2, 4, 8 … minutes, capped at an hour. */
export const retryDelayMs = (attempts: number): number => Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
