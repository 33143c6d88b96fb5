/**
 * Petitions on the server (信访, R-PET-1..3), on a seeded SQLite file with a fixed clock:
 * register → assign → reply → close; collective and urgent petitions alert the leaders, the
 * day's duty leaders and the unit concerned at once; a leader's reception answered within a
 * week; overdue escalation through the one sweep exactly once; the center's day-count setting
 * changes new petitions only; bad input is refused naming the field, and nothing is written.
 */
import { dutyLeaderIds } from '../../shared/domain/duty';
import type { Reply } from '../../shared/domain/errors';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { windowId } from '../../cloudfunctions/core/seed/organisation';
import type { CollectionName } from '../../cloudfunctions/core/store/collections';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { runSweep } from '../../cloudfunctions/core/usecases/sweep';
import { caller, refusedCall } from '../helpers/calls';
import { seededStore } from '../helpers/temp';

const u = (key: string) => demoUserId('c-baisha', key);
const RECEIVER = u('staff-zh'); // 何静 registers at her window (first-ask)
const HEAD = u('staff-rs'); // 杨帆, the assigned person
const OTHER_STAFF = u('staff-wj'); // 吴婷
const OFFICE = u('office'); // 周敏
const LEADER = u('leader'); // 刘志强
const ADMIN = u('admin');
const MZ = windowId('c-baisha', 'MZ');
const RS = windowId('c-baisha', 'RS');

const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

let store: SqliteStore;
let clock: ManualClock;
beforeEach(async () => {
  ({ store, clock } = await seededStore(new ManualClock(at('2026-09-29', '09:00'))));
});
afterEach(async () => {
  await store.close();
});

const api = () => caller(store, clock);
const call = (userId: string | null, action: string, input: unknown): Promise<Reply<unknown>> => api().call(userId, 'petitions', action, input);
interface View {
  id: string;
  number: string;
  state: string;
  deadline: string;
  deadlineKind: string;
  replyDue: string;
  dayCount: string;
  collective: boolean;
  petitioner: { name: string } | null;
  reply?: { mode: string; onTime: boolean };
  assigneeName?: string;
}
type Detail = { petition: View; steps: Array<{ action: string; text: string }> };
const ok = (userId: string, action: string, input: unknown): Promise<Detail> => api().ok<Detail>(userId, 'petitions', action, input);

const FACTS = { form: 'visit', name: '赵铁柱', gender: 'male', age: 58, occupation: '农民', addressOrUnit: '石桥村3组12号', mainIssue: '村道修缮款迟迟未到位,雨天无法通行。' };
const register = (extra: Record<string, unknown> = {}, by = RECEIVER) => ok(by, 'register', { ...FACTS, ...extra });

async function names(ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await store.get('users', id))?.name ?? id));
}
async function noticesTitled(title: string): Promise<string[]> {
  const ns = await store.find('notices', { where: { kind: 'petition', title } });
  return (await names(ns.map((n) => n.userId))).sort();
}

const WATCHED: CollectionName[] = ['petitions', 'petitionSteps', 'notices', 'outbox', 'audit', 'meta'];
const refused = (userId: string, action: string, input: unknown) => refusedCall(store, WATCHED, () => call(userId, action, input));

