import { z } from 'zod';
import { action } from './define';
import { dateField, idField, okSchema, reasonField } from './common';
import { caseSchema, DEADLINE_BADGE_LABELS, LEAVE_KINDS, REMINDER_STAGES } from '../domain/cases';
import { materialSchema } from '../domain/catalog';
import { leaveSchema, trailSchema } from '../domain/posts';

const STAFF_SIDE = ['staff', 'office', 'leader', 'admin'] as const;
const badge = z.enum(Object.keys(DEADLINE_BADGE_LABELS) as ['overdue', 'due_today', 'due_soon', 'on_time']);

/** A case as listed: with who acts for it today and how its deadline stands. */
export const caseView = caseSchema.extend({
  actingHandlerId: z.string().nullable(),
  actingHandlerName: z.string(),
  badge: badge.nullable(),
  workingDaysLeft: z.number().int().nullable(),
  windowName: z.string(),
});

const caseDetail = z.object({
  case: caseView,
  trail: z.array(trailSchema),
  materials: z.array(materialSchema),
  promisedDays: z.number().int(),
  forwardedItem: z.boolean(),
  forwardedTo: z.string(),
});

const caseId = idField('办件');
const result = z.string({ error: '请填写办理结果' }).trim().min(2, '请填写办理结果,如:已办结,证件已发放').max(300, '办理结果请不超过300个字');

