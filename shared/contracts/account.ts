import { z } from 'zod';
import { action } from './define';
import { publicUserSchema } from '../domain/org';

/** The `account` cloud function: who the caller is, and binding staff WeChat accounts. */
export const accountContract = {
  me: action({
    summary: 'The signed-in user.',
    roles: ['villager', 'agent', 'staff', 'office', 'leader', 'admin'],
    input: z.object({}).strict(),
    output: z.object({ user: publicUserSchema }),
  }),
  issueInvite: action({
    summary: 'Admin issues a one-time invite code (valid 7 days) for a staff member of their center.',
    roles: ['admin'],
    input: z.object({ userId: z.string().trim().min(1, '请选择工作人员').max(64) }).strict(),
    output: z.object({ code: z.string(), expiresAt: z.string() }),
  }),
  bindInvite: action({
    summary: "In WeChat: bind the caller's OPENID to the user the invite code was issued for.",
    roles: 'public',
    input: z
      .object({ code: z.string().trim().regex(/^\d{8}$/, '邀请码为8位数字,请向中心管理员核对') })
      .strict(),
    output: z.object({ user: publicUserSchema }),
  }),
} as const;
