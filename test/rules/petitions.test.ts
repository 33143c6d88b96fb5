/** R-PET-1/2 rules: the reply's 3 days in working or calendar days across National Day and Spring Festival 2026, a leader's week, collective and urgent petitions, the states. */
import { WorkCalendar } from '../../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';
import { isCollective, leaderDue, needsAlert, petitionTransitionProblem, replyDue, type DayCount, type PetitionAction, type PetitionState } from '../../shared/domain/petitions';

const cal = new WorkCalendar(OFFICIAL_SCHEDULE);

describe('the reply within 3 days, as a due date (R-PET-1)', () => {
  test.each<[string, string, DayCount, string]>([
    // received on, at,  counted in,  reply by
    ['2026-09-30', '10:00', 'working', '2026-10-10'], // eve of National Day: 8, 9, 10 October (a working Saturday)
    ['2026-09-30', '10:00', 'calendar', '2026-10-03'], // every day counts, the holiday too
    ['2026-09-30', '17:00', 'working', '2026-10-12'], // at closing time on the eve: counts from 8 October → 9, 10, 12
    ['2026-09-30', '17:30', 'working', '2026-10-12'],
    ['2026-09-30', '17:30', 'calendar', '2026-10-04'], // after hours: counts from the next day
    ['2026-10-03', '10:00', 'working', '2026-10-12'], // in the holiday: from the first working day after it
    ['2026-10-03', '10:00', 'calendar', '2026-10-06'],
    ['2026-10-09', '10:00', 'working', '2026-10-13'], // Friday: 10 (working Saturday), 12, 13
    ['2026-02-13', '16:00', 'working', '2026-02-25'], // Spring Festival: 14 Feb (working Saturday), 24, 25
    ['2026-02-13', '16:00', 'calendar', '2026-02-16'],
    ['2026-02-14', '17:05', 'working', '2026-02-27'], // after 17:00 on the eve of the break: 25, 26, 27
    ['2026-02-14', '17:05', 'calendar', '2026-02-18'],
    ['2026-03-02', '09:00', 'working', '2026-03-05'], // an ordinary Monday: both counts agree
    ['2026-03-02', '09:00', 'calendar', '2026-03-05'],
  ])('received %s %s, counted in %s days → %s', (date, time, count, due) => {
    expect(replyDue(cal, count, date, time)).toBe(due);
  });

  test("a center's own closure day is skipped in working days only", () => {
    const closed = new WorkCalendar(OFFICIAL_SCHEDULE, [{ date: '2026-03-04', kind: 'closure', note: '停电' }]);
    expect(replyDue(closed, 'working', '2026-03-02', '09:00')).toBe('2026-03-06');
    expect(replyDue(closed, 'calendar', '2026-03-02', '09:00')).toBe('2026-03-05');
  });
});

test.each([
  ['2026-09-30', '2026-10-07'], // a week of calendar days, the holiday included
  ['2026-02-13', '2026-02-20'],
  ['2026-12-28', '2027-01-04'],
])("a leader's reception on %s is answered by %s", (on, due) => {
  expect(leaderDue(on)).toBe(due);
});

test.each<[number, boolean, boolean]>([
  [1, false, false],
  [4, false, false],
  [5, false, true], // 集体访: five or more
  [30, false, true],
  [1, true, true], // urgent
])('%i people, urgent %s → alert %s (R-PET-2)', (headcount, urgent, alert) => {
  expect(needsAlert({ collective: isCollective(headcount), urgent })).toBe(alert);
});

test.each<[PetitionAction, PetitionState, boolean]>([
  ['assign', 'registered', true],
  ['assign', 'assigned', true], // re-assignment
  ['assign', 'closed', false],
  ['reply', 'registered', false],
  ['reply', 'assigned', true],
  ['reply', 'received_by_leader', true],
  ['reply', 'replied', false],
  ['leaderReception', 'registered', true],
  ['leaderReception', 'replied', false],
  ['close', 'assigned', false],
  ['close', 'replied', true],
  ['close', 'closed', false],
])('%s in %s allowed: %s', (action, state, allowed) => {
  const problem = petitionTransitionProblem(action, state);
  expect(problem === null).toBe(allowed);
  if (problem) expect(problem).toMatch(/^对不起,.*请/);
});
