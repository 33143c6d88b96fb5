/** The `complaints` cloud function (R-CMP-1..7): intake, routing to the office, replies, findings. */
import { z } from 'zod';
import { action } from './define';
import { dateField, idField, reasonField } from './common';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_CLASSES,
  COMPLAINT_STATES,
  complaintSchema,
  complaintStepSchema,
  REGISTERED_CHANNELS,
  REPLY_MEANS,
  SUBJECT_KINDS,
} from '../domain/complaints';

const badge = z.enum(['overdue', 'due_today', 'due_soon', 'on_time']);

/**
 * A complaint as any caller receives it: identity and contact only in `complainant`, filled
 * only for the office, the assigned handler, the center's leaders and the complainant (R-CMP-5).
 */
export const complaintView = complaintSchema
  .omit({ secretHash: true, complainantUserId: true, complainantName: true, complainantContact: true, agentId: true, residentId: true, registeredById: true, nextReminderOn: true })
  .extend({
    complainant: z.object({ name: z.string(), contact: z.string() }).nullable(),
    /** shown; hidden (the viewer may not see it); anonymous (nobody at the center may). */
    identity: z.enum(['shown', 'hidden', 'anonymous']),
    stateLabel: z.string(),
    classLabel: z.string(),
    channelLabel: z.string(),
    progress: z.array(z.object({ state: z.enum(COMPLAINT_STATES), label: z.string(), done: z.boolean(), current: z.boolean() })),
    badge: badge.nullable(),
  });
export type ComplaintView = z.infer<typeof complaintView>;

const detail = z.object({ complaint: complaintView, steps: z.array(complaintStepSchema) });
const complaintId = idField('投诉');

const facts = z.string({ error: '请填写投诉的事实经过' }).trim().min(5, '请填写投诉的事实经过,至少5个字,谢谢').max(1000, '事实经过请不超过1000个字');
const wants = z.string({ error: '请填写您的诉求' }).trim().min(2, '请填写您的诉求,如:希望窗口改进服务态度').max(300, '诉求请不超过300个字');
const subjectFields = {
  subjectKind: z.enum(SUBJECT_KINDS, { error: '请选择投诉对象:窗口、工作人员、办件、预约或中心' }),
  windowId: idField('被投诉的窗口').optional(),
  staffId: idField('被投诉的工作人员').optional(),
  caseId: idField('办件').optional(),
  bookingId: idField('预约').optional(),
};
const contact = z.string().trim().regex(/^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, '联系电话格式不正确,请填写11位手机号或带区号的固定电话');

const filed = z.object({ complaint: complaintView, trackingNumber: z.string(), secret: z.string() });