describe('register → assign → reply → close (R-PET-1, R-PET-3)', () => {
  test('on the eve of National Day the reply is due on the third working day after, and the office is told', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const { petition } = await register();
    expect(petition).toMatchObject({ state: 'registered', replyDue: '2026-10-10', deadline: '2026-10-10', deadlineKind: 'reply', dayCount: 'working', collective: false });
    expect(petition.number).toBe('XF202609300001');
    // The window that registered is not the assigned person: it does not see the petitioner.
    expect(petition.petitioner).toBeNull();
    expect(await noticesTitled('新的信访件')).toEqual(['周敏']);
    expect(await noticesTitled('集体访,请即阅处')).toEqual([]);

    clock.set(at('2026-09-30', '10:20'));
    const assigned = await ok(OFFICE, 'assign', { petitionId: petition.id, unitId: RS, assigneeId: HEAD });
    expect(assigned.petition).toMatchObject({ state: 'assigned', assigneeName: '杨帆' });
    expect(assigned.petition.petitioner).toMatchObject({ name: '赵铁柱' });
    expect(await noticesTitled('信访事项交办')).toEqual(['吴婷', '杨帆']); // the person and the unit's A/B posts

    const form = (await call(OFFICE, 'document', { petitionId: petition.id, kind: 'assignment' })) as Reply<{ title: string; addressee: string; paragraphs: string[] }>;
    expect(form.ok && form.data.title).toBe('事项交办单');
    expect(form.ok && form.data.paragraphs.join('')).toContain('2026年10月10日 周六前');
    const notice = (await call(HEAD, 'document', { petitionId: petition.id, kind: 'notice' })) as Reply<{ title: string; addressee: string }>;
    expect(notice.ok && notice.data).toMatchObject({ title: '信访事项告知书', addressee: '赵铁柱' });
    // The unit's other staff open it without the petitioner, and the forms do not name them.
    const theirs = (await call(OTHER_STAFF, 'document', { petitionId: petition.id, kind: 'notice' })) as Reply<{ addressee: string }>;
    expect(theirs.ok && theirs.data.addressee).toBe('信访人');

    clock.set(at('2026-10-09', '15:00'));
    const replied = await ok(HEAD, 'reply', { petitionId: petition.id, mode: 'written', summary: '修缮款已于本周拨付,下周开工。' });
    expect(replied.petition).toMatchObject({ state: 'replied', reply: { mode: 'written', onTime: true } });
    clock.set(at('2026-10-09', '16:00'));
    const closed = await ok(OFFICE, 'close', { petitionId: petition.id });
    expect(closed.petition.state).toBe('closed');
    expect(closed.steps.map((s) => s.action)).toEqual(['petition.register', 'petition.assign', 'petition.reply', 'petition.close']);

    // Audit entries, steps and notices carry no personal data.
    const audit = await store.find('audit', { where: { collection: 'petitions' } });
    expect(audit).toHaveLength(4);
    const written = JSON.stringify([audit, await store.find('petitionSteps', {}), await store.find('notices', { where: { kind: 'petition' } }), await store.find('outbox', { where: { kind: 'petition' } })]);
    for (const personal of ['赵铁柱', '石桥村3组12号', '农民']) expect(written).not.toContain(personal);
  });

  test("a leader's reception is answered within a week, by the leader when nobody was assigned", async () => {
    clock.set(at('2026-09-30', '10:00'));
    const { petition } = await register();
    const received = await ok(LEADER, 'leaderReception', { petitionId: petition.id, summary: '听取了村道修缮的意见,答应协调。' });
    expect(received.petition).toMatchObject({ state: 'received_by_leader', deadline: '2026-10-07', deadlineKind: 'leader', assigneeName: '刘志强' });
    clock.set(at('2026-10-08', '10:00'));
    const replied = await ok(LEADER, 'reply', { petitionId: petition.id, mode: 'on_spot', summary: '已当面说明修缮安排。' });
    expect(replied.petition.reply).toMatchObject({ mode: 'on_spot', onTime: false });
  });
});

describe('collective and urgent petitions alert at once (R-PET-2)', () => {
  test('a group of six: the leaders, the day’s duty leader and the unit concerned, inbox and outbox in the registering transaction', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const duty = dutyLeaderIds((await store.get('duty', 'duty:c-baisha:2026-09-30'))!);
    expect(duty.length).toBeGreaterThan(0);
    const { petition } = await register({ headcount: 6, unitId: MZ });
    expect(petition.collective).toBe(true);
    const alerted = await noticesTitled('集体访,请即阅处');
    expect(alerted).toEqual(['何静', '刘志强', '王建华', '陈丽']); // leaders (duty leader among them), MZ's A and B
    for (const n of await names(duty)) expect(alerted).toContain(n);
    const outbox = await store.find('outbox', { where: { kind: 'petition', title: '集体访,请即阅处' } });
    expect(outbox).toHaveLength(4);
  });

  test('an urgent petition of one person alerts too; an ordinary one does not', async () => {
    clock.set(at('2026-09-30', '10:00'));
    await register({ headcount: 4 });
    expect(await noticesTitled('紧急信访,请即阅处')).toEqual([]);
    await register({ urgent: true });
    expect(await noticesTitled('紧急信访,请即阅处')).toEqual(['刘志强', '王建华']);
  });
});

