/**
 * The `ratings` function (好差评, R-RATE-1..2): one rating per finished matter in the app, by an
 * agent for a resident it acted for, or at the window's rating pad (评价器); rectification of
 * bad reviews by the head of the window; the clerk's appeal and the office's decision.
 * Confidentiality: a clerk sees the rating of his matter and the comment, and of who rated only
 * the masked applicant name; rater ids, resident ids and the pad never reach staff responses.
 */
import { z } from 'zod';
import { action } from './define';
import { idField } from './common';
import { APPEAL_DECISIONS, APPEAL_STATES, CALLBACK_RESULTS, COMMENT_MAX, RATING_CHANNELS, RATING_LEVELS, RECTIFICATION_STATES } from '../domain/ratings';

const level = z.enum(RATING_LEVELS, { error: '请选择满意程度:非常满意、满意、基本满意、不满意或非常不满意' });
const subLevel = z.enum(RATING_LEVELS, { error: '分项评价请从五个满意程度中选择' });
const subIndicatorsInput = z
  .object({ efficiency: subLevel.optional(), guide_accuracy: subLevel.optional(), convenience: subLevel.optional(), attitude: subLevel.optional() })
  .strict()
  .default({});
const subIndicatorsOut = z.object({ efficiency: level.optional(), guide_accuracy: level.optional(), convenience: level.optional(), attitude: level.optional() });
const caseId = idField('要评价的办件');
const ratingId = idField('评价');
const rectificationId = idField('整改事项');

/** The matter as the rater sees it in the list of what is still to be rated. */
const pendingMatter = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  windowName: z.string(),
  handlerName: z.string(),
  statusLabel: z.string(),
  finishedOn: z.string(),
  lastDay: z.string(),
  daysLeft: z.number().int(),
  /** For an agent: the resident it acted for (rated on their behalf). */
  onBehalfOf: z.string().nullable(),
});

const rectificationBrief = z.object({ state: z.enum(RECTIFICATION_STATES), stateLabel: z.string(), deadline: z.string() });

/** A rating as the rater (villager or agent) sees it. */
export const ownRatingView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  handlerName: z.string(),
  level,
  levelLabel: z.string(),
  subIndicators: subIndicatorsOut,
  comment: z.string(),
  channel: z.enum(RATING_CHANNELS),
  channelLabel: z.string(),
  onBehalfOf: z.string().nullable(),
  createdAt: z.string(),
  /** A bad review's handling, so the rater sees it was taken up. */
  rectification: rectificationBrief.nullable(),
});

/** A rating as staff and the office see it: who rated only as the masked applicant name. */
export const staffRatingView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  windowId: z.string(),
  windowName: z.string(),
  handlerId: z.string(),
  handlerName: z.string(),
  firstAskName: z.string().nullable(),
  applicantMasked: z.string(),
  level,
  levelLabel: z.string(),
  bad: z.boolean(),
  subIndicators: subIndicatorsOut,
  comment: z.string(),
  channelLabel: z.string(),
  ratedOn: z.string(),
  appeal: z.enum(APPEAL_STATES),
  appealLabel: z.string(),
  excludedFromFigures: z.boolean(),
  /** For the clerk rated: the last day to appeal, and whether he still may (with why not). */
  appealLastDay: z.string().nullable(),
  appealProblem: z.string().nullable(),
});
export type StaffRatingView = z.infer<typeof staffRatingView>;

export const rectificationView = z.object({
  id: z.string(),
  ratingId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  windowName: z.string(),
  handlerName: z.string(),
  headName: z.string(),
  applicantMasked: z.string(),
  level,
  levelLabel: z.string(),
  comment: z.string(),
  subIndicators: subIndicatorsOut,
  state: z.enum(RECTIFICATION_STATES),
  stateLabel: z.string(),
  openedOn: z.string(),
  deadline: z.string(),
  badge: z.enum(['overdue', 'due_today', 'due_soon', 'on_time']).nullable(),
  /**
   * The number to call the rater back on: for the office, and for a head who is not the clerk
   * rated; null otherwise or when none is on record (then the office makes the call).
   */
  contactPhone: z.string().nullable(),
  verification: z.string().nullable(),
  measures: z.string().nullable(),
  callback: z.object({ result: z.enum(CALLBACK_RESULTS), resultLabel: z.string(), note: z.string(), onTime: z.boolean() }).nullable(),
  closedAt: z.string().nullable(),
  closedByAppeal: z.boolean(),
  /** Actions the caller may take now. */
  actions: z.array(z.enum(['verify', 'rectify', 'callback', 'close'])),
});
export type RectificationView = z.infer<typeof rectificationView>;

export const appealView = z.object({
  id: z.string(),
  ratingId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  windowName: z.string(),
  byName: z.string(),
  level,
  levelLabel: z.string(),
  comment: z.string(),
  reasons: z.string(),
  filedAt: z.string(),
  state: z.enum(['pending', 'upheld', 'rejected']),
  stateLabel: z.string(),
  decision: z.object({ outcome: z.enum(APPEAL_DECISIONS), reasons: z.string(), byName: z.string(), at: z.string() }).nullable(),
});
export type AppealView = z.infer<typeof appealView>;

