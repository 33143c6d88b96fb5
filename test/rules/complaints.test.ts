/** R-CMP-1/3/6 rules, table-driven over National Day and Spring Festival 2026. */
import { WorkCalendar } from '../../shared/domain/calendar';
import {
  accountabilityFlags,
  complaintDeadline,
  majorProblem,
  receivedOn,
  replyForm,
  stepProgress,
  transitionProblem,
  type ComplaintChannel,
  type ComplaintClass,
} from '../../shared/domain/complaints';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';

const cal = new WorkCalendar(OFFICIAL_SCHEDULE);

describe('time limits on the working-day calendar (R-CMP-3)', () => {
  test.each<[string, string, string, ComplaintClass, string]>([
    // filed on, at,   counts from,   class,     answer by
    ['2026-09-30', '10:00', '2026-09-30', 'general', '2026-10-08'], // eve of National Day: the next working day is after the holiday
    ['2026-09-30', '10:00', '2026-09-30', 'complex', '2026-10-13'], // 8, 9, 10 (working Saturday), 12, 13
    ['2026-09-30', '10:00', '2026-09-30', 'major', '2026-10-13'],
    ['2026-09-30', '17:30', '2026-10-08', 'general', '2026-10-09'], // after 17:00 on the eve: counts from 8 October
    ['2026-09-30', '17:30', '2026-10-08', 'complex', '2026-10-14'],
    ['2026-10-03', '10:00', '2026-10-08', 'general', '2026-10-09'], // in the holiday (in the app)
    ['2026-02-13', '16:00', '2026-02-13', 'general', '2026-02-14'], // Spring Festival: 14 Feb is a working Saturday
    ['2026-02-14', '17:05', '2026-02-24', 'general', '2026-02-25'], // after 17:00 on the last day before the break
    ['2026-02-14', '17:05', '2026-02-24', 'complex', '2026-03-02'], // 25, 26, 27, 28 (working Saturday), 2 March
    ['2026-03-06', '18:00', '2026-03-09', 'general', '2026-03-10'], // Friday evening
    ['2026-03-02', '09:00', '2026-03-02', 'general', '2026-03-03'],
  ])('filed %s %s counts from %s; %s answered by %s', (date, time, from, klass, by) => {
    expect(receivedOn(cal, date, time)).toBe(from);
    expect(complaintDeadline(cal, from, klass)).toBe(by);
  });
});

describe('a major complaint must be in writing (R-CMP-1)', () => {
  test.each<[ComplaintClass, ComplaintChannel, boolean]>([
    ['major', 'phone', false],
    ['major', 'oral', false],
    ['major', 'suggestion_box', false],
    ['major', 'written', true],
    ['major', 'in_app', true],
    ['general', 'phone', true],
    ['complex', 'oral', true],
  ])('%s by %s allowed: %s', (klass, channel, allowed) => {
    const p = majorProblem(klass, channel);
    expect(p === null).toBe(allowed);
    if (p) expect(p).toMatch(/对不起.*书面/);
  });

  test.each<[ComplaintChannel, 'oral' | 'written']>([
    ['phone', 'oral'],
    ['oral', 'oral'],
    ['written', 'written'],
    ['in_app', 'written'],
    ['suggestion_box', 'written'],
  ])('a %s complaint gets a %s reply (R-CMP-4)', (channel, form) => {
    expect(replyForm(channel)).toBe(form);
  });
});

describe('steps and transitions', () => {
  const base = { classified: true, outcome: undefined, rating: undefined, reviewRequestedAt: undefined } as const;
  test.each([
    ['assign', { ...base, state: 'received' as const, classified: false }, /先对投诉进行分类/],
    ['assign', { ...base, state: 'registered' as const, classified: true }, null],
    ['reply', { ...base, state: 'investigating' as const }, /处于“调查”环节/],
    ['requestReview', { ...base, state: 'replied' as const, rating: 'satisfied' as const }, /请先对答复作出评价/],
    ['requestReview', { ...base, state: 'replied' as const, rating: 'unsatisfied' as const }, null],
    ['requestReview', { ...base, state: 'replied' as const, rating: 'unsatisfied' as const, reviewRequestedAt: '2026-03-03T01:00:00Z' }, /只能申请复核一次/],
    ['carriedOut', { ...base, state: 'replied' as const, outcome: { substantiated: false, findings: '', measure: '', closedOn: '', closedBy: '' } }, /不属实/],
    ['archive', { ...base, state: 'replied' as const, outcome: { substantiated: true, findings: '', measure: '', closedOn: '', closedBy: '' } }, /请先登记处理措施已执行/],
  ] as const)('%s in %j', (action, c, expected) => {
    const p = transitionProblem(action, c);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toMatch(expected);
  });

  test('progress along the standard steps', () => {
    expect(stepProgress('investigating').map((s) => `${s.label}${s.done ? '✓' : s.current ? '●' : ''}`)).toEqual(['受理✓', '登记✓', '调查●', '处理', '反馈', '执行', '归档']);
  });
});

describe('accountability over a rolling 12 months (R-CMP-6)', () => {
  const f = (complaintId: string, on: string, subject = 'staff:u1') => ({ complaintId, subject, on });
  test.each([
    ['one substantiated → 通报', [f('a', '2026-03-02')], ['notice']],
    ['two within 12 months → 下岗', [f('a', '2026-03-02'), f('b', '2027-02-26')], ['notice', 'dismissal']],
    ['two 13 months apart → 通报 each', [f('a', '2026-03-02'), f('b', '2027-04-02')], ['notice', 'notice']],
    ['exactly a year apart → outside the 12 months', [f('a', '2026-03-02'), f('b', '2027-03-02')], ['notice', 'notice']],
    ['three: the third within 12 months of the second', [f('a', '2026-01-05'), f('b', '2026-12-01'), f('c', '2027-06-01')], ['notice', 'dismissal', 'dismissal']],
    ['none', [], []],
  ])('%s', (_label, findings, levels) => {
    expect(accountabilityFlags(findings).map((x) => x.level)).toEqual(levels);
  });

  test('counted per staff member and per window, with the complaints behind the flag', () => {
    const flags = accountabilityFlags([f('a', '2026-03-02', 'staff:u1'), f('a', '2026-03-02', 'window:w1'), f('b', '2026-05-02', 'staff:u2'), f('b', '2026-05-02', 'window:w1')]);
    expect(flags.filter((x) => x.subject === 'window:w1').map((x) => [x.level, x.complaintIds])).toEqual([
      ['notice', ['a']],
      ['dismissal', ['a', 'b']],
    ]);
    expect(flags.filter((x) => x.subject.startsWith('staff:')).map((x) => x.level)).toEqual(['notice', 'notice']);
  });
});
