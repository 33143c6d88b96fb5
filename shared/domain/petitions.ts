/**
 * Petitions (信访, R-PET-1..3), from the seed's 信访接待制度: the four forms, the facts registered
 * (no more than the rules list), collective and urgent petitions, the reply "on the spot or
 * within 3 days" — working days by default, calendar days when the center chooses — and a
 * leader's reception answered within one week (7 calendar days). Pure rules; the use cases
 * apply them. Every limit is returned as the due date itself ('YYYY-MM-DD', Asia/Shanghai).
 */
import { z } from 'zod';
import type { WorkCalendar } from './calendar';
import { REMINDER_STAGES } from './cases';
import { addDays } from './time';

/** 来访, 来信, 举报电话, 网上信访 (R-PET-1). */
export const PETITION_FORMS = ['visit', 'letter', 'call', 'online'] as const;
export type PetitionForm = (typeof PETITION_FORMS)[number];
export const PETITION_FORM_LABELS: Record<PetitionForm, string> = { visit: '来访', letter: '来信', call: '来电', online: '网上信访' };

export const GENDERS = ['male', 'female'] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { male: '男', female: '女' };

export const PETITION_STATES = ['registered', 'assigned', 'received_by_leader', 'replied', 'closed'] as const;
export type PetitionState = (typeof PETITION_STATES)[number];
export const PETITION_STATE_LABELS: Record<PetitionState, string> = {
  registered: '已登记',
  assigned: '已交办',
  received_by_leader: '领导已接待',
  replied: '已答复',
  closed: '已办结',
};
/** While the answer is outstanding the limit runs. */
export const TIMED_PETITION_STATES: readonly PetitionState[] = ['registered', 'assigned', 'received_by_leader'];

/** How the 3 days are counted: working days (default) or calendar days (a center setting). */
export const DAY_COUNTS = ['working', 'calendar'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];
export const DAY_COUNT_LABELS: Record<DayCount, string> = { working: '工作日', calendar: '自然日' };
export const DEFAULT_DAY_COUNT: DayCount = 'working';

/** 当场解决不了的,在三日内给予答复 (R-PET-1). */
export const REPLY_DAYS = 3;
/** 领导接待一般一周内给予答复: 7 calendar days from the reception. */
export const LEADER_DAYS = 7;
/** 集体访: five or more people petitioning together (R-PET-2). */
export const COLLECTIVE_HEADCOUNT = 5;

export const isCollective = (headcount: number): boolean => headcount >= COLLECTIVE_HEADCOUNT;
/** Collective or urgent petitions alert the leaders and the unit concerned at once (R-PET-2). */
export const needsAlert = (p: { collective: boolean; urgent: boolean }): boolean => p.collective || p.urgent;

/**
 * The reply's due date for a petition received on `date` at `time` (R-PET-1). Received after
 * closing time, it counts from the next day; counted in working days, a day off received on
 * counts from the next working day, and the 3 days skip weekends and holidays (the center's
 * calendar); counted in calendar days, every day counts.
 */
export function replyDue(cal: WorkCalendar, count: DayCount, date: string, time: string, closesAt = '17:00'): string {
  const afterHours = time >= closesAt;
  if (count === 'calendar') return addDays(afterHours ? addDays(date, 1) : date, REPLY_DAYS);
  const on = cal.isWorkingDay(date) && !afterHours ? date : (cal.nextWorkingDays(addDays(date, 1), 1)[0] ?? date);
  return cal.addWorkingDays(on, REPLY_DAYS);
}

/** A leader who received the petitioner answers within one week of the reception. */
export const leaderDue = (receivedOn: string): string => addDays(receivedOn, LEADER_DAYS);

/** One string schema and its optional, reused: the contract registry ships in the weapp main package. */
const str = z.string();
const opt = str.optional();

export const petitionerSchema = z.object({
  name: str,
  gender: z.enum(GENDERS),
  age: z.number().int(),
  occupation: str,
  /** 住址或工作单位. */
  addressOrUnit: str,
  /** 政治面貌: the seed lists it; optional, asked only when the petitioner offers it. */
  politicalStatus: opt,
});
export type Petitioner = z.infer<typeof petitionerSchema>;

export const REPLY_MODES = ['on_spot', 'written'] as const;
export const REPLY_MODE_LABELS: Record<(typeof REPLY_MODES)[number], string> = { on_spot: '当场答复', written: '书面答复' };

export const petitionSchema = z.object({
  id: str,
  centerId: str,
  number: str,
  form: z.enum(PETITION_FORMS),
  state: z.enum(PETITION_STATES),
  receivedAt: str,
  /** Personal data (R-PET-1); shown to the office, leaders and the assigned person only. */
  petitioner: petitionerSchema,
  mainIssue: str,
  headcount: z.number().int(),
  collective: z.boolean(),
  urgent: z.boolean(),
  dayCount: z.enum(DAY_COUNTS),
  /** The running limit: the reply's 3 days, or a leader's week after a reception. */
  deadline: str,
  deadlineKind: z.enum(['reply', 'leader']),
  replyDue: str,
  /** The unit concerned (a window of the center) and the named person it is assigned to. */
  unitId: opt,
  unitName: opt,
  assigneeId: opt,
  assigneeName: opt,
  leaderReception: z.object({ byId: str, byName: str, on: str, summary: str, due: str }).optional(),
  reply: z.object({ mode: z.enum(REPLY_MODES), byId: str, byName: str, at: str, summary: str, onTime: z.boolean() }).optional(),
  closedAt: opt,
  registeredById: str,
  createdAt: str,
  updatedAt: str,
  nextReminderOn: opt,
  remindersSent: z.array(z.enum(REMINDER_STAGES)),
});
export type Petition = z.infer<typeof petitionSchema>;

export const petitionStepSchema = z.object({
  id: str,
  petitionId: str,
  centerId: str,
  at: str,
  actorName: str,
  action: str,
  /** Never the petitioner's personal data. */
  text: str,
});
export type PetitionStep = z.infer<typeof petitionStepSchema>;

export type PetitionAction = 'assign' | 'leaderReception' | 'reply' | 'close';
export const PETITION_ALLOWED_IN: Record<PetitionAction, readonly PetitionState[]> = {
  assign: ['registered', 'assigned', 'received_by_leader'],
  leaderReception: ['registered', 'assigned'],
  reply: ['assigned', 'received_by_leader'],
  close: ['replied'],
};

/** Null when allowed; else why not, courteously, with the next step. */
export function petitionTransitionProblem(action: PetitionAction, state: PetitionState): string | null {
  if (PETITION_ALLOWED_IN[action].includes(state)) return null;
  if (action === 'reply' && state === 'registered') return '对不起,此信访件尚未交办,请管理办公室先交办给单位和承办人,再由承办人答复。';
  return `对不起,此信访件目前${PETITION_STATE_LABELS[state]},不能进行这一步;请刷新后按当前状态办理。`;
}

/** Whether an answer given on `date` met the limit. */
export const petitionOnTime = (deadline: string, date: string): boolean => date <= deadline;
