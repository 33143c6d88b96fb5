import { z } from 'zod';
import { action } from './define';
import { idField, okSchema } from './common';
import { NOTICE_KINDS, noticeSchema, outboxSchema } from '../domain/notices';

const ALL_ROLES = ['villager', 'agent', 'staff', 'office', 'leader', 'admin'] as const;

/** The `inbox` cloud function: in-app notices. */
export const inboxContract = {
  list: action({
    summary: "The caller's notices, newest first, with the unread count.",
    roles: ALL_ROLES,
    input: z.object({}).strict(),
    output: z.object({ notices: z.array(noticeSchema), unread: z.number().int() }),
  }),
  markRead: action({
    summary: 'Mark one notice (or all, without an id) as read.',
    roles: ALL_ROLES,
    input: z.object({ noticeId: idField('通知').optional() }).strict(),
    output: okSchema,
  }),
  templates: action({
    summary: 'The WeChat subscribe-message template ids configured for each kind of notice (empty when none).',
    roles: ALL_ROLES,
    input: z.object({}).strict(),
    output: z.object({ templates: z.array(z.object({ kind: z.enum(NOTICE_KINDS), templateId: z.string() })) }),
  }),
  recordConsent: action({
    summary: "Count each template the user accepted in requestSubscribeMessage: one 'accept' allows one message.",
    roles: ALL_ROLES,
    // WeChat's older clients take at most 3 templates per requestSubscribeMessage.
    input: z.object({ accepted: z.array(z.string().trim().min(1).max(64)).max(3, '一次最多订阅3个消息模板') }).strict(),
    output: z.object({ remaining: z.record(z.string(), z.number().int()) }),
  }),
  parked: action({
    summary: 'The office sees WeChat messages that failed every retry, to follow up by phone.',
    roles: ['office', 'admin'],
    input: z.object({}).strict(),
    output: z.object({ entries: z.array(outboxSchema.extend({ userName: z.string() })) }),
  }),
  retryParked: action({
    summary: 'Put a parked message back in the queue.',
    roles: ['office', 'admin'],
    input: z.object({ outboxId: idField('消息') }).strict(),
    output: okSchema,
  }),
  pushStatus: action({
    summary: 'Whether WeChat push is on: the kinds of notice with a template, and why push is off when the configuration is unusable.',
    roles: ['office', 'admin'],
    input: z.object({}).strict(),
    output: z.object({ on: z.boolean(), kinds: z.array(z.enum(NOTICE_KINDS)), problem: z.string().nullable() }),
  }),
  dispatch: action({
    summary: 'Run the WeChat message dispatcher now (it also runs on its timer).',
    roles: ['office', 'admin'],
    input: z.object({}).strict(),
    output: z.object({ sent: z.number().int(), skipped: z.number().int(), retried: z.number().int(), parked: z.number().int() }),
  }),
} as const;
