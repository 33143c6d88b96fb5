/**
 * What of a rating each caller sees (R-RATE-1..2, confidentiality): the views below are the ONE
 * place a rating, a rectification item or an appeal is turned into a response. Staff views carry
 * the level, the comment and the masked applicant name; never the rater's or resident's id, the
 * pad, or the agent. The rater's own view names the resident an agent rated for.
 */
import type { AppealView, RectificationView, StaffRatingView } from '../../../../shared/contracts/ratings';
import type { ratingsContract } from '../../../../shared/contracts/ratings';
import type { ActionOutput } from '../../../../shared/contracts/define';
import type { WorkCalendar } from '../../../../shared/domain/calendar';
import { deadlineBadge, type Case } from '../../../../shared/domain/cases';
import type { User } from '../../../../shared/domain/org';
import {
  APPEAL_STATE_LABELS,
  appealLastDay,
  appealProblem,
  CALLBACK_RESULT_LABELS,
  RATING_CHANNEL_LABELS,
  RATING_LEVEL_LABELS,
  RECTIFICATION_STATE_LABELS,
  rectificationProblem,
  rectificationTimed,
  type RateableCase,
  type Rating,
  type RatingAppeal,
  type Rectification,
  type RectificationAction,
} from '../../../../shared/domain/ratings';
import { shanghaiDate } from '../../../../shared/domain/time';
import type { Ctx } from '../../context';

type OwnRatingView = ActionOutput<(typeof ratingsContract)['mine']>['ratings'][number];

export const todayOf = (ctx: Ctx): string => shanghaiDate(ctx.clock.now());

/** The window names of a center, for the views. */
export async function windowNames(ctx: Ctx, centerId: string): Promise<Map<string, string>> {
  const windows = await ctx.store.find('windows', { where: { centerId } });
  return new Map(windows.map((w) => [w.id, w.name]));
}

/** What the rating rules read of a case: its finishing day and whether its booking was checked in. */
export async function rateable(ctx: Ctx, c: Case): Promise<RateableCase> {
  const finishedOn = c.status === 'forwarded' ? (c.acceptedOn ?? null) : c.finishedAt ? shanghaiDate(new Date(c.finishedAt)) : null;
  const booking = c.bookingId ? await ctx.store.get('bookings', c.bookingId) : null;
  return { status: c.status, finishedOn, bookingCheckedIn: booking?.status === 'arrived' };
}

export function ownView(r: Rating, rect: Rectification | null, residentName: string | null): OwnRatingView {
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    itemName: r.itemName,
    handlerName: r.handlerName,
    level: r.level,
    levelLabel: RATING_LEVEL_LABELS[r.level],
    subIndicators: r.subIndicators,
    comment: r.comment,
    channel: r.channel,
    channelLabel: RATING_CHANNEL_LABELS[r.channel],
    onBehalfOf: r.onBehalf ? residentName : null,
    createdAt: r.createdAt,
    rectification: rect ? { state: rect.state, stateLabel: RECTIFICATION_STATE_LABELS[rect.state], deadline: rect.deadline } : null,
  };
}

/** The clerk rated: the handler, or the first-ask person when different. */
export const isRatedClerk = (r: Pick<Rating, 'handlerId' | 'firstAskId'>, userId: string): boolean => r.handlerId === userId || r.firstAskId === userId;

export function staffView(r: Rating, viewer: User, cal: WorkCalendar, today: string, windows: Map<string, string>): StaffRatingView {
  const rated = isRatedClerk(r, viewer.id);
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    itemName: r.itemName,
    windowId: r.windowId,
    windowName: windows.get(r.windowId) ?? '',
    handlerId: r.handlerId,
    handlerName: r.handlerName,
    firstAskName: r.firstAskName ?? null,
    applicantMasked: r.applicantMasked,
    level: r.level,
    levelLabel: RATING_LEVEL_LABELS[r.level],
    bad: r.bad,
    subIndicators: r.subIndicators,
    comment: r.comment,
    channelLabel: RATING_CHANNEL_LABELS[r.channel],
    ratedOn: r.ratedOn,
    appeal: r.appeal,
    appealLabel: APPEAL_STATE_LABELS[r.appeal],
    excludedFromFigures: r.excludedFromFigures,
    appealLastDay: rated && r.bad ? appealLastDay(cal, r.ratedOn) : null,
    appealProblem: rated ? appealProblem(cal, r, today) : null,
  };
}