export const complaintsContract = {
  file: action({
    summary: 'A villager, or an agent for a resident it acts for, files a complaint in the app; the tracking number comes back at once.',
    roles: ['villager', 'agent'],
    input: z
      .object({
        ...subjectFields,
        facts,
        wants,
        anonymous: z.boolean().default(false),
        major: z.boolean().default(false),
        residentId: idField('代办群众').optional(),
        contact: contact.optional(),
      })
      .strict(),
    output: filed,
  }),
  register: action({
    summary: 'Staff at any window (first-ask) or the office register a complaint received by phone, orally, in writing or through the suggestion box.',
    roles: ['staff', 'office'],
    input: z
      .object({
        channel: z.enum(REGISTERED_CHANNELS, { error: '请选择投诉渠道:电话、当面口头、书面信件或意见箱' }),
        ...subjectFields,
        facts,
        wants,
        anonymous: z.boolean().default(false),
        major: z.boolean().default(false),
        name: z.string().trim().min(1).max(20, '姓名请不超过20个字').optional(),
        contact: contact.optional(),
      })
      .strict(),
    output: filed,
  }),
  mine: action({
    summary: 'The villager or agent: their complaints with progress along the steps.',
    roles: ['villager', 'agent'],
    input: z.object({}).strict(),
    output: z.object({ complaints: z.array(complaintView) }),
  }),
  track: action({
    summary: 'Anyone with the tracking number and its secret (anonymous complaints): the progress and the reply.',
    roles: 'public',
    input: z
      .object({
        number: z.string({ error: '请填写投诉编号' }).trim().min(4, '请填写投诉编号').max(40, '投诉编号不正确,请核对'),
        secret: z.string({ error: '请填写查询码' }).trim().min(4, '请填写查询码').max(40, '查询码不正确,请核对'),
      })
      .strict(),
    output: detail,
  }),
  queue: action({
    summary: "The office (and leaders): the center's complaints, overdue first; filter by class, step and due state.",
    roles: ['office', 'leader'],
    input: z
      .object({
        klass: z.enum(COMPLAINT_CLASSES).optional(),
        state: z.enum(COMPLAINT_STATES).optional(),
        due: badge.optional(),
      })
      .strict(),
    output: z.object({ complaints: z.array(complaintView) }),
  }),
  assigned: action({
    summary: 'The complaints assigned to the caller as handler, overdue first.',
    roles: ['staff', 'office', 'leader'],
    input: z.object({}).strict(),
    output: z.object({ complaints: z.array(complaintView) }),
  }),
  get: action({
    summary: 'One complaint with its steps, redacted for the viewer (R-CMP-5).',
    roles: ['villager', 'agent', 'staff', 'office', 'leader', 'admin'],
    input: z.object({ complaintId }).strict(),
    output: detail,
  }),
  classify: action({
    summary: 'The office classifies: general, complex or multi-unit, major (major: leaders and the duty leader told at once, marked for 纪检监察).',
    roles: ['office'],
    input: z.object({ complaintId, klass: z.enum(COMPLAINT_CLASSES, { error: '请选择投诉类别' }) }).strict(),
    output: detail,
  }),
  assign: action({
    summary: 'The office assigns a handler of the center, never the person complained about; re-assignment keeps the trail.',
    roles: ['office'],
    input: z.object({ complaintId, handlerId: idField('承办人'), note: z.string().trim().max(200, '说明请不超过200个字').default('') }).strict(),
    output: detail,
  }),
  extend: action({
    summary: 'The handler cannot meet the limit: why and the new date; the complainant is told at once.',
    roles: ['staff', 'office', 'leader'],
    input: z.object({ complaintId, reason: reasonField('延期原因'), newDate: dateField('新的答复日期') }).strict(),
    output: detail,
  }),
  close: action({
    summary: 'The office records the findings (处理): substantiated or not, and the measure taken.',
    roles: ['office'],
    input: z
      .object({
        complaintId,
        substantiated: z.boolean({ error: '请选择投诉是否属实' }),
        findings: z.string({ error: '请填写核查情况' }).trim().min(5, '请填写核查情况,至少5个字').max(1000, '核查情况请不超过1000个字'),
        measure: z.string().trim().max(300, '处理措施请不超过300个字').default(''),
      })
      .strict()
      .refine((c) => !c.substantiated || c.measure.length >= 2, { message: '投诉属实的,请填写处理措施', path: ['measure'] }),
    output: detail,
  }),
  reply: action({
    summary: 'The assigned handler replies in the form received: oral/phone → a recorded oral reply; written/in-app → a written reply.',
    roles: ['staff', 'office', 'leader'],
    input: z
      .object({
        complaintId,
        text: z.string({ error: '请填写答复内容' }).trim().min(5, '请填写答复内容,至少5个字').max(2000, '答复内容请不超过2000个字'),
        means: z.enum(REPLY_MEANS, { error: '请选择答复方式:电话或当面' }).optional(),
      })
      .strict(),
    output: detail,
  }),
  document: action({
    summary: 'The written reply (投诉答复书), ready to print on A4.',
    roles: ['villager', 'agent', 'staff', 'office', 'leader'],
    input: z.object({ complaintId }).strict(),
    output: z.object({
      title: z.string(),
      centerName: z.string(),
      number: z.string(),
      addressee: z.string(),
      paragraphs: z.array(z.string()),
      handlerName: z.string(),
      issuedOn: z.string(),
      phone: z.string(),
    }),
  }),
  rate: action({
    summary: 'The complainant says whether the reply satisfied them.',
    roles: ['villager', 'agent'],
    input: z.object({ complaintId, satisfied: z.boolean({ error: '请选择满意或不满意' }) }).strict(),
    output: detail,
  }),
  requestReview: action({
    summary: 'An unsatisfied complainant asks the office to review, once.',
    roles: ['villager', 'agent'],
    input: z.object({ complaintId, reason: reasonField('申请复核的理由') }).strict(),
    output: detail,
  }),
  carriedOut: action({
    summary: 'The office (which tracks every complaint to the end) or the admin records that the measure was carried out (执行).',
    roles: ['office', 'admin'],
    input: z.object({ complaintId, note: reasonField('执行情况') }).strict(),
    output: detail,
  }),
  archive: action({
    summary: 'The office or the admin archives (归档) a replied complaint.',
    roles: ['office', 'admin'],
    input: z.object({ complaintId }).strict(),
    output: detail,
  }),
  flags: action({
    summary: 'The office and leaders: 通报/下岗 flags of staff and windows over a rolling 12 months, with the complaints behind them (R-CMP-6).',
    roles: ['office', 'leader'],
    input: z.object({}).strict(),
    output: z.object({
      flags: z.array(
        z.object({
          subjectKind: z.enum(['staff', 'window']),
          subjectId: z.string(),
          name: z.string(),
          level: z.enum(['notice', 'dismissal']),
          levelLabel: z.string(),
          raisedOn: z.string(),
          complaints: z.array(z.object({ id: z.string(), number: z.string(), closedOn: z.string(), findings: z.string() })),
        }),
      ),
    }),
  }),
  monthFigures: action({
    summary: 'Public (公布): per month, complaints received by channel and class, answered on time, substantiated; no personal data.',
    roles: 'public',
    input: z.object({ centerId: idField('服务中心'), year: z.number({ error: '请选择年份' }).int().min(2020, '年份不正确').max(2100, '年份不正确') }).strict(),
    output: z.object({
      months: z.array(
        z.object({
          month: z.string(),
          received: z.number().int(),
          byChannel: z.record(z.enum(COMPLAINT_CHANNELS), z.number().int()),
          byClass: z.record(z.enum(COMPLAINT_CLASSES), z.number().int()),
          answered: z.number().int(),
          answeredOnTime: z.number().int(),
          substantiated: z.number().int(),
        }),
      ),
    }),
  }),
} as const;

