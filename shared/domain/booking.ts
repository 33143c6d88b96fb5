/**
 * Booking rules (R-BOOK-1..3): slots of a window on a working day between 9:00 and 17:00 (no
 * lunch break), each with a capacity; what may be booked, cancelled or rescheduled, and when.
 * Pure functions: the use cases feed them the calendar, the clock and the stored counts.
 */
import { z } from 'zod';
import type { WorkCalendar } from './calendar';
import { minutesOf, shanghaiDate, shanghaiInstant, shanghaiTime, timeOf } from './time';

export const OPENING = { opensAt: '09:00', closesAt: '17:00' } as const;

/** Slot lengths an admin may choose; each divides the 8 opening hours evenly. */
export const SLOT_MINUTES = [15, 20, 30, 60] as const;
export const MAX_SLOT_CAPACITY = 50;
/** How many working days ahead a villager can book. */
export const BOOKING_HORIZON_DAYS = 10;

export interface SlotSpec {
  start: string;
  end: string;
}

/** Every slot of a day for a window with slots of `minutes`. */
export function daySlots(minutes: number, opensAt: string = OPENING.opensAt, closesAt: string = OPENING.closesAt): SlotSpec[] {
  const out: SlotSpec[] = [];
  for (let m = minutesOf(opensAt); m + minutes <= minutesOf(closesAt); m += minutes) {
    out.push({ start: timeOf(m), end: timeOf(m + minutes) });
  }
  return out;
}

export const slotId = (windowId: string, date: string, start: string): string => `slot:${windowId}:${date}:${start}`;

/** A slot can be booked (or booked into) only before it starts, on a working day. */
export function slotProblem(cal: WorkCalendar, now: Date, date: string, start: string, minutes: number): string | null {
  const reason = cal.closedReason(date);
  if (reason) return `${date} 是${reason}日,中心不办公,请选择其他工作日。`;
  if (!daySlots(minutes).some((s) => s.start === start)) return '该时段不在本窗口的预约时段内,请从列表中重新选择时段。';
  if (shanghaiInstant(date, start).getTime() <= now.getTime()) return '该时段已经开始或已过,请选择之后的时段。';
  return null;
}

/** The days a villager may choose from: the next working days, today included while open. */
export function bookableDays(cal: WorkCalendar, now: Date, minutes: number, count = BOOKING_HORIZON_DAYS): string[] {
  const today = shanghaiDate(now);
  const slots = daySlots(minutes);
  const last = slots[slots.length - 1];
  const todayOpen = last !== undefined && shanghaiTime(now) < last.start;
  return cal.nextWorkingDays(today, count + 1).filter((d) => d !== today || todayOpen).slice(0, count);
}

export interface SlotLoad {
  date: string;
  start: string;
  booked: number;
}

/**
 * The free slots nearest to the one asked for (same day first, then following days), offered
 * when a slot is full (R-BOOK-2): never "come back later" without a next step.
 */
export function nearestFreeSlots(
  cal: WorkCalendar,
  now: Date,
  minutes: number,
  capacity: number,
  wanted: { date: string; start: string },
  loads: readonly SlotLoad[],
  limit = 3,
): Array<SlotSpec & { date: string; left: number }> {
  const booked = new Map(loads.map((l) => [`${l.date} ${l.start}`, l.booked]));
  const wantedAt = shanghaiInstant(wanted.date, wanted.start).getTime();
  const candidates: Array<SlotSpec & { date: string; left: number; distance: number }> = [];
  for (const date of bookableDays(cal, now, minutes)) {
    if (date < wanted.date) continue;
    for (const s of daySlots(minutes)) {
      const at = shanghaiInstant(date, s.start).getTime();
      if (at <= now.getTime() || (date === wanted.date && s.start === wanted.start)) continue;
      const left = capacity - (booked.get(`${date} ${s.start}`) ?? 0);
      if (left > 0) candidates.push({ ...s, date, left, distance: Math.abs(at - wantedAt) });
    }
  }
  return candidates
    .sort((a, b) => a.distance - b.distance)
    .slice(0, limit)
    .map(({ distance: _d, ...rest }) => rest)
    .sort((a, b) => (a.date === b.date ? a.start.localeCompare(b.start) : a.date.localeCompare(b.date)));
}

/** 20260302-MZ-007: date, window, the day's sequence at that window. */
export const bookingNumber = (date: string, windowCode: string, seq: number): string =>
  `${date.replace(/-/g, '')}-${windowCode}-${String(seq).padStart(3, '0')}`;

export const BOOKING_STATUSES = ['booked', 'cancelled', 'arrived'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  cancelled: '已取消',
  arrived: '已到窗口',
};

export const bookingSchema = z.object({
  id: z.string(),
  number: z.string(),
  centerId: z.string(),
  windowId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(BOOKING_STATUSES),
  /** Who the matter is for: a registered resident (booked by an agent) or the booking villager. */
  applicantName: z.string(),
  residentId: z.string().optional(),
  /** The user who made the booking (the villager, or the agent acting for the resident). */
  bookedBy: z.string(),
  agentId: z.string().optional(),
  createdAt: z.string(),
  cancelledAt: z.string().optional(),
  cancelledBy: z.string().optional(),
  cancelReason: z.string().optional(),
  arrivedAt: z.string().optional(),
  /** The staff member who received the visitor: the case's first-ask person (R-CASE-1). */
  receivedBy: z.string().optional(),
  receivedByName: z.string().optional(),
  rescheduledFrom: z.string().optional(),
});
export type Booking = z.infer<typeof bookingSchema>;

/** The booker may cancel or reschedule until the slot starts (R-BOOK-3). */
export function bookerChangeProblem(b: Pick<Booking, 'status' | 'date' | 'start'>, now: Date): string | null {
  if (b.status === 'cancelled') return '该预约已经取消,无需再次操作。';
  if (b.status === 'arrived') return '您已到窗口办理,该预约不能再取消或改期;如有疑问,请咨询窗口工作人员。';
  if (shanghaiInstant(b.date, b.start).getTime() <= now.getTime()) {
    return '预约时段已经开始,不能再取消或改期;如不能前来,请致电窗口说明,谢谢。';
  }
  return null;
}

export const DOOR_REASONS = ['elderly', 'disabled', 'sick'] as const;
export type DoorReason = (typeof DOOR_REASONS)[number];
export const DOOR_REASON_LABELS: Record<DoorReason, string> = {
  elderly: '高龄老人,行动不便',
  disabled: '残疾人,行动不便',
  sick: '患病,不便出行',
};

export const VISIT_STATUSES = ['pending', 'scheduled', 'declined', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  pending: '待窗口安排',
  scheduled: '已安排上门',
  declined: '未能安排',
  cancelled: '已取消',
};

/** A door-to-door request (上门服务, R-BOOK-5). */
export const visitSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  windowId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  residentId: z.string().optional(),
  requestedBy: z.string(),
  agentId: z.string().optional(),
  address: z.string(),
  phone: z.string(),
  reason: z.enum(DOOR_REASONS),
  note: z.string(),
  status: z.enum(VISIT_STATUSES),
  createdAt: z.string(),
  scheduledDate: z.string().optional(),
  scheduledTime: z.string().optional(),
  handledBy: z.string().optional(),
  handledByName: z.string().optional(),
  declineReason: z.string().optional(),
});
export type Visit = z.infer<typeof visitSchema>;
