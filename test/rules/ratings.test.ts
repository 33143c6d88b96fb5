/** R-RATE-1..2 rules, table-driven; dates worked out by hand over National Day, Spring Festival, Qingming and month ends. */
import { WorkCalendar } from '../../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';
import {
  appealLastDay,
  appealProblem,
  finishedOnForRating,
  headOfWindow,
  isBad,
  isSatisfied,
  nextRectificationState,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  ratingDaysLeft,
  ratingLastDay,
  rateProblem,
  rectificationDeadline,
  rectificationProblem,
  satisfactionRate,
  SUB_INDICATOR_LABELS,
  type RateableCase,
  type RatingLevel,
  type RectificationAction,
  type RectificationState,
} from '../../shared/domain/ratings';

const cal = new WorkCalendar(OFFICIAL_SCHEDULE);

describe('the five levels and the four sub-indicators (R-RATE-1)', () => {
  test('labels in the national order', () => {
    expect(RATING_LEVELS.map((l) => RATING_LEVEL_LABELS[l])).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(Object.values(SUB_INDICATOR_LABELS)).toEqual(['办事效率', '指南准确', '办事便利', '服务态度']);
  });
  test.each<[RatingLevel, boolean, boolean]>([
    ['very_satisfied', true, false],
    ['satisfied', true, false],
    ['basically_satisfied', true, false],
    ['unsatisfied', false, true],
    ['very_unsatisfied', false, true],
  ])('%s: satisfied %s, bad %s', (level, sat, bad) => {
    expect(isSatisfied(level)).toBe(sat);
    expect(isBad(level)).toBe(bad);
  });
});

