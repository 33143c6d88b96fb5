/** R-DUTY-1: a month's roster covers every working day with one or more leaders, table-driven. */
import { WorkCalendar } from '../../shared/domain/calendar';
import { dutyLeaderIds, monthDates, monthWorkingDays, nextMonth, rosterProblems, rosterRefusal, draftProblems, type RosterEntry, type RosterPerson } from '../../shared/domain/duty';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';

const cal = new WorkCalendar(OFFICIAL_SCHEDULE);
const people: RosterPerson[] = [
  { id: 'L1', name: '赵书记', role: 'leader' },
  { id: 'L2', name: '钱镇长', role: 'leader' },
  { id: 'S1', name: '孙浩', role: 'staff' },
  { id: 'O1', name: '周敏', role: 'office' },
];
/** Every working day of the month, taking turns between L1 and L2. */
const full = (month: string, c = cal): RosterEntry[] => monthWorkingDays(month, c).map((date, i) => ({ date, leaderIds: [i % 2 ? 'L2' : 'L1'] }));
const kinds = (month: string, entries: RosterEntry[], c = cal) => rosterProblems(month, entries, c, people).map((p) => `${p.kind} ${p.date}`);

describe('the working days a roster must cover', () => {
  test.each([
    // National Day week 2026: 1–7 Oct off, Saturday 10 Oct an adjusted working day.
    ['2026-10', 18, '2026-10-08', '2026-10-30', ['2026-10-10']],
    // Spring Festival 2026: 15–23 Feb off; Saturdays 14 and 28 Feb adjusted working days.
    ['2026-02', 16, '2026-02-02', '2026-02-28', ['2026-02-14', '2026-02-28']],
    // December ends on Thursday 31: the month's last day is a working day.
    ['2026-12', 23, '2026-12-01', '2026-12-31', []],
  ])('%s has %d working days from %s to %s (working Saturdays %j)', (month, count, first, last, saturdays) => {
    const days = monthWorkingDays(month, cal);
    expect(days).toHaveLength(count);
    expect(days[0]).toBe(first);
    expect(days[days.length - 1]).toBe(last);
    expect(days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 6)).toEqual(saturdays);
  });

  test.each([
    ['2026-02', 28],
    ['2028-02', 29],
    ['2026-12', 31],
    ['2026-04', 30],
  ])('%s has %d dates', (month, n) => {
    expect(monthDates(month)).toHaveLength(n);
  });

  test.each([
    ['2026-11', '2026-12'],
    ['2026-12', '2027-01'],
  ])('the month after %s is %s', (m, next) => expect(nextMonth(m)).toBe(next));
});

