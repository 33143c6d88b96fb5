import { z } from 'zod';
import { action } from './define';
import { dateField, idField, reasonField, timeField } from './common';
import { bookingSchema, DOOR_REASONS, visitSchema } from '../domain/booking';
import { materialSchema, itemSummarySchema } from '../domain/catalog';
import { serviceWindowSchema } from '../domain/org';

const slotView = z.object({ start: z.string(), end: z.string(), left: z.number().int(), capacity: z.number().int() });
const freeSlot = z.object({ date: z.string(), start: z.string(), end: z.string(), left: z.number().int() });
const bookingDetail = z.object({
  booking: bookingSchema,
  window: serviceWindowSchema,
  materials: z.array(materialSchema),
  centerName: z.string(),
  centerAddress: z.string(),
});

/** The `booking` cloud function: slots, bookings, door-to-door requests (R-BOOK-1..5). */
export const bookingContract = {
  options: action({
    summary: 'The bookable days and slots of an item, with places left.',
    roles: ['villager', 'agent'],
    input: z.object({ itemId: idField('事项') }).strict(),
    output: z.object({
      item: itemSummarySchema,
      window: serviceWindowSchema,
      days: z.array(z.object({ date: z.string(), label: z.string(), slots: z.array(slotView) })),
    }),
  }),
  create: action({
    summary: 'Book a slot, for oneself (villager) or for an authorised resident (agent). Same requestId → same booking.',
    roles: ['villager', 'agent'],
    input: z
      .object({ itemId: idField('事项'), date: dateField('预约日期'), start: timeField('预约时段'), residentId: idField('代办群众').optional() })
      .strict(),
    output: bookingDetail,
  }),
  mine: action({
    summary: "The caller's bookings: made by them, or made for them by an agent.",
    roles: ['villager', 'agent'],
    input: z.object({}).strict(),
    output: z.object({ bookings: z.array(bookingSchema) }),
  }),
  held: action({
    summary: "The caller's bookings of an item still to come (status booked, today or later), shown before a new one is made.",
    roles: ['villager', 'agent'],
    input: z.object({ itemId: idField('事项') }).strict(),
    output: z.object({ bookings: z.array(bookingSchema) }),
  }),
  get: action({
    summary: 'One booking with its window and the complete material checklist (one-time notification).',
    roles: ['villager', 'agent', 'staff', 'office', 'admin'],
    input: z.object({ bookingId: idField('预约') }).strict(),
    output: bookingDetail,
  }),
  cancel: action({
    summary: 'The booker (or the resident booked for) cancels, until the slot starts.',
    roles: ['villager', 'agent'],
    input: z.object({ bookingId: idField('预约') }).strict(),
    output: z.object({ booking: bookingSchema }),
  }),
  reschedule: action({
    summary: 'Move a booking to another free slot of the same window, until the slot starts.',
    roles: ['villager', 'agent'],
    input: z.object({ bookingId: idField('预约'), date: dateField('新的预约日期'), start: timeField('新的预约时段') }).strict(),
    output: bookingDetail,
  }),
  centerCancel: action({
    summary: 'The center cancels a booking with a reason; booker, agent and resident are told.',
    roles: ['staff', 'office', 'admin'],
    input: z.object({ bookingId: idField('预约'), reason: reasonField('取消原因') }).strict(),
    output: z.object({ booking: bookingSchema }),
  }),
  dayBoard: action({
    summary: "A window's bookings of a day (staff: their own window by default).",
    roles: ['staff', 'office', 'admin'],
    input: z.object({ date: dateField(), windowId: idField('窗口').optional() }).strict(),
    output: z.object({ window: serviceWindowSchema, windows: z.array(serviceWindowSchema), bookings: z.array(bookingSchema) }),
  }),
  dayCounts: action({
    summary: "Every window's bookings of a day, counted by state (the leader's and the office's glance, R-DUTY-2): one indexed read.",
    roles: ['staff', 'office', 'leader', 'admin'],
    input: z.object({ date: dateField() }).strict(),
    output: z.object({
      date: z.string(),
      windows: z.array(z.object({ windowId: z.string(), windowName: z.string(), booked: z.number().int(), arrived: z.number().int(), cancelled: z.number().int() })),
    }),
  }),
  checkIn: action({
    summary: 'The villager has arrived; the receiving staff member becomes the first-ask person (R-CASE-1).',
    roles: ['staff'],
    input: z.object({ bookingId: idField('预约') }).strict(),
    output: z.object({ booking: bookingSchema, caseId: z.string() }),
  }),
  requestVisit: action({
    summary: 'Ask for door-to-door service for an item flagged for it (R-BOOK-5).',
    roles: ['villager', 'agent'],
    input: z
      .object({
        itemId: idField('事项'),
        residentId: idField('代办群众').optional(),
        address: z.string({ error: '请填写上门地址' }).trim().min(4, '请填写详细的上门地址,如:石桥村3组12号').max(120, '地址请不超过120个字'),
        phone: z.string({ error: '请填写联系电话' }).trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号或座机号'),
        reason: z.enum(DOOR_REASONS, { error: '请选择申请上门服务的原因' }),
        note: z.string().trim().max(200, '补充说明请不超过200个字').default(''),
      })
      .strict(),
    output: z.object({ visit: visitSchema }),
  }),
  myVisits: action({
    summary: "The caller's door-to-door requests.",
    roles: ['villager', 'agent'],
    input: z.object({}).strict(),
    output: z.object({ visits: z.array(visitSchema) }),
  }),
  visitBoard: action({
    summary: "Door-to-door requests of the staff member's window (office/admin: all windows); phones masked except to the admin.",
    roles: ['staff', 'office', 'admin'],
    input: z.object({}).strict(),
    output: z.object({ visits: z.array(visitSchema) }),
  }),
  scheduleVisit: action({
    summary: 'Staff of the window accept and schedule a door-to-door visit.',
    roles: ['staff'],
    input: z.object({ visitId: idField('上门申请'), date: dateField('上门日期'), time: timeField('上门时间') }).strict(),
    output: z.object({ visit: visitSchema }),
  }),
  declineVisit: action({
    summary: 'Staff of the window decline a door-to-door request, with the reason and the next step.',
    roles: ['staff'],
    input: z.object({ visitId: idField('上门申请'), reason: reasonField('不能上门的原因和建议') }).strict(),
    output: z.object({ visit: visitSchema }),
  }),
  revealVisitPhone: action({
    summary: "The staff of the visit's window see the applicant's whole phone to call them; every reveal is audited (who, whose, when — never the number).",
    roles: ['staff'],
    input: z.object({ visitId: idField('上门申请') }).strict(),
    output: z.object({ visitId: z.string(), applicantName: z.string(), phone: z.string() }),
  }),
} as const;