export const DOCUMENT_KINDS = ['acceptance', 'supplement', 'rejection', 'forward', 'done'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The `cases` cloud function: cases under promised time limits (R-CASE-1..7). */
export const casesContract = {
  mine: action({
    summary: "Staff: the open cases they handle today (also as B for an absent A) or follow as first-ask person, by deadline.",
    roles: ['staff'],
    input: z.object({}).strict(),
    output: z.object({ handling: z.array(caseView), following: z.array(caseView) }),
  }),
  get: action({
    summary: 'One case with its trail (the applicant sees the public steps, staff and office all of them).',
    roles: ['villager', 'agent', ...STAFF_SIDE],
    input: z.object({ caseId }).strict(),
    output: caseDetail,
  }),
  registerWalkIn: action({
    summary: 'Staff register a visitor who came without booking; they become the first-ask person.',
    roles: ['staff'],
    input: z
      .object({
        itemId: idField('办理事项'),
        applicantName: z.string({ error: '请填写办事人姓名' }).trim().min(2, '请填写办事人姓名').max(20, '姓名请不超过20个字'),
        residentId: idField('代办群众').optional(),
        agentId: idField('代办员').optional(),
      })
      .strict(),
    output: caseDetail,
  }),
  supplement: action({
    summary: 'Issue the one material-supplement notice of the case, listing every missing material (R-CASE-3).',
    roles: ['staff'],
    input: z
      .object({
        caseId,
        missing: z.array(z.string().trim().min(1)).min(1, '请勾选群众缺少的全部材料'),
        note: z.string().trim().max(200, '补充说明请不超过200个字').default(''),
      })
      .strict(),
    output: caseDetail,
  }),
  resubmitted: action({
    summary: 'The applicant brought the missing materials: the case moves on to an outcome.',
    roles: ['staff'],
    input: z.object({ caseId }).strict(),
    output: caseDetail,
  }),
  accept: action({
    summary: 'Accept the case: deadline = today + the promised working days (R-CASE-2).',
    roles: ['staff'],
    input: z.object({ caseId }).strict(),
    output: caseDetail,
  }),
  doneOnSpot: action({
    summary: 'Done on the spot (即收即办), for 0-day items or simple matters.',
    roles: ['staff'],
    input: z.object({ caseId, result }).strict(),
    output: caseDetail,
  }),
  reject: action({
    summary: 'Not accepted, with the reasons in writing.',
    roles: ['staff'],
    input: z.object({ caseId, reasons: z.array(reasonField('不予受理的理由')).min(1, '请写明不予受理的理由') }).strict(),
    output: caseDetail,
  }),
  forward: action({
    summary: 'Forward to the higher authority (转报) with the committed date.',
    roles: ['staff'],
    input: z.object({ caseId, committedDate: dateField('承诺办结日期') }).strict(),
    output: caseDetail,
  }),
  transfer: action({
    summary: 'Transfer to a named staff member of another window (R-CASE-4); the first-ask person stays.',
    roles: ['staff'],
    input: z.object({ caseId, toUserId: idField('接收的工作人员'), note: reasonField('转办说明') }).strict(),
    output: caseDetail,
  }),
  complete: action({
    summary: 'Record the result of an accepted or forwarded case and close it.',
    roles: ['staff'],
    input: z.object({ caseId, result }).strict(),
    output: caseDetail,
  }),
  document: action({
    summary: 'The written notice of an outcome, ready to print on A4 (受理/补正/不予受理/转报/办结).',
    roles: ['villager', 'agent', ...STAFF_SIDE],
    input: z.object({ caseId, kind: z.enum(DOCUMENT_KINDS, { error: '请选择通知书类型' }) }).strict(),
    output: z.object({
      kind: z.enum(DOCUMENT_KINDS),
      title: z.string(),
      centerName: z.string(),
      caseNumber: z.string(),
      applicantName: z.string(),
      itemName: z.string(),
      windowName: z.string(),
      paragraphs: z.array(z.string()),
      list: z.array(z.string()),
      handlerName: z.string(),
      issuedOn: z.string(),
      phone: z.string(),
    }),
  }),
  staff: action({
    summary: "The center's staff with their posts and whether they are away today (for transfers).",
    roles: STAFF_SIDE,
    input: z.object({}).strict(),
    output: z.object({
      staff: z.array(z.object({ id: z.string(), name: z.string(), windowId: z.string(), windowName: z.string(), awayToday: z.boolean(), backupName: z.string() })),
    }),
  }),
  overdue: action({
    summary: 'The office and leaders: open cases past their deadline.',
    roles: ['office', 'leader', 'admin'],
    input: z.object({}).strict(),
    output: z.object({ cases: z.array(caseView) }),
  }),
  myMatters: action({
    summary: 'A villager or agent: the cases they are the applicant (or agent) of.',
    roles: ['villager', 'agent'],
    input: z.object({}).strict(),
    output: z.object({ cases: z.array(caseView) }),
  }),
  sweep: action({
    summary: 'Run the deadline sweep now (it also runs on its timer).',
    roles: ['office', 'admin'],
    input: z.object({}).strict(),
    output: z.object({ due: z.number().int(), notices: z.number().int(), stages: z.array(z.enum(REMINDER_STAGES)) }),
  }),
  leaves: action({
    summary: 'Leave periods: staff see their own, the office and admin all of the center.',
    roles: STAFF_SIDE,
    input: z.object({}).strict(),
    output: z.object({ leaves: z.array(leaveSchema.extend({ userName: z.string() })) }),
  }),
  addLeave: action({
    summary: 'Staff enter their own leave, training or trip; the admin anyone\'s. B takes over meanwhile.',
    roles: ['staff', 'admin'],
    input: z
      .object({
        userId: idField('工作人员').optional(),
        kind: z.enum(LEAVE_KINDS, { error: '请选择请假、培训或出差' }),
        from: dateField('开始日期'),
        to: dateField('结束日期'),
        note: z.string().trim().max(100, '说明请不超过100个字').default(''),
      })
      .strict()
      .refine((l) => l.to >= l.from, { message: '结束日期不能早于开始日期', path: ['to'] }),
    output: z.object({ leave: leaveSchema }),
  }),
  removeLeave: action({
    summary: 'Remove a leave period entered by mistake.',
    roles: ['staff', 'admin'],
    input: z.object({ leaveId: idField('请假记录') }).strict(),
    output: okSchema,
  }),
} as const;