describe('rosterProblems (R-DUTY-1)', () => {
  test.each([
    ['2026-10', 'the National Day month with its working Saturday'],
    ['2026-02', 'Spring Festival with two working Saturdays'],
    ['2026-12', 'a month whose last day is a working day'],
  ])('a full roster of %s has no problems (%s)', (month) => {
    expect(rosterProblems(month, full(month), cal, people)).toEqual([]);
  });

  test('several leaders on one day are allowed', () => {
    const entries = full('2026-10').map((e, i) => (i === 0 ? { ...e, leaderIds: ['L1', 'L2'] } : e));
    expect(rosterProblems('2026-10', entries, cal, people)).toEqual([]);
  });

  type Case = [string, string, (e: RosterEntry[]) => RosterEntry[], string[]];
  const cases: Case[] = [
    ['a missing working day', '2026-10', (e) => e.filter((x) => x.date !== '2026-10-09'), ['gap 2026-10-09']],
    ['the adjusted working Saturday left out', '2026-10', (e) => e.filter((x) => x.date !== '2026-10-10'), ['gap 2026-10-10']],
    ['a day with an empty choice', '2026-10', (e) => e.map((x) => (x.date === '2026-10-12' ? { ...x, leaderIds: [] } : x)), ['gap 2026-10-12']],
    ['the month end uncovered', '2026-12', (e) => e.filter((x) => x.date !== '2026-12-31'), ['gap 2026-12-31']],
    ['a clerk on duty', '2026-10', (e) => e.map((x) => (x.date === '2026-10-14' ? { ...x, leaderIds: ['S1'] } : x)), ['not_leader 2026-10-14']],
    ['a leader and the office together', '2026-10', (e) => e.map((x) => (x.date === '2026-10-15' ? { ...x, leaderIds: ['L1', 'O1'] } : x)), ['not_leader 2026-10-15']],
    ['someone not of the center', '2026-10', (e) => e.map((x) => (x.date === '2026-10-16' ? { ...x, leaderIds: ['nobody'] } : x)), ['unknown_person 2026-10-16']],
    ['a holiday of the National Day week', '2026-10', (e) => [...e, { date: '2026-10-05', leaderIds: ['L1'] }], ['not_working_day 2026-10-05']],
    ['a holiday with nobody chosen is fine', '2026-10', (e) => [...e, { date: '2026-10-05', leaderIds: [] }], []],
    ['a day of the next month', '2026-12', (e) => [...e, { date: '2027-01-04', leaderIds: ['L1'] }], ['outside_month 2027-01-04']],
    ['the same day twice', '2026-10', (e) => [...e, { date: '2026-10-08', leaderIds: ['L2'] }], ['duplicate_date 2026-10-08']],
    ['the same leader twice on a day', '2026-10', (e) => e.map((x) => (x.date === '2026-10-19' ? { ...x, leaderIds: ['L1', 'L1'] } : x)), ['duplicate_leader 2026-10-19']],
    ['no entries at all', '2026-02', () => [], monthWorkingDays('2026-02', cal).map((d) => `gap ${d}`)],
  ];
  test.each(cases)('%s', (_name, month, change, expected) => {
    expect(kinds(month, change(full(month)))).toEqual(expected);
  });

  test("a center's closure day needs no leader; an admin-entered working Saturday does", () => {
    const own = new WorkCalendar(OFFICIAL_SCHEDULE, [
      { date: '2026-10-21', kind: 'closure', note: '设备检修' },
      { date: '2026-10-24', kind: 'workday', note: '补班' },
    ]);
    const entries = full('2026-10', cal);
    expect(kinds('2026-10', entries, own)).toEqual(['not_working_day 2026-10-21', 'gap 2026-10-24']);
  });

  test('messages name the day and the person, courteously', () => {
    const entries = full('2026-10').filter((x) => x.date !== '2026-10-09').map((x) => (x.date === '2026-10-14' ? { ...x, leaderIds: ['S1'] } : x));
    const problems = rosterProblems('2026-10', entries, cal, people);
    expect(problems.map((p) => p.message)).toEqual([
      '10月9日 周五是工作日,还没有安排带班领导,请至少选择一位领导。',
      '10月14日 周三安排的孙浩不是本中心的带班领导,请改选一位领导。',
    ]);
    expect(problems.map((p) => p.field)).toEqual(['entries.2026-10-09', 'entries.2026-10-14']);
    expect(rosterRefusal(problems, true)).toBe('对不起,排班表暂不能公示:10月9日还没有安排带班领导;10月14日安排了不是本中心带班领导的人员。请按标出的日期修改后再发布,谢谢。');
    // A draft may leave days open, never a non-leader.
    expect(draftProblems(problems).map((p) => p.kind)).toEqual(['not_leader']);
  });
});

describe('dutyLeaderIds reads both shapes of a published day', () => {
  test.each([
    [{ leaderIds: ['L1', 'L2'] }, ['L1', 'L2']],
    [{ leaderId: 'L1' }, ['L1']],
    [{}, []],
  ])('%j → %j', (doc, ids) => expect(dutyLeaderIds(doc)).toEqual(ids));
});
