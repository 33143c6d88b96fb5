import { z } from 'zod';
import { action } from './define';
import { idField, okSchema } from './common';
import { noticeSchema } from '../domain/notices';

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
} as const;