describe('what can be rated, and for 30 days (R-RATE-1)', () => {
  const c = (status: RateableCase['status'], finishedOn: string | null, bookingCheckedIn = false): RateableCase => ({ status, finishedOn, bookingCheckedIn });
  test.each<[string, RateableCase, string, boolean, string | null]>([
    // what,                                   case,                                     today,        rated, problem contains
    ['done, same day', c('done', '2026-09-30'), '2026-09-30', false, null],
    ['done, across National Day', c('done', '2026-09-30'), '2026-10-08', false, null],
    ['done, last day (Jan 31 + 30 = Mar 2)', c('done', '2026-01-31'), '2026-03-02', false, null],
    ['done, one day late', c('done', '2026-01-31'), '2026-03-03', false, '超过30天'],
    ['rated twice', c('done', '2026-09-30'), '2026-10-08', true, '只能评价一次'],
    ['still in progress', c('accepted', null), '2026-10-08', false, '尚未办结'],
    ['awaiting materials', c('supplement', null), '2026-10-08', false, '尚未办结'],
    ['refused walk-in', c('rejected', '2026-10-08'), '2026-10-08', false, '尚未办结'],
    ['refused, booking checked in', c('rejected', '2026-10-08', true), '2026-10-09', false, null],
    ['forwarded, booking checked in', c('forwarded', '2026-10-08', true), '2026-10-09', false, null],
    ['forwarded walk-in (awaits the outcome)', c('forwarded', '2026-10-08'), '2026-10-09', false, '尚未办结'],
  ])('%s', (_what, rc, today, rated, problem) => {
    const p = rateProblem(rc, today, rated);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
  test.each<[string, string, string, number]>([
    ['2026-01-31', '2026-03-02', '2026-02-01', 29],
    ['2026-02-28', '2026-03-30', '2026-03-30', 0],
    ['2026-12-15', '2027-01-14', '2027-01-15', -1],
  ])('finished %s: last day %s; on %s %i days left', (finished, last, today, left) => {
    expect(ratingLastDay(finished)).toBe(last);
    expect(ratingDaysLeft(finished, today)).toBe(left);
  });
  test('a done case counts from its finishing day', () => {
    expect(finishedOnForRating(c('done', '2026-05-06'))).toBe('2026-05-06');
    expect(finishedOnForRating(c('received', null))).toBeNull();
  });
});

describe('appeal within 5 working days (R-RATE-2)', () => {
  test.each<[string, string]>([
    ['2026-09-29', '2026-10-12'], // 30 Sep, 8, 9, 10 (working Saturday), 12 October
    ['2026-01-30', '2026-02-06'], // month end, a Friday
    ['2026-03-31', '2026-04-08'], // month end before Qingming (4–6 April off)
    ['2026-02-13', '2026-02-27'], // Friday before Spring Festival: 14 (working Saturday), 24, 25, 26, 27
  ])('rated %s: last appeal day %s', (ratedOn, last) => {
    expect(appealLastDay(cal, ratedOn)).toBe(last);
    expect(appealProblem(cal, { level: 'unsatisfied', ratedOn, appeal: 'none' }, last)).toBeNull();
    expect(appealProblem(cal, { level: 'unsatisfied', ratedOn, appeal: 'none' }, cal.addWorkingDays(last, 1))).toContain('已超过期限');
  });
  test.each<[RatingLevel, 'none' | 'pending' | 'upheld' | 'rejected', string | null]>([
    ['very_unsatisfied', 'none', null],
    ['basically_satisfied', 'none', '只有'],
    ['unsatisfied', 'pending', '只能申诉一次'],
    ['unsatisfied', 'rejected', '只能申诉一次'],
  ])('%s with appeal %s', (level, appeal, problem) => {
    const p = appealProblem(cal, { level, ratedOn: '2026-09-29', appeal }, '2026-09-30');
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});

describe('rectification: 15 working days, verify → rectify → callback → close (R-RATE-2)', () => {
  test.each<[string, string]>([
    ['2026-09-29', '2026-10-26'], // across National Day
    ['2026-01-30', '2026-02-27'], // across Spring Festival (15–23 Feb off; 14 Feb worked)
    ['2026-03-31', '2026-04-22'], // across Qingming
  ])('opened %s: due %s', (opened, due) => {
    expect(rectificationDeadline(cal, opened)).toBe(due);
  });
  test.each<[RectificationAction, RectificationState, string | null]>([
    ['verify', 'opened', null],
    ['rectify', 'verified', null],
    ['callback', 'rectified', null],
    ['close', 'called_back', null],
    ['close', 'opened', '须先回访'],
    ['close', 'rectified', '须先回访'],
    ['rectify', 'opened', '顺序'],
    ['callback', 'verified', '顺序'],
    ['verify', 'closed', '已经办结'],
  ])('%s in %s', (action, state, problem) => {
    const p = rectificationProblem(action, state);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
  test('each action moves one step', () => {
    expect((['verify', 'rectify', 'callback', 'close'] as const).map(nextRectificationState)).toEqual(['verified', 'rectified', 'called_back', 'closed']);
  });
});

describe('head of the window and the satisfaction rate', () => {
  const posts = [
    { id: 'p2', windowId: 'w1', aId: 'u-b', bId: 'u-x' },
    { id: 'p1', windowId: 'w1', aId: 'u-a', bId: 'u-y' },
    { id: 'p3', windowId: 'w2', aId: 'u-c', bId: 'u-z' },
  ];
  test.each<[string, string | undefined, string[], string | null]>([
    ['w1', 'p2', ['u-h'], 'u-b'], // the A of the case's own post
    ['w1', undefined, ['u-h'], 'u-a'], // else the A of the window's first post
    ['w1', 'p3', ['u-h'], 'u-a'], // a post of another window is not this window's head
    ['w1', 'p2', ['u-b'], 'u-x'], // A is the clerk rated: B takes it
    ['w1', 'p2', ['u-b', 'u-x'], null], // both rated: the office
    ['w9', undefined, ['u-h'], null], // no post at the window: the office
  ])('window %s post %s rated %j → %s', (w, p, rated, head) => {
    expect(headOfWindow(posts, w, p, rated)).toBe(head);
  });
  test('satisfied over all, upheld appeals excluded', () => {
    const r = (level: RatingLevel, excludedFromFigures = false) => ({ level, excludedFromFigures });
    expect(satisfactionRate([])).toBeNull();
    expect(satisfactionRate([r('very_satisfied'), r('basically_satisfied'), r('unsatisfied'), r('satisfied')])).toBe(0.75);
    expect(satisfactionRate([r('very_satisfied'), r('very_unsatisfied', true), r('unsatisfied')])).toBe(0.5);
  });
});
