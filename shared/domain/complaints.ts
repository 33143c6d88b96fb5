/**
 * Complaints (R-CMP-1..7) and the steps of GB/T 36113-2018 (受理 → 登记 → 调查 → 处理 → 反馈 →
 * 执行 → 归档; 公布 is the public monthly figure): channels, classes and their time limits on
 * the working-day calendar, the state machine, "major must be in writing", and accountability
 * over a rolling 12 months. Pure rules; the use cases apply them.
 */
import { z } from 'zod';
import type { WorkCalendar } from './calendar';
import { REMINDER_STAGES } from './cases';
import { addDays } from './time';

export const COMPLAINT_CHANNELS = ['in_app', 'phone', 'oral', 'written', 'suggestion_box'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  in_app: '小程序',
  phone: '电话',
  oral: '当面口头',
  written: '书面信件',
  suggestion_box: '意见箱',
};
/** Channels staff register for a caller (R-CMP-1); in_app is the villager's own. */
export const REGISTERED_CHANNELS = ['phone', 'oral', 'written', 'suggestion_box'] as const;

export const COMPLAINT_CLASSES = ['general', 'complex', 'major'] as const;
export type ComplaintClass = (typeof COMPLAINT_CLASSES)[number];
export const COMPLAINT_CLASS_LABELS: Record<ComplaintClass, string> = {
  general: '一般投诉',
  complex: '复杂或涉及多个单位的投诉',
  major: '重大投诉',
};

/** The standard's steps as states, in order. */
export const COMPLAINT_STATES = ['received', 'registered', 'investigating', 'handled', 'replied', 'carried_out', 'archived'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];
export const COMPLAINT_STATE_LABELS: Record<ComplaintState, string> = {
  received: '受理',
  registered: '登记',
  investigating: '调查',
  handled: '处理',
  replied: '反馈',
  carried_out: '执行',
  archived: '归档',
};
/** Until the reply the time limit runs (R-CMP-3). */
export const TIMED_STATES: readonly ComplaintState[] = ['received', 'registered', 'investigating', 'handled'];