describe('overdue escalation through the one sweep', () => {
  test('the assigned person is reminded, and once overdue the office and that day’s duty leader are told exactly once, with the sweep run twice a day', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const { petition } = await register(); // reply by Sat 10 October (a working day)
    await ok(OFFICE, 'assign', { petitionId: petition.id, unitId: RS, assigneeId: HEAD });
    const dutyOn12 = dutyLeaderIds((await store.get('duty', 'duty:c-baisha:2026-10-12'))!);
    const expected: Record<string, string[]> = {
      '2026-10-08': ['信访件即将到期 → 杨帆'],
      '2026-10-10': ['信访件今日到期 → 杨帆'],
      '2026-10-12': ['信访件已超期 → 周敏', '信访件已超期 → 杨帆', ...(await names(dutyOn12)).map((n) => `信访件已超期 → ${n}`)].sort(),
    };
    let seen = 0;
    for (let t = Date.parse('2026-09-30T00:00:00Z'); t <= Date.parse('2026-10-16T00:00:00Z'); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      clock.set(at(date, '08:30'));
      await runSweep(store, clock);
      await runSweep(store, clock);
      const all = await store.find('notices', { where: { kind: 'petition' }, orderBy: [['createdAt', 'asc']] });
      const reminders = all.filter((n) => /到期|超期/.test(n.title));
      const fresh = reminders.slice(seen);
      seen = reminders.length;
      const got = (await Promise.all(fresh.map(async (n) => `${n.title} → ${(await names([n.userId]))[0]}`))).sort();
      expect({ date, got }).toEqual({ date, got: expected[date] ?? [] });
    }
    const after = await store.get('petitions', petition.id);
    expect(after?.remindersSent).toEqual(['due_soon', 'due_today', 'overdue']);
    expect(after?.nextReminderOn).toBeUndefined();
  });

  test('a replied petition is not reminded', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const { petition } = await register();
    await ok(OFFICE, 'assign', { petitionId: petition.id, unitId: RS, assigneeId: HEAD });
    await ok(HEAD, 'reply', { petitionId: petition.id, mode: 'on_spot', summary: '已当场答复修缮安排。' });
    clock.set(at('2026-10-12', '08:30'));
    expect((await runSweep(store, clock)).notices).toBe(0);
  });
});

describe("the center's day count (R-PET-1)", () => {
  test('switching to calendar days changes the due date of new petitions only', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const before = await register();
    expect((await call(ADMIN, 'settings', {})) as Reply<unknown>).toEqual({ ok: true, data: { dayCount: 'working' } });
    expect((await call(ADMIN, 'saveSettings', { dayCount: 'calendar' })).ok).toBe(true);
    expect((await call(ADMIN, 'settings', {})) as Reply<unknown>).toEqual({ ok: true, data: { dayCount: 'calendar' } });
    const after = await register();
    expect(after.petition).toMatchObject({ dayCount: 'calendar', replyDue: '2026-10-03' });
    expect((await ok(OFFICE, 'get', { petitionId: before.petition.id })).petition).toMatchObject({ dayCount: 'working', replyDue: '2026-10-10' });
    // The other center keeps its own setting.
    expect((await call(demoUserId('c-liutang', 'admin'), 'settings', {})) as Reply<unknown>).toEqual({ ok: true, data: { dayCount: 'working' } });
    const audit = await store.find('audit', { where: { action: 'petition.settings' } });
    expect(audit.map((a) => a.after)).toEqual([{ dayCount: 'calendar' }]);
  });

  test('only the admin changes it', async () => {
    expect((await refused(OFFICE, 'saveSettings', { dayCount: 'calendar' })).code).toBe('FORBIDDEN');
  });
});

describe('bad input changes nothing', () => {
  test('a petition without its main issue', async () => {
    const { mainIssue: _m, ...rest } = FACTS;
    const r = await refused(RECEIVER, 'register', rest);
    expect(r).toMatchObject({ code: 'VALIDATION', fields: ['mainIssue'] });
    expect(r.message).toContain('反映的主要问题');
  });

  test('assignment to a person of another center', async () => {
    const { petition } = await register();
    const r = await refused(OFFICE, 'assign', { petitionId: petition.id, unitId: RS, assigneeId: demoUserId('c-liutang', 'staff-mz') });
    expect(r).toMatchObject({ code: 'VALIDATION', fields: ['assigneeId'] });
    expect(r.message).toMatch(/^对不起,承办人须是本中心的工作人员/);
    const unit = await refused(OFFICE, 'assign', { petitionId: petition.id, unitId: windowId('c-liutang', 'MZ'), assigneeId: HEAD });
    expect(unit).toMatchObject({ code: 'VALIDATION', fields: ['unitId'] });
  });

  test('a reply by someone not assigned', async () => {
    const { petition } = await register();
    await ok(OFFICE, 'assign', { petitionId: petition.id, unitId: RS, assigneeId: HEAD });
    const r = await refused(OTHER_STAFF, 'reply', { petitionId: petition.id, mode: 'written', summary: '已答复信访人,谢谢。' });
    expect(r).toMatchObject({ code: 'FORBIDDEN', fields: ['petitionId'] });
    expect(r.message).toContain('杨帆');
  });

  test('a reply before the petition is assigned, and closing before the reply', async () => {
    const { petition } = await register();
    expect((await refused(OFFICE, 'reply', { petitionId: petition.id, mode: 'written', summary: '已答复信访人,谢谢。' })).code).toBe('CONFLICT');
    expect((await refused(OFFICE, 'close', { petitionId: petition.id })).code).toBe('CONFLICT');
  });
});
