/** R-CASE-2/3/5/6 rules, table-driven over the 2026 National Day week and Spring Festival. */
import { actingHandler, deadlineBadge, dueStages, nextReminderDate, reminderDates, supplementProblem, workingDaysLeft, type ReminderStage } from '../../shared/domain/cases';
import { WorkCalendar } from '../../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';

const cal = new WorkCalendar(OFFICIAL_SCHEDULE);

describe('reminder dates around long holidays', () => {
  test.each([
    // deadline,   due soon (2 working days before), overdue (next working day after)
    ['2026-10-09', '2026-09-30', '2026-10-10'], // across National Day; 10-10 is an adjusted working Saturday
    ['2026-10-08', '2026-09-29', '2026-10-09'],
    ['2026-02-24', '2026-02-13', '2026-02-25'], // across Spring Festival; 02-14 (Sat) is a working day
    ['2026-02-25', '2026-02-14', '2026-02-26'],
    ['2026-03-04', '2026-03-02', '2026-03-05'],
    ['2026-03-09', '2026-03-05', '2026-03-10'], // a Monday deadline: due soon the Thursday before
  ])('deadline %s: due soon %s, overdue %s', (deadline, soon, overdue) => {
    expect(reminderDates(cal, deadline)).toEqual({ due_soon: soon, due_today: deadline, overdue });
  });
});

describe('which stages are due', () => {
  test.each<[string, string, ReminderStage[], ReminderStage[]]>([
    ['2026-10-09', '2026-09-29', [], []],
    ['2026-10-09', '2026-09-30', [], ['due_soon']],
    ['2026-10-09', '2026-10-03', ['due_soon'], []], // holiday: nothing new
    ['2026-10-09', '2026-10-09', ['due_soon'], ['due_today']],
    ['2026-10-09', '2026-10-09', [], ['due_today']], // missed "due soon" is not sent late
    ['2026-10-09', '2026-10-10', ['due_soon', 'due_today'], ['overdue']],
    ['2026-10-09', '2026-10-20', [], ['overdue']], // a sweep back after an outage sends only overdue
    ['2026-10-09', '2026-10-20', ['due_soon', 'due_today', 'overdue'], []],
  ])('deadline %s on %s with %j sent → %j', (deadline, today, sent, expected) => {
    expect(dueStages(cal, deadline, today, sent)).toEqual(expected);
  });

  test.each([
    ['2026-10-09', '2026-09-29', '2026-09-30'],
    ['2026-10-09', '2026-09-30', '2026-10-09'],
    ['2026-10-09', '2026-10-09', '2026-10-10'],
    ['2026-10-09', '2026-10-10', null],
  ])('deadline %s, after %s the sweep next looks on %s', (deadline, today, next) => {
    expect(nextReminderDate(cal, deadline, today)).toBe(next);
  });
});

describe('badges and days left', () => {
  test.each([
    ['2026-10-09', '2026-09-28', 4, 'on_time'],
    ['2026-10-09', '2026-09-30', 2, 'due_soon'],
    ['2026-10-09', '2026-10-01', 2, 'due_soon'],
    ['2026-10-09', '2026-10-08', 1, 'due_soon'],
    ['2026-10-09', '2026-10-09', 0, 'due_today'],
    ['2026-10-09', '2026-10-10', -1, 'overdue'],
    ['2026-10-09', '2026-10-12', -2, 'overdue'],
  ])('deadline %s on %s: %d working days left, %s', (deadline, today, left, badge) => {
    expect(workingDaysLeft(cal, deadline, today)).toBe(left);
    expect(deadlineBadge(cal, deadline, today)).toBe(badge);
  });
});

describe('the one supplement notice lists missing materials from the item list', () => {
  const list = ['居民身份证', '户口簿', '收入证明'];
  test.each<[string[], RegExp | null]>([
    [['户口簿'], null],
    [['户口簿', '收入证明'], null],
    [[], /勾选/],
    [['其他材料'], /不在本事项的材料清单/],
  ])('%j', (missing, problem) => {
    const p = supplementProblem(list, missing);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });
});

describe('A/B posts (R-CASE-6)', () => {
  const post = { aId: 'A', bId: 'B' };
  const leaves = [
    { userId: 'A', from: '2026-09-28', to: '2026-10-09' },
    { userId: 'B', from: '2026-10-09', to: '2026-10-09' },
  ];
  test.each([
    ['A', '2026-09-25', 'A'],
    ['A', '2026-09-28', 'B'],
    ['A', '2026-10-09', null],
    ['A', '2026-10-10', 'A'],
    ['B', '2026-09-28', 'B'],
    ['B', '2026-10-09', null],
  ])('handler %s on %s → %s', (handler, date, acting) => {
    expect(actingHandler(handler, post, date, leaves)).toBe(acting);
  });
});