export const SUBJECT_KINDS = ['window', 'staff', 'case', 'booking', 'center'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/**
 * Whether a person is among those a complaint is about (R-CMP-5): the staff member it names, or,
 * for a complaint about a window's service, the clerks of that window (a small township window
 * is one or two people, so a complaint about 民政窗口 is a complaint about them). Such a person
 * neither handles the complaint nor ever sees who complained.
 */
export function isComplainedAbout(
  subject: { kind: SubjectKind; staffId?: string; windowId?: string },
  person: { id: string; role: string; windowId?: string },
): boolean {
  if (person.id === subject.staffId) return true;
  return subject.kind === 'window' && person.role === 'staff' && subject.windowId !== undefined && person.windowId === subject.windowId;
}

export const REPLY_MEANS = ['phone', 'in_person'] as const;
export type ReplyMeans = (typeof REPLY_MEANS)[number];
export const REPLY_MEANS_LABELS: Record<ReplyMeans, string> = { phone: '电话答复', in_person: '当面答复' };

export const complaintSchema = z.object({
  id: z.string(),
  centerId: z.string(),
  /** The tracking number the complainant gets at once. */
  number: z.string(),
  /** sha256 of the secret given with the number (anonymous tracking); never returned. */
  secretHash: z.string(),
  channel: z.enum(COMPLAINT_CHANNELS),
  klass: z.enum(COMPLAINT_CLASSES),
  classified: z.boolean(),
  state: z.enum(COMPLAINT_STATES),
  subject: z.object({
    kind: z.enum(SUBJECT_KINDS),
    label: z.string(),
    windowId: z.string().optional(),
    staffId: z.string().optional(),
    caseId: z.string().optional(),
    bookingId: z.string().optional(),
  }),
  facts: z.string(),
  wants: z.string(),
  anonymous: z.boolean(),
  /** Identity (R-CMP-5): absent for anonymous complaints. */
  complainantUserId: z.string().optional(),
  complainantName: z.string().optional(),
  complainantContact: z.string().optional(),
  agentId: z.string().optional(),
  residentId: z.string().optional(),
  registeredById: z.string().optional(),
  receivedAt: z.string(),
  /** The working day the time limit counts from: after closing time or on a day off, the next one. */
  receivedOn: z.string(),
  deadline: z.string(),
  extension: z.object({ reason: z.string(), newDate: z.string(), at: z.string() }).optional(),
  handlerId: z.string().optional(),
  handlerName: z.string().optional(),
  /** Marked for reporting to discipline inspection (纪检监察, R-CMP-7). */
  disciplineReportAt: z.string().optional(),
  outcome: z.object({ substantiated: z.boolean(), findings: z.string(), measure: z.string(), closedOn: z.string(), closedBy: z.string() }).optional(),
  reply: z
    .object({ form: z.enum(['oral', 'written']), byId: z.string(), byName: z.string(), at: z.string(), means: z.enum(REPLY_MEANS).optional(), text: z.string(), onTime: z.boolean() })
    .optional(),
  rating: z.enum(['satisfied', 'unsatisfied']).optional(),
  reviewRequestedAt: z.string().optional(),
  carriedOutAt: z.string().optional(),
  archivedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextReminderOn: z.string().optional(),
  remindersSent: z.array(z.enum(REMINDER_STAGES)),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintStepSchema = z.object({
  id: z.string(),
  complaintId: z.string(),
  centerId: z.string(),
  at: z.string(),
  /** Staff name, or '投诉人' / '系统': the complainant is never named on the trail. */
  actorName: z.string(),
  action: z.string(),
  text: z.string(),
  /** Shown to the complainant on their progress view. */
  public: z.boolean(),
});
export type ComplaintStep = z.infer<typeof complaintStepSchema>;

/** Working days each class has to be answered in (R-CMP-3); major complaints as complex ones. */
export const CLASS_WORKING_DAYS: Record<ComplaintClass, number> = { general: 1, complex: 5, major: 5 };

/** A complaint received after closing time or on a day off counts from the next working day. */
export function receivedOn(cal: WorkCalendar, date: string, time: string, closesAt = '17:00'): string {
  if (cal.isWorkingDay(date) && time < closesAt) return date;
  return cal.nextWorkingDays(addDays(date, 1), 1)[0] ?? date;
}

/** General: by the end of the next working day; complex, multi-unit or major: 5 working days. */
export const complaintDeadline = (cal: WorkCalendar, on: string, klass: ComplaintClass): string => cal.addWorkingDays(on, CLASS_WORKING_DAYS[klass]);

/** R-CMP-1: a major complaint must be in writing (a written letter or an in-app text). */
export const isInWriting = (channel: ComplaintChannel): boolean => channel === 'written' || channel === 'in_app';
export function majorProblem(klass: ComplaintClass, channel: ComplaintChannel): string | null {
  if (klass !== 'major' || isInWriting(channel)) return null;
  return `对不起,重大投诉须以书面形式提出(书面信件或在小程序中填写),此件为${COMPLAINT_CHANNEL_LABELS[channel]}投诉;请投诉人补交书面材料后登记为书面投诉,或按一般、复杂投诉分类。`;
}

/** R-CMP-4: oral and phone complaints get an oral (recorded) reply, the others a written one. */
export const replyForm = (channel: ComplaintChannel): 'oral' | 'written' => (channel === 'phone' || channel === 'oral' ? 'oral' : 'written');

export type ComplaintAction = 'classify' | 'assign' | 'extend' | 'close' | 'reply' | 'rate' | 'requestReview' | 'carriedOut' | 'archive';
/** In which states each action is allowed. */
export const ALLOWED_IN: Record<ComplaintAction, readonly ComplaintState[]> = {
  classify: ['received', 'registered', 'investigating'],
  assign: ['registered', 'investigating'],
  extend: ['received', 'registered', 'investigating', 'handled'],
  close: ['investigating'],
  reply: ['handled'],
  rate: ['replied'],
  requestReview: ['replied'],
  carriedOut: ['replied'],
  archive: ['replied', 'carried_out'],
};

/** Null when allowed; else why not, courteously, with the next step. */
export function transitionProblem(action: ComplaintAction, c: Pick<Complaint, 'state' | 'outcome' | 'rating' | 'reviewRequestedAt' | 'classified'>): string | null {
  if (action === 'assign' && !c.classified) return '请先对投诉进行分类,再指定承办人。';
  if (!ALLOWED_IN[action].includes(c.state)) {
    return `对不起,此投诉目前处于“${COMPLAINT_STATE_LABELS[c.state]}”环节,不能进行这一步;请刷新后按当前环节办理。`;
  }
  if (action === 'requestReview') {
    if (c.reviewRequestedAt) return '对不起,每件投诉只能申请复核一次,您已申请过;如仍有意见,可拨打中心监督电话。';
    if (c.rating !== 'unsatisfied') return '请先对答复作出评价;对答复不满意的,可以申请复核一次。';
  }
  if (action === 'carriedOut' && !c.outcome?.substantiated) return '此投诉经核查不属实,没有需要执行的处理措施;可直接归档。';
  if (action === 'archive' && c.state === 'replied' && c.outcome?.substantiated) return '此投诉经查属实,请先登记处理措施已执行,再归档。';
  return null;
}

/** Progress along the steps, for the complainant's "我的" view. */
export function stepProgress(state: ComplaintState): Array<{ state: ComplaintState; label: string; done: boolean; current: boolean }> {
  const at = COMPLAINT_STATES.indexOf(state);
  return COMPLAINT_STATES.map((s, i) => ({ state: s, label: COMPLAINT_STATE_LABELS[s], done: i < at, current: i === at }));
}

// ---- Accountability (R-CMP-6) ------------------------------------------------------------------

export type FlagLevel = 'notice' | 'dismissal';
export const FLAG_LABELS: Record<FlagLevel, string> = { notice: '通报', dismissal: '下岗' };

export interface Finding {
  complaintId: string;
  /** 'staff:<id>' or 'window:<id>'. */
  subject: string;
  on: string;
}

export interface FlagEvent {
  subject: string;
  level: FlagLevel;
  raisedOn: string;
  /** The substantiated complaints within the 12 months that raised it, oldest first. */
  complaintIds: string[];
}

/** The same day one year earlier ('YYYY-MM-DD'); 29 Feb maps to 28 Feb. */
export function yearBefore(date: string): string {
  const y = Number(date.slice(0, 4)) - 1;
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

/**
 * Each substantiated finding raises a flag: the first within a rolling 12 months 通报, a second
 * (or more) within 12 months 下岗. Findings further apart than 12 months each raise 通报 only.
 */
export function accountabilityFlags(findings: readonly Finding[]): FlagEvent[] {
  const bySubject = new Map<string, Finding[]>();
  for (const f of findings) bySubject.set(f.subject, [...(bySubject.get(f.subject) ?? []), f]);
  const out: FlagEvent[] = [];
  for (const [subject, list] of bySubject) {
    const sorted = [...list].sort((a, b) => a.on.localeCompare(b.on) || a.complaintId.localeCompare(b.complaintId));
    sorted.forEach((f, i) => {
      const from = yearBefore(f.on);
      const within = sorted.slice(0, i + 1).filter((g) => g.on > from);
      out.push({ subject, level: within.length >= 2 ? 'dismissal' : 'notice', raisedOn: f.on, complaintIds: within.map((g) => g.complaintId) });
    });
  }
  return out.sort((a, b) => a.raisedOn.localeCompare(b.raisedOn) || a.subject.localeCompare(b.subject));
}

/** Whether a reply on `date` met the deadline. */
export const answeredOnTime = (deadline: string, date: string): boolean => date <= deadline;
