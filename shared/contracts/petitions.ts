/** The `petitions` cloud function (信访, R-PET-1..3). */
import { z } from 'zod';
import { action } from './define';
import { idField, okSchema } from './common';
import { DAY_COUNTS, GENDERS, PETITION_FORMS, petitionerSchema, petitionSchema, petitionStepSchema, REPLY_MODES } from '../domain/petitions';

const str = z.string();

/** Personal data only for the office, leaders and the assigned person; else null. */
export const petitionView = petitionSchema
  .omit({ petitioner: true, registeredById: true, nextReminderOn: true })
  .extend({ petitioner: petitionerSchema.nullable(), stateLabel: str, badge: z.enum(['overdue', 'due_today', 'due_soon', 'on_time']).nullable() });
export type PetitionView = z.infer<typeof petitionView>;

const petitionId = idField('信访件');
const detail = z.object({ petition: petitionView, steps: z.array(petitionStepSchema) });
const text = (label: string, min: number, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(min, `请填写${label}`).max(max, `${label}请不超过${max}个字`);
const settings = z.object({ dayCount: z.enum(DAY_COUNTS, { error: '请选择按工作日或自然日计算' }) });
const STAFF = ['staff', 'office', 'leader'] as const;

export const petitionsContract = {
  register: action({
    summary: 'Register a petition.',
    roles: [...STAFF],
    input: z
      .object({
        form: z.enum(PETITION_FORMS, { error: '请选择信访形式:来访、来信、来电或网上' }),
        name: text('姓名', 1, 20),
        gender: z.enum(GENDERS, { error: '请选择性别' }),
        age: z.number({ error: '请填写年龄' }).int('年龄请填写整数').min(1, '年龄不正确,请核对').max(120, '年龄不正确,请核对'),
        occupation: text('职业', 1, 30),
        addressOrUnit: text('住址或工作单位', 2, 60),
        politicalStatus: z.string().trim().max(20, '政治面貌请不超过20个字').optional(),
        mainIssue: text('反映的主要问题', 5, 1000),
        headcount: z.number({ error: '请填写来访人数' }).int().min(1, '来访人数至少1人').max(1000, '来访人数不正确,请核对').default(1),
        urgent: z.boolean().default(false),
        unitId: idField('涉及的单位').optional(),
      })
      .strict(),
    output: detail,
  }),
  list: action({
    summary: "The center's petitions.",
    roles: [...STAFF],
    input: z.object({}).strict(),
    output: z.object({ petitions: z.array(petitionView) }),
  }),
  get: action({ summary: 'One petition.', roles: [...STAFF], input: z.object({ petitionId }).strict(), output: detail }),
  assign: action({
    summary: 'Assign to a unit and a person.',
    roles: ['office'],
    input: z.object({ petitionId, unitId: idField('承办单位'), assigneeId: idField('承办人') }).strict(),
    output: detail,
  }),
  reply: action({
    summary: 'The assignee replies.',
    roles: [...STAFF],
    input: z.object({ petitionId, mode: z.enum(REPLY_MODES, { error: '请选择答复方式' }), summary: text('答复要点', 5, 1000) }).strict(),
    output: detail,
  }),
  leaderReception: action({
    summary: 'A leader records a reception.',
    roles: ['leader'],
    input: z.object({ petitionId, summary: text('接待情况', 5, 1000) }).strict(),
    output: detail,
  }),
  close: action({ summary: 'Close.', roles: ['office'], input: z.object({ petitionId }).strict(), output: detail }),
  document: action({
    summary: 'A4 事项交办单 or 告知书.',
    roles: [...STAFF],
    input: z.object({ petitionId, kind: z.enum(['assignment', 'notice'], { error: '请选择交办单或告知书' }) }).strict(),
    output: z.object({ title: str, centerName: str, number: str, addressee: str, paragraphs: z.array(str), issuedOn: str, phone: str }),
  }),
  settings: action({ summary: 'Day count setting.', roles: ['admin'], input: z.object({}).strict(), output: settings }),
  saveSettings: action({ summary: 'Save the setting.', roles: ['admin'], input: settings.strict(), output: okSchema }),
} as const;
