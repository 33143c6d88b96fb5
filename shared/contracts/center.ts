import { z } from 'zod';
import { action } from './define';
import { dateField, idField, okSchema } from './common';
import { CALENDAR_KINDS } from '../domain/calendar';
import { MAX_SLOT_CAPACITY, SLOT_MINUTES } from '../domain/booking';
import { serviceWindowSchema } from '../domain/org';
import { postSchema } from '../domain/posts';

const entryView = z.object({ date: z.string(), kind: z.enum(CALENDAR_KINDS), note: z.string(), createdBy: z.string() });

/** The `center` cloud function: the admin's window schedules and calendar (R-BOOK-1). */
export const centerContract = {
  windows: action({
    summary: "The center's windows with their booking slot settings.",
    roles: ['staff', 'office', 'leader', 'admin'],
    input: z.object({}).strict(),
    output: z.object({ windows: z.array(serviceWindowSchema) }),
  }),
  saveWindowSchedule: action({
    summary: "Set a window's slot length and places per slot; existing bookings stay as booked.",
    roles: ['admin'],
    input: z
      .object({
        windowId: idField('窗口'),
        slotMinutes: z
          .number({ error: '请选择每个时段的分钟数' })
          .refine((m) => (SLOT_MINUTES as readonly number[]).includes(m), `每个时段的分钟数请从 ${SLOT_MINUTES.join('、')} 中选择`),
        slotCapacity: z
          .number({ error: '请填写每个时段可预约人数' })
          .int('可预约人数请填写整数')
          .min(1, '每个时段至少可预约1人')
          .max(MAX_SLOT_CAPACITY, `每个时段最多可预约${MAX_SLOT_CAPACITY}人`),
      })
      .strict(),
    output: z.object({ window: serviceWindowSchema }),
  }),
  calendar: action({
    summary: "The center's calendar entries for a year, and whether that year's official holidays are known.",
    roles: ['villager', 'agent', 'staff', 'office', 'leader', 'admin'],
    input: z.object({ year: z.number().int().min(2020).max(2100) }).strict(),
    output: z.object({ entries: z.array(entryView), yearKnown: z.boolean() }),
  }),
  saveCalendarEntry: action({
    summary: 'Admin enters an official holiday or adjusted working day (a new year), or a closure day. A closure cancels that day\'s bookings, with notices.',
    roles: ['admin'],
    input: z
      .object({
        date: dateField(),
        kind: z.enum(CALENDAR_KINDS, { error: '请选择类型:放假、调休上班或闭馆' }),
        note: z.string({ error: '请填写说明' }).trim().min(2, '请填写说明,如:春节、设备检修').max(60, '说明请不超过60个字'),
      })
      .strict(),
    output: z.object({ entry: entryView, cancelledBookings: z.number().int() }),
  }),
  posts: action({
    summary: "The center's A/B posts (R-CASE-6) and its staff to choose from.",
    roles: ['office', 'admin'],
    input: z.object({}).strict(),
    output: z.object({
      posts: z.array(postSchema.extend({ windowName: z.string(), aName: z.string(), bName: z.string() })),
      staff: z.array(z.object({ id: z.string(), name: z.string(), windowId: z.string() })),
    }),
  }),
  savePost: action({
    summary: "Set a window's A and B: two different staff members of the center. Open cases stay with their handler.",
    roles: ['admin'],
    input: z
      .object({ windowId: idField('窗口'), aId: idField('A岗人员'), bId: idField('B岗人员') })
      .strict()
      .refine((p) => p.aId !== p.bId, { message: '对不起,A岗和B岗须是两位不同的工作人员,请为B岗另选一位。', path: ['bId'] }),
    output: z.object({ post: postSchema }),
  }),
  removeCalendarEntry: action({
    summary: 'Admin removes a calendar entry entered by mistake.',
    roles: ['admin'],
    input: z.object({ date: dateField() }).strict(),
    output: okSchema,
  }),
} as const;
