/**
 * Ratings of staff (好差评, R-RATE-1..2; GB/T 39734/39735): one rating per finished matter on
 * the national five levels with four sub-indicators and a comment; every bad review opens a
 * rectification item for the head of the window (verify → rectify → call the rater back →
 * close, within 15 working days); the clerk rated may appeal within 5 working days and an
 * upheld appeal takes the rating out of the figures, never out of the record. Pure rules and
 * the stored documents' schemas; the use cases apply them.
 */
import { z } from 'zod';
import type { WorkCalendar } from './calendar';
import { REMINDER_STAGES, type CaseStatus } from './cases';
import { addDays } from './time';

// ---- Levels and sub-indicators (R-RATE-1) ------------------------------------------------------

export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied', 'very_unsatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
  very_unsatisfied: '非常不满意',
};
/** Counted as satisfied in the satisfaction rate (R-RATE-3): 非常满意 + 满意 + 基本满意. */
export const SATISFIED_LEVELS: readonly RatingLevel[] = ['very_satisfied', 'satisfied', 'basically_satisfied'];
/** Bad reviews (差评, R-RATE-2): each opens a rectification item. */
export const BAD_LEVELS: readonly RatingLevel[] = ['unsatisfied', 'very_unsatisfied'];
export const isSatisfied = (level: RatingLevel): boolean => SATISFIED_LEVELS.includes(level);
export const isBad = (level: RatingLevel): boolean => BAD_LEVELS.includes(level);

export const SUB_INDICATORS = ['efficiency', 'guide_accuracy', 'convenience', 'attitude'] as const;
export type SubIndicator = (typeof SUB_INDICATORS)[number];
export const SUB_INDICATOR_LABELS: Record<SubIndicator, string> = {
  efficiency: '办事效率',
  guide_accuracy: '指南准确',
  convenience: '办事便利',
  attitude: '服务态度',
};

/** app: the villager on their phone; agent: a village agent for a resident; pad: the window's rating pad. */
export const RATING_CHANNELS = ['app', 'agent', 'pad'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];
export const RATING_CHANNEL_LABELS: Record<RatingChannel, string> = { app: '小程序', agent: '代办员代评', pad: '窗口评价器' };

export const APPEAL_STATES = ['none', 'pending', 'upheld', 'rejected'] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
export const APPEAL_STATE_LABELS: Record<AppealState, string> = { none: '未申诉', pending: '申诉待审核', upheld: '申诉成立', rejected: '申诉不成立' };

/** A comment is optional and short. */
export const COMMENT_MAX = 300;

export const ratingSchema = z.object({
  /** `rating:<caseId>`: one rating per matter (一事一评), enforced by the id itself. */
  id: z.string(),
  centerId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  bookingId: z.string().optional(),
  windowId: z.string(),
  /** The staff rated: the handler and, when different, the first-ask person (首问责任人). */
  handlerId: z.string(),
  handlerName: z.string(),
  firstAskId: z.string().optional(),
  firstAskName: z.string().optional(),
  /** The applicant, masked (张*明): all a clerk ever sees of who rated. */
  applicantMasked: z.string(),
  /** Who rated: the villager's user, or the agent's user when on behalf; absent on the pad. */
  raterUserId: z.string().optional(),
  /** On behalf (代评): the resident the agent acted for. */
  residentId: z.string().optional(),
  onBehalf: z.boolean(),
  /** The pad (评价器 user) that took the rating. */
  padId: z.string().optional(),
  channel: z.enum(RATING_CHANNELS),
  level: z.enum(RATING_LEVELS),
  bad: z.boolean(),
  subIndicators: z.partialRecord(z.enum(SUB_INDICATORS), z.enum(RATING_LEVELS)),
  comment: z.string(),
  createdAt: z.string(),
  /** The Shanghai date of the rating: the appeal limit counts from it. */
  ratedOn: z.string(),
  appeal: z.enum(APPEAL_STATES),
  /** An upheld appeal takes the rating out of the figures (R-RATE-2); the record stays. */
  excludedFromFigures: z.boolean(),
});
export type Rating = z.infer<typeof ratingSchema>;

// ---- Rectification of bad reviews (R-RATE-2) --------------------------------------------------

/** The states in order; each action moves one step. `closed` also ends an upheld appeal's item. */
export const RECTIFICATION_STATES = ['opened', 'verified', 'rectified', 'called_back', 'closed'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = {
  opened: '待核实',
  verified: '待整改',
  rectified: '待回访',
  called_back: '已回访,待办结',
  closed: '已办结',
};
/** Until the callback is recorded the 15-working-day limit runs (整改并回访). */
export const RECTIFICATION_TIMED_STATES: readonly RectificationState[] = ['opened', 'verified', 'rectified'];

export const CALLBACK_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied', 'unreachable'] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];
export const CALLBACK_RESULT_LABELS: Record<CallbackResult, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '仍不满意',
  unreachable: '多次联系未接通',
};

