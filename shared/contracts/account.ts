import { z } from 'zod';
import { action } from './define';
import { idField, okSchema } from './common';
import { publicUserSchema } from '../domain/org';

/** Roles given by the center, never taken: they come to a WeChat only through an invite. */
export const APPOINTED_ROLES = ['staff', 'office', 'leader', 'admin', 'agent', 'pad'] as const;

const inviteCode = z.string({ error: '请输入邀请码' }).trim().regex(/^\d{8}$/, '邀请码为8位数字,请向中心管理员核对');

/** What a person may see of the data the center holds about them (PIPL art. 44–47). */
const heldCategorySchema = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  /** What happens to it when the account is erased, in plain words. */
  onErase: z.string(),
});

/**
 * The `account` cloud function: who the caller is. In WeChat the caller is the OPENID of the
 * call's context, never anything the client sends; a villager's record is made on first
 * contact, staff roles come only from an admin's invite, and a center's first admin only from
 * the deploy's one-time setup code.
 */
export const accountContract = {
  me: action({
    summary:
      'The signed-in user. In WeChat a first contact creates a villager record in the chosen center (centerId, or the scene of the QR code the center prints); without either, user is null and the app asks for the center.',
    roles: 'public',
    input: z
      .object({
        centerId: idField('服务中心').optional(),
        /** The scene of a mini-program code the center prints, e.g. "c=c-baisha". */
        scene: z.string().trim().max(64).optional(),
      })
      .strict(),
    output: z.object({
      user: publicUserSchema.nullable(),
      created: z.boolean(),
      /** The server's time (ISO): the app counts 今天 and 明天 by it, not by a phone's clock that may be wrong. */
      now: z.string(),
    }),
  }),
  updateProfile: action({
    summary: 'A villager or agent sets the name and village the center sees on their bookings.',
    roles: ['villager', 'agent'],
    input: z
      .object({
        name: z.string({ error: '请填写您的姓名' }).trim().min(2, '请填写您的姓名,至少2个字').max(20, '姓名请不超过20个字'),
        villageId: idField('所在村(社区)').optional(),
      })
      .strict(),
    output: z.object({ user: publicUserSchema }),
  }),
  myData: action({
    summary: 'What the center holds about the caller, by category, and what erasing the account would do with each.',
    roles: ['villager', 'agent', 'staff', 'office', 'leader', 'admin'],
    input: z.object({}).strict(),
    output: z.object({
      user: publicUserSchema,
      wechatBound: z.boolean(),
      categories: z.array(heldCategorySchema),
      /** Why erasing is not possible right now (open bookings or cases, a staff account), if so. */
      eraseBlockedBy: z.array(z.string()),
    }),
  }),
  eraseMe: action({
    summary:
      "Erase the caller's account: personal data deleted or anonymised, the WeChat link removed; the center's records of served matters are kept, anonymised, as the rules require.",
    roles: ['villager'],
    input: z.object({ confirm: z.literal(true, { error: '请确认注销账号' }) }).strict(),
    output: okSchema,
  }),
  people: action({
    summary: "The admin's list of the center's appointed people (staff, office, leaders, admins, village agents), with whether each has bound a WeChat and an open invite.",
    roles: ['admin'],
    input: z.object({}).strict(),
    output: z.object({
      people: z.array(
        publicUserSchema.extend({ wechatBound: z.boolean(), inviteExpiresAt: z.string().nullable(), windowName: z.string(), villageName: z.string() }),
      ),
    }),
  }),
  addPerson: action({
    summary: 'The admin adds an appointed person (staff of a window, office, leader, admin, or the agent of a village); they bind their WeChat with an invite.',
    roles: ['admin'],
    input: z
      .object({
        name: z.string({ error: '请填写姓名' }).trim().min(2, '请填写姓名,至少2个字').max(20, '姓名请不超过20个字'),
        role: z.enum(APPOINTED_ROLES, { error: '请选择岗位' }),
        windowId: idField('所在窗口').optional(),
        villageId: idField('负责的村(社区)').optional(),
      })
      .strict(),
    output: z.object({ user: publicUserSchema }),
  }),
  issueInvite: action({
    summary: 'Admin issues a one-time invite code (valid 7 days) for an appointed person of their center (staff, office, leader, admin, agent).',
    roles: ['admin'],
    input: z.object({ userId: z.string().trim().min(1, '请选择工作人员').max(64) }).strict(),
    output: z.object({ code: z.string(), expiresAt: z.string(), scene: z.string() }),
  }),
  bindInvite: action({
    summary: "In WeChat: bind the caller's OPENID to the user the invite code (typed, or from the invite's QR scene) was issued for.",
    roles: 'public',
    input: z.object({ code: inviteCode }).strict(),
    output: z.object({ user: publicUserSchema }),
  }),
  setupAdmin: action({
    summary: "In WeChat, once per center: the deploy's one-time setup code makes the caller the center's first admin.",
    roles: 'public',
    input: z
      .object({
        code: z.string({ error: '请输入初始化口令' }).trim().min(12, '初始化口令不正确,请向部署人员核对').max(128),
        centerId: idField('服务中心'),
        name: z.string({ error: '请填写管理员姓名' }).trim().min(2, '请填写管理员姓名,至少2个字').max(20, '姓名请不超过20个字'),
      })
      .strict(),
    output: z.object({ user: publicUserSchema }),
  }),
} as const;
