/**
 * The petition pages' decisions (client/src/petition/rules.ts; 信访, R-PET-1..3): each viewer is
 * offered exactly the steps the server allows (PETITION_ALLOWED_IN and who may act), the A4 forms
 * there are, the people of a unit, and a refused registration names every missing field at once
 * (the contract's own messages) without losing what was typed.
 */
import { petitionsContract } from '../../shared/contracts/petitions';
import type { Role } from '../../shared/domain/roles';

type Act = 'assign' | 'leaderReception' | 'reply' | 'close';
interface Viewed {
  state: 'registered' | 'assigned' | 'received_by_leader' | 'replied' | 'closed';
  assigneeId?: string;
  leaderReception?: { byId: string; byName: string; on: string; summary: string; due: string };
}
interface Draft {
  form: string | null;
  name: string;
  gender: string | null;
  age: string;
  occupation: string;
  addressOrUnit: string;
  politicalStatus: string;
  mainIssue: string;
  headcount: string;
  urgent: boolean;
  unitId: string | null;
}
interface Module {
  offeredActions(p: Viewed, viewer: { id: string; role: Role }): Act[];
  documentsOf(p: { unitName?: string; assigneeName?: string }): Array<'assignment' | 'notice'>;
  unitPeople<P extends { id: string; windowId: string }>(people: readonly P[], unitId: string | null, p: { unitId?: string; assigneeId?: string }): P[];
  progressOf(p: Viewed): Array<{ state: string; done: boolean; current: boolean }>;
  emptyPetitionDraft(): Draft;
  registerInput(d: Draft): Record<string, unknown>;
  collectiveDraft(d: { headcount: string }): boolean;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rules = require('../../client/src/petition/rules') as Module;

const office = { id: 'off', role: 'office' as const };
const leader = { id: 'lead', role: 'leader' as const };
const assignee = { id: 'clerk', role: 'staff' as const };
const other = { id: 'other', role: 'staff' as const };
const admin = { id: 'adm', role: 'admin' as const };
const reception = { byId: 'lead', byName: '刘志强', on: '2026-09-30', summary: '接待了', due: '2026-10-07' };

describe('offeredActions (as the server allows)', () => {
  test.each<[string, Viewed, { id: string; role: Role }, Act[]]>([
    ['registered, office', { state: 'registered' }, office, ['assign']],
    ['registered, leader', { state: 'registered' }, leader, ['leaderReception']],
    ['registered, a clerk', { state: 'registered' }, other, []],
    ['assigned, the assignee', { state: 'assigned', assigneeId: 'clerk' }, assignee, ['reply']],
    ['assigned, another clerk of the center', { state: 'assigned', assigneeId: 'clerk' }, other, []],
    ['assigned, office (re-assign)', { state: 'assigned', assigneeId: 'clerk' }, office, ['assign']],
    ['assigned, leader', { state: 'assigned', assigneeId: 'clerk' }, leader, ['leaderReception']],
    ['received by a leader, that leader answers too', { state: 'received_by_leader', assigneeId: 'clerk', leaderReception: reception }, leader, ['reply']],
    ['received by a leader, the assignee', { state: 'received_by_leader', assigneeId: 'clerk', leaderReception: reception }, assignee, ['reply']],
    ['replied, office closes', { state: 'replied', assigneeId: 'clerk' }, office, ['close']],
    ['replied, the assignee has nothing left', { state: 'replied', assigneeId: 'clerk' }, assignee, []],
    ['closed, office', { state: 'closed', assigneeId: 'clerk' }, office, []],
    ['an admin, never', { state: 'registered' }, admin, []],
  ])('%s', (_n, p, viewer, want) => {
    expect(rules.offeredActions(p, viewer)).toEqual(want);
  });
});

test('the 交办单 exists once a unit and a person are named; the 告知书 always (R-PET-3)', () => {
  expect(rules.documentsOf({})).toEqual(['notice']);
  expect(rules.documentsOf({ unitName: '人社窗口', assigneeName: '杨帆' })).toEqual(['assignment', 'notice']);
});

test("a unit's people: only that window's, without the present assignee of the same unit", () => {
  const people = [
    { id: 'a', windowId: 'w1' },
    { id: 'b', windowId: 'w1' },
    { id: 'c', windowId: 'w2' },
  ];
  expect(rules.unitPeople(people, null, {})).toEqual([]);
  expect(rules.unitPeople(people, 'w1', {}).map((p) => p.id)).toEqual(['a', 'b']);
  expect(rules.unitPeople(people, 'w1', { unitId: 'w1', assigneeId: 'a' }).map((p) => p.id)).toEqual(['b']);
  expect(rules.unitPeople(people, 'w2', { unitId: 'w1', assigneeId: 'a' }).map((p) => p.id)).toEqual(['c']);
});

test("the progress row: the leader's reception shows only when it happened", () => {
  expect(rules.progressOf({ state: 'assigned' }).map((s) => s.state)).toEqual(['registered', 'assigned', 'replied', 'closed']);
  expect(rules.progressOf({ state: 'assigned' }).map((s) => [s.done, s.current])).toEqual([[true, false], [false, true], [false, false], [false, false]]);
  expect(rules.progressOf({ state: 'replied', leaderReception: reception }).map((s) => s.state)).toEqual(['registered', 'assigned', 'received_by_leader', 'replied', 'closed']);
});

describe('registerInput', () => {
  test('an empty form: the contract names every required field, each with its own message', () => {
    const r = petitionsContract.register.input.safeParse(rules.registerInput(rules.emptyPetitionDraft()));
    expect(r.success).toBe(false);
    const fields = new Map((r.success ? [] : r.error.issues).map((i) => [i.path.join('.'), i.message]));
    expect([...fields.keys()].sort()).toEqual(['addressOrUnit', 'age', 'form', 'gender', 'mainIssue', 'name', 'occupation']);
    expect(fields.get('form')).toBe('请选择信访形式:来访、来信、来电或网上');
    expect(fields.get('age')).toBe('请填写年龄');
    expect(fields.get('gender')).toBe('请选择性别');
  });

  test('a full form is accepted as typed; political status only when given; numbers from the text fields', () => {
    const d = { ...rules.emptyPetitionDraft(), form: 'visit', name: '李大山', gender: 'male', age: ' 58 ', occupation: '农民', addressOrUnit: '白沙村三组', mainIssue: '村道修缮的补偿款至今未发放。', headcount: '6', urgent: false, unitId: 'w-rs' };
    const input = rules.registerInput(d);
    expect(input).toEqual({ form: 'visit', name: '李大山', gender: 'male', age: 58, occupation: '农民', addressOrUnit: '白沙村三组', mainIssue: '村道修缮的补偿款至今未发放。', headcount: 6, urgent: false, unitId: 'w-rs' });
    expect(petitionsContract.register.input.safeParse(input).success).toBe(true);
    expect(rules.registerInput({ ...d, politicalStatus: ' 群众 ' })).toMatchObject({ politicalStatus: '群众' });
    expect(d.age).toBe(' 58 '); // the draft is untouched
  });

  test('an age or headcount that is not a whole number is refused on its own field', () => {
    const d = { ...rules.emptyPetitionDraft(), form: 'visit', name: '李大山', gender: 'male', age: '五十', occupation: '农民', addressOrUnit: '白沙村三组', mainIssue: '村道修缮的补偿款至今未发放。', headcount: '0' };
    const r = petitionsContract.register.input.safeParse(rules.registerInput(d));
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['age', 'headcount']);
  });

  test('集体访 from the headcount typed: five or more (the domain threshold)', () => {
    expect(rules.collectiveDraft({ headcount: '4' })).toBe(false);
    expect(rules.collectiveDraft({ headcount: '5' })).toBe(true);
    expect(rules.collectiveDraft({ headcount: '' })).toBe(false);
  });
});