/** What a rectification item and an appeal both say about the rating they follow. */
const ratedMatterFields = {
  centerId: z.string(),
  ratingId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  windowId: z.string(),
  level: z.enum(RATING_LEVELS),
};

/** A step someone wrote down: what, who, when. */
const writtenStep = z.object({ text: z.string(), byId: z.string(), byName: z.string(), at: z.string() });

export const rectificationSchema = z.object({
  /** `rect:<ratingId>`: one per bad review. */
  id: z.string(),
  ...ratedMatterFields,
  /** The head of the window: the A-post holder (see headOfWindow). */
  headId: z.string(),
  headName: z.string(),
  state: z.enum(RECTIFICATION_STATES),
  openedOn: z.string(),
  /** openedOn + 15 working days. */
  deadline: z.string(),
  verification: writtenStep.optional(),
  measures: writtenStep.optional(),
  callback: z.object({ result: z.enum(CALLBACK_RESULTS), note: z.string(), byId: z.string(), byName: z.string(), at: z.string(), onTime: z.boolean() }).optional(),
  closedAt: z.string().optional(),
  /** How it ended: the normal close, or the rating's appeal was upheld. */
  closedBy: z.enum(['head', 'appeal_upheld']).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextReminderOn: z.string().optional(),
  remindersSent: z.array(z.enum(REMINDER_STAGES)),
});
export type Rectification = z.infer<typeof rectificationSchema>;

// ---- Appeals (申诉) ----------------------------------------------------------------------------

export const APPEAL_DECISIONS = ['upheld', 'rejected'] as const;
export type AppealDecision = (typeof APPEAL_DECISIONS)[number];
export const APPEAL_DECISION_LABELS: Record<AppealDecision, string> = { upheld: '申诉成立', rejected: '申诉不成立' };

export const ratingAppealSchema = z.object({
  /** `appeal:<ratingId>`: one appeal per rating. */
  id: z.string(),
  ...ratedMatterFields,
  byId: z.string(),
  byName: z.string(),
  reasons: z.string(),
  filedAt: z.string(),
  state: z.enum(['pending', 'upheld', 'rejected']),
  decision: z.object({ outcome: z.enum(APPEAL_DECISIONS), reasons: z.string(), byId: z.string(), byName: z.string(), at: z.string() }).optional(),
});
export type RatingAppeal = z.infer<typeof ratingAppealSchema>;

// ---- Rules ----------------------------------------------------------------------------------

/** R-RATE-1: the rating window stays open 30 days after the matter finished. */
export const RATING_WINDOW_DAYS = 30;
/** The clerk may appeal within 5 working days of the rating. */
export const APPEAL_WORKING_DAYS = 5;
/** R-RATE-2: a bad review is rectified (and the rater called back) within 15 working days. */
export const RECTIFICATION_WORKING_DAYS = 15;

export const ratingId = (caseId: string): string => `rating:${caseId}`;
export const rectificationId = (rId: string): string => `rect:${rId}`;
export const appealId = (rId: string): string => `appeal:${rId}`;

/** What of a case (and its booking) the rating rules read. */
export interface RateableCase {
  status: CaseStatus;
  /** Shanghai date the matter finished: done/rejected on finishedAt, forwarded on acceptedOn. */
  finishedOn: string | null;
  /** Whether the case came from a booking that was checked in (arrived). */
  bookingCheckedIn: boolean;
}

/**
 * The Shanghai date a matter counts as finished for rating, or null when it is not finished:
 * done (completed or on the spot); refused or forwarded only for a checked-in booking.
 */
export function finishedOnForRating(c: RateableCase): string | null {
  if (c.status === 'done') return c.finishedOn;
  if ((c.status === 'rejected' || c.status === 'forwarded') && c.bookingCheckedIn) return c.finishedOn;
  return null;
}

/** The last day a rating is taken: finished + 30 days. */
export const ratingLastDay = (finishedOn: string): string => addDays(finishedOn, RATING_WINDOW_DAYS);

