/**
 * The office side of complaints (issue 9.10): what client/src/services/complaint-office.ts
 * offers each viewer (R-CMP-2..6), that the person complained about is never offered as handler
 * (R-CMP-2, R-CMP-5), and the days a handler may extend to (R-CMP-3).
 */
import type { Role } from '../../shared/domain/roles';

type Action = 'classify' | 'assign' | 'close' | 'extend' | 'reply' | 'document' | 'carriedOut' | 'archive';
interface Viewed {
  state: string;
  classified: boolean;
  handlerId?: string;
  channel: string;
  subject: { kind: string; label: string; staffId?: string };
  outcome?: { substantiated: boolean; findings: string; measure: string; closedOn: string; closedBy: string };
  reply?: { form: 'oral' | 'written' };
  rating?: string;
  reviewRequestedAt?: string;
}
interface Module {
  offeredActions(c: Viewed, viewer: { id: string; role: Role }): Action[];
  handlerChoices<P extends { id: string; windowId?: string }>(people: readonly P[], c: Pick<Viewed, 'subject' | 'handlerId'>): P[];
  extensionDays(workingDays: readonly string[], deadline: string, n?: number): string[];
  replyFormOf(c: { channel: string }): 'oral' | 'written';
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { offeredActions, handlerChoices, extensionDays, replyFormOf } = require('../../client/src/services/complaint-office') as Module;

const base: Viewed = { state: 'received', classified: false, channel: 'in_app', subject: { kind: 'staff', label: '李明', staffId: 'clerk' } };
const office = { id: 'off', role: 'office' as const };
const handler = { id: 'h', role: 'staff' as const };
const admin = { id: 'adm', role: 'admin' as const };
const outcome = { substantiated: true, findings: '情况属实', measure: '批评教育', closedOn: '2026-11-20', closedBy: 'off' };

describe('actions offered on a complaint', () => {
  test('a new complaint: the office classifies it first; nobody else acts', () => {
    expect(offeredActions(base, office)).toEqual(['classify']);
    expect(offeredActions(base, handler)).toEqual([]);
    expect(offeredActions(base, admin)).toEqual([]);
  });
  test('classified: the office assigns; assigned: only that handler extends, and replies after the findings', () => {
    const classified = { ...base, state: 'registered', classified: true };
    expect(offeredActions(classified, office)).toContain('assign');
    const assigned = { ...classified, state: 'investigating', handlerId: 'h' };
    expect(offeredActions(assigned, handler)).toEqual(['extend']);
    // 处理 before 反馈: the handler replies once the office has recorded the findings.
    expect(offeredActions({ ...assigned, state: 'handled', outcome }, handler)).toEqual(['extend', 'reply']);
    expect(offeredActions(assigned, { id: 'other', role: 'staff' })).toEqual([]);
    expect(offeredActions(assigned, office)).toEqual(expect.arrayContaining(['assign', 'close']));
    expect(offeredActions(assigned, office)).not.toContain('reply');
  });
  test('the clerk complained about is offered nothing, even as office', () => {
    const assigned = { ...base, state: 'investigating', classified: true, handlerId: 'h' };
    expect(offeredActions(assigned, { id: 'clerk', role: 'office' })).toEqual([]);
    expect(offeredActions(assigned, { id: 'clerk', role: 'staff' })).toEqual([]);
  });
  test('a written reply prints (答复书); an oral one does not', () => {
    const replied = { ...base, state: 'replied', classified: true, handlerId: 'h', outcome, reply: { form: 'written' as const } };
    expect(offeredActions(replied, handler)).toEqual(['document']);
    expect(offeredActions({ ...replied, reply: { form: 'oral' } }, handler)).toEqual([]);
  });
  test('the admin: 执行 only for a substantiated complaint, then 归档', () => {
    const replied = { ...base, state: 'replied', classified: true, handlerId: 'h', outcome, reply: { form: 'written' as const } };
    expect(offeredActions(replied, admin)).toEqual(['carriedOut']);
    expect(offeredActions({ ...replied, outcome: { ...outcome, substantiated: false } }, admin)).toEqual(['archive']);
    expect(offeredActions({ ...replied, state: 'carried_out' }, admin)).toEqual(['archive']);
    expect(offeredActions({ ...replied, state: 'archived' }, admin)).toEqual([]);
  });
  test('the office, which tracks every complaint to the end, records 执行 and 归档 too (outside review: nobody could reach them)', () => {
    const replied = { ...base, state: 'replied', classified: true, handlerId: 'h', outcome, reply: { form: 'oral' as const } };
    expect(offeredActions(replied, office)).toEqual(['carriedOut']);
    expect(offeredActions({ ...replied, state: 'carried_out' }, office)).toEqual(['archive']);
  });
});

describe('handler choices and extension days', () => {
  const staff = [{ id: 'clerk' }, { id: 'h' }, { id: 'head' }];
  test('never the person complained about nor the present handler', () => {
    expect(handlerChoices(staff, { subject: base.subject }).map((p) => p.id)).toEqual(['h', 'head']);
    expect(handlerChoices(staff, { subject: base.subject, handlerId: 'h' }).map((p) => p.id)).toEqual(['head']);
  });
  test("a complaint about a window is not offered to that window's clerks (R-CMP-5)", () => {
    const people = [{ id: 'mz1', windowId: 'w-mz' }, { id: 'rs1', windowId: 'w-rs' }, { id: 'off', windowId: '' }];
    const aboutWindow = { kind: 'window' as const, label: '民政窗口', windowId: 'w-mz' };
    expect(handlerChoices(people, { subject: aboutWindow }).map((p) => p.id)).toEqual(['rs1', 'off']);
  });
  test('working days after the deadline, in order, at most n', () => {
    const days = ['2026-12-03', '2026-11-30', '2026-12-01', '2026-11-27', '2026-12-02'];
    expect(extensionDays(days, '2026-11-30', 2)).toEqual(['2026-12-01', '2026-12-02']);
    expect(extensionDays(days, '2026-12-03')).toEqual([]);
  });
  test('the reply form follows the channel (R-CMP-4)', () => {
    expect(replyFormOf({ channel: 'phone' })).toBe('oral');
    expect(replyFormOf({ channel: 'oral' })).toBe('oral');
    expect(replyFormOf({ channel: 'suggestion_box' })).toBe('written');
    expect(replyFormOf({ channel: 'in_app' })).toBe('written');
  });
});