/** Who may act on a rectification item: its head, or the office (supervision). */
export function mayHandle(item: Rectification, viewer: User): boolean {
  return viewer.centerId === item.centerId && (viewer.id === item.headId || viewer.role === 'office');
}

/** Who may see it: those who act, and the center's leaders. */
export function maySeeRectification(item: Rectification, viewer: User): boolean {
  return mayHandle(item, viewer) || (viewer.role === 'leader' && viewer.centerId === item.centerId);
}

const ACTIONS: readonly RectificationAction[] = ['verify', 'rectify', 'callback', 'close'];

export function rectView(item: Rectification, rating: Rating | null, viewer: User, cal: WorkCalendar, today: string, windows: Map<string, string>, phone: string | null): RectificationView {
  const acting = mayHandle(item, viewer);
  // The clerk rated never gets the rater's number, even as head; the office then makes the call.
  const showPhone = viewer.role === 'office' || (viewer.id === item.headId && !(rating && isRatedClerk(rating, viewer.id)));
  return {
    id: item.id,
    ratingId: item.ratingId,
    caseId: item.caseId,
    caseNumber: item.caseNumber,
    itemName: item.itemName,
    windowName: windows.get(item.windowId) ?? '',
    handlerName: rating?.handlerName ?? '',
    headName: item.headName,
    applicantMasked: rating?.applicantMasked ?? '',
    level: item.level,
    levelLabel: RATING_LEVEL_LABELS[item.level],
    comment: rating?.comment ?? '',
    subIndicators: rating?.subIndicators ?? {},
    state: item.state,
    stateLabel: RECTIFICATION_STATE_LABELS[item.state],
    openedOn: item.openedOn,
    deadline: item.deadline,
    badge: rectificationTimed(item.state) ? deadlineBadge(cal, item.deadline, today) : null,
    contactPhone: showPhone ? phone : null,
    verification: item.verification?.text ?? null,
    measures: item.measures?.text ?? null,
    callback: item.callback ? { result: item.callback.result, resultLabel: CALLBACK_RESULT_LABELS[item.callback.result], note: item.callback.note, onTime: item.callback.onTime } : null,
    closedAt: item.closedAt ?? null,
    closedByAppeal: item.closedBy === 'appeal_upheld',
    actions: acting ? ACTIONS.filter((a) => rectificationProblem(a, item.state) === null) : [],
  };
}

export function appealView(a: RatingAppeal, comment: string, windows: Map<string, string>): AppealView {
  return {
    id: a.id,
    ratingId: a.ratingId,
    caseNumber: a.caseNumber,
    itemName: a.itemName,
    windowName: windows.get(a.windowId) ?? '',
    byName: a.byName,
    level: a.level,
    levelLabel: RATING_LEVEL_LABELS[a.level],
    comment,
    reasons: a.reasons,
    filedAt: a.filedAt,
    state: a.state,
    stateLabel: APPEAL_STATE_LABELS[a.state],
    decision: a.decision ? { outcome: a.decision.outcome, reasons: a.decision.reasons, byName: a.decision.byName, at: a.decision.at } : null,
  };
}

/** The phone to call the rater back on: the resident's on record, when there is one. */
export async function raterPhone(ctx: Ctx, r: Rating | null): Promise<string | null> {
  if (!r?.residentId) return null;
  const res = await ctx.store.get('residents', r.residentId);
  return res?.phone || null;
}