/** Calendar days left to rate (0 on the last day), negative when the window has closed. */
export function ratingDaysLeft(finishedOn: string, today: string): number {
  const last = Date.parse(`${ratingLastDay(finishedOn)}T00:00:00Z`);
  return Math.round((last - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Null when the matter can be rated today; else why not, courteously, with the next step. */
export function rateProblem(c: RateableCase, today: string, alreadyRated: boolean): string | null {
  if (alreadyRated) return '对不起,此事项已经评价过了,每件事项只能评价一次(一事一评);如有其他意见,可以投诉或拨打监督电话。';
  const on = finishedOnForRating(c);
  if (on === null) return '对不起,此事项尚未办结,暂不能评价;办结后我们会通知您评价。';
  if (ratingDaysLeft(on, today) < 0) return `对不起,此事项已办结超过${RATING_WINDOW_DAYS}天,评价已截止;如有意见,可以投诉或拨打监督电话。`;
  return null;
}

/** The last day the clerk may appeal: 5 working days after the rating day. */
export const appealLastDay = (cal: WorkCalendar, ratedOn: string): string => cal.addWorkingDays(ratedOn, APPEAL_WORKING_DAYS);

/** Null when the clerk may appeal this rating today; else why not. */
export function appealProblem(cal: WorkCalendar, r: Pick<Rating, 'level' | 'ratedOn' | 'appeal'>, today: string): string | null {
  if (!isBad(r.level)) return '只有“不满意”“非常不满意”的评价可以申诉。';
  if (r.appeal !== 'none') return '对不起,此评价已经申诉过,每条评价只能申诉一次;请等待或查看管理办公室的审核结果。';
  const last = appealLastDay(cal, r.ratedOn);
  if (today > last) return `对不起,申诉须在评价后${APPEAL_WORKING_DAYS}个工作日内提出(截止${last}),已超过期限;如有特殊情况,请向中心管理办公室当面说明。`;
  return null;
}

/** The rectification deadline: 15 working days from the day the item opened. */
export const rectificationDeadline = (cal: WorkCalendar, openedOn: string): string => cal.addWorkingDays(openedOn, RECTIFICATION_WORKING_DAYS);

export type RectificationAction = 'verify' | 'rectify' | 'callback' | 'close';
const ACTION_FROM: Record<RectificationAction, RectificationState> = { verify: 'opened', rectify: 'verified', callback: 'rectified', close: 'called_back' };
const ACTION_TO: Record<RectificationAction, RectificationState> = { verify: 'verified', rectify: 'rectified', callback: 'called_back', close: 'closed' };
const ACTION_LABELS: Record<RectificationAction, string> = { verify: '核实', rectify: '整改', callback: '回访', close: '办结' };

/** The state an action leads to. */
export const nextRectificationState = (action: RectificationAction): RectificationState => ACTION_TO[action];

/** Null when the action is allowed in the item's state; else why not, with the next step. */
export function rectificationProblem(action: RectificationAction, state: RectificationState): string | null {
  if (state === 'closed') return '此整改事项已经办结,无需再操作。';
  if (action === 'close' && state !== 'called_back') return '对不起,差评整改须先回访评价人并登记回访结果,才能办结;请先完成回访。';
  if (ACTION_FROM[action] !== state) {
    return `对不起,此整改事项目前为“${RECTIFICATION_STATE_LABELS[state]}”,不能进行“${ACTION_LABELS[action]}”;请按 核实 → 整改 → 回访 → 办结 的顺序办理。`;
  }
  return null;
}

/** Whether the 15-working-day limit still runs for an item in this state. */
export const rectificationTimed = (state: RectificationState): boolean => RECTIFICATION_TIMED_STATES.includes(state);

/**
 * The head of a window, who receives its bad reviews. The product has no separate "head" post,
 * so it is the A-post holder of the case's post (else of the window's first post). The clerk
 * rated never handles his own bad review: when the A is the one rated (handler or first-ask
 * person), the B of that post, who stands in for A at the window (R-CASE-6), takes it; null
 * when both are rated or the window has no post (the use case then gives it to the office).
 */
export function headOfWindow(
  posts: ReadonlyArray<{ id: string; windowId: string; aId: string; bId: string }>,
  windowId: string,
  postId: string | undefined,
  rated: readonly string[],
): string | null {
  const own = postId ? posts.find((p) => p.id === postId && p.windowId === windowId) : undefined;
  const post = own ?? [...posts].filter((p) => p.windowId === windowId).sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!post) return null;
  return [post.aId, post.bId].find((u) => !rated.includes(u)) ?? null;
}

/** Satisfaction over ratings still in the figures: satisfied / all, null when none (R-RATE-3). */
export function satisfactionRate(ratings: ReadonlyArray<Pick<Rating, 'level' | 'excludedFromFigures'>>): number | null {
  const counted = ratings.filter((r) => !r.excludedFromFigures);
  if (counted.length === 0) return null;
  return counted.filter((r) => isSatisfied(r.level)).length / counted.length;
}