const text = (label: string, min = 2, max = 500) =>
  z.string({ error: `请填写${label}` }).trim().min(min, `请填写${label},至少${min}个字`).max(max, `${label}请不超过${max}个字`);

export const ratingsContract = {
  pending: action({
    summary: 'The villager or agent: finished matters still to be rated (30 days), with the days left.',
    roles: ['villager', 'agent'],
    input: z.object({}).strict(),
    output: z.object({ matters: z.array(pendingMatter) }),
  }),
  rate: action({
    summary: 'Rate a finished matter once (一事一评): five levels, optional sub-indicators and comment; an agent only for a resident it acted for. A bad review opens a rectification item for the head of the window.',
    roles: ['villager', 'agent'],
    input: z
      .object({
        caseId,
        level,
        subIndicators: subIndicatorsInput,
        comment: z.string().trim().max(COMMENT_MAX, `意见建议请不超过${COMMENT_MAX}个字`).default(''),
      })
      .strict(),
    output: z.object({ rating: ownRatingView }),
  }),
  mine: action({
    summary: 'The villager or agent: their ratings, with how a bad review is being handled.',
    roles: ['villager', 'agent'],
    input: z.object({}).strict(),
    output: z.object({ ratings: z.array(ownRatingView) }),
  }),
  padNext: action({
    summary: "The rating pad (评价器) of a window: the most recent finished, unrated case of its window (item, clerk, masked applicant), or none.",
    roles: ['pad'],
    input: z.object({}).strict(),
    output: z.object({
      windowName: z.string(),
      matter: z.object({ caseId: z.string(), caseNumber: z.string(), itemName: z.string(), clerkName: z.string(), applicantMasked: z.string(), finishedAt: z.string() }).nullable(),
    }),
  }),
  padRate: action({
    summary: "The pad: one tap rates a finished case of its own window (sub-indicators optional); refused for another window's case or one already rated.",
    roles: ['pad'],
    input: z.object({ caseId, level, subIndicators: subIndicatorsInput }).strict(),
    output: z.object({ levelLabel: z.string(), bad: z.boolean() }),
  }),
  received: action({
    summary: 'The clerk: ratings of the matters he handled or first received, with the comment and the masked applicant; whether he may still appeal.',
    roles: ['staff'],
    input: z.object({}).strict(),
    output: z.object({ ratings: z.array(staffRatingView) }),
  }),
  rectifications: action({
    summary: "The head of a window: his rectification items, overdue first; the office and leaders: the center's.",
    roles: ['staff', 'office', 'leader'],
    input: z.object({ open: z.boolean().default(true) }).strict(),
    output: z.object({ items: z.array(rectificationView) }),
  }),
  verify: action({
    summary: 'The head (or the office) records the verification (核实) of a bad review.',
    roles: ['staff', 'office'],
    input: z.object({ rectificationId, text: text('核实情况', 5) }).strict(),
    output: z.object({ item: rectificationView }),
  }),
  rectify: action({
    summary: 'The head (or the office) records the measures taken (整改措施).',
    roles: ['staff', 'office'],
    input: z.object({ rectificationId, measures: text('整改措施', 5) }).strict(),
    output: z.object({ item: rectificationView }),
  }),
  callback: action({
    summary: 'The head (or the office) records the callback to the rater (回访) and its result.',
    roles: ['staff', 'office'],
    input: z
      .object({
        rectificationId,
        result: z.enum(CALLBACK_RESULTS, { error: '请选择回访结果:满意、基本满意、仍不满意或多次联系未接通' }),
        note: text('回访情况', 2, 300),
      })
      .strict(),
    output: z.object({ item: rectificationView }),
  }),
  close: action({
    summary: 'The head (or the office) closes the item; refused before the callback is recorded.',
    roles: ['staff', 'office'],
    input: z.object({ rectificationId }).strict(),
    output: z.object({ item: rectificationView }),
  }),
  appeal: action({
    summary: 'The clerk rated appeals (申诉) a bad review within 5 working days, with reasons; the office is told.',
    roles: ['staff'],
    input: z.object({ ratingId, reasons: text('申诉理由', 10, 500) }).strict(),
    output: z.object({ appeal: appealView }),
  }),
  appeals: action({
    summary: "The office and leaders: the center's appeals, pending first.",
    roles: ['office', 'leader'],
    input: z.object({ state: z.enum(['pending', 'upheld', 'rejected']).optional() }).strict(),
    output: z.object({ appeals: z.array(appealView) }),
  }),
  decideAppeal: action({
    summary: 'The office decides an appeal: upheld takes the rating out of the figures (the record stays) and ends its rectification; rejected keeps it.',
    roles: ['office'],
    input: z
      .object({
        appealId: idField('申诉'),
        outcome: z.enum(APPEAL_DECISIONS, { error: '请选择审核结果:申诉成立或申诉不成立' }),
        reasons: text('审核意见', 5, 500),
      })
      .strict(),
    output: z.object({ appeal: appealView }),
  }),
} as const;

