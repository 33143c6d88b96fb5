/**
 * Ratings on the server (R-RATE-1..2) on a real SQLite file with a fixed clock: the invitation
 * written with the completion, one rating per matter within 30 days, an agent only for the
 * resident it acted for, the window pad, a bad review's rectification across National Day 2026
 * (rated on 30 September, a month end) with the overdue reminder to the office exactly once
 * through the one sweep, the appeal within 5 working days, and an upheld appeal that changes
 * the figures while the record stays. Every refusal writes nothing.
 */
import { satisfactionRate, type Rating } from '../../shared/domain/ratings';
import type { Case } from '../../shared/domain/cases';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { CollectionName } from '../../cloudfunctions/core/store/collections';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { runSweep } from '../../cloudfunctions/core/usecases/sweep';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { caller, refusedCall } from '../helpers/calls';
import { seededStore } from '../helpers/temp';

const u = (key: string) => demoUserId('c-baisha', key);
const VILLAGER = u('villager'); // 王秀英 (resident res-baisha-wangxy)
const AGENT = u('agent'); // 李建国, authorised by 张桂英
const CLERK = u('staff-mz'); // 陈丽, A of the 民政 post: handler of 民政 cases
const B_MZ = u('staff-zh'); // 何静, B of the 民政 post: takes 陈丽's bad reviews
const RS_CLERK = u('staff-rs'); // 杨帆, 人社
const OFFICE = u('office');
const PAD = u('pad'); // the 民政 window's pad
const MZ_ITEM = 'item-baisha-mz-001';
const RS_ITEM = 'item-baisha-rs-001';

const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

let store: SqliteStore;
let clock: ManualClock;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  ({ store, clock } = await seededStore(new ManualClock(at('2026-09-30', '09:30'))));
  api = caller(store, clock);
});
afterEach(async () => {
  await store.close();
});

const WATCHED: CollectionName[] = ['ratings', 'rectifications', 'ratingAppeals', 'notices', 'outbox', 'audit'];
const refused = (userId: string, action: string, input: unknown) => refusedCall(store, WATCHED, () => api.call(userId, 'ratings', action, input));
const rate = <T = { rating: { id: string; levelLabel: string; onBehalfOf: string | null; channel: string } }>(userId: string, input: Record<string, unknown>) => api.ok<T>(userId, 'ratings', 'rate', input);

/** A walk-in at a window, registered by `receiver`; for a resident (and an agent) when given. */
async function walkIn(receiver: string, itemId: string, applicantName: string, residentId?: string, agentId?: string): Promise<Case> {
  const input: Record<string, unknown> = { itemId, applicantName };
  if (residentId) input.residentId = residentId;
  if (agentId) input.agentId = agentId;
  return (await api.ok<{ case: Case }>(receiver, 'cases', 'registerWalkIn', input)).case;
}
const doneOnSpot = async (handler: string, c: Case) => (await api.ok<{ case: Case }>(handler, 'cases', 'doneOnSpot', { caseId: c.id, result: '已当场办结,材料齐全' })).case;
/** 王秀英's matter at 民政, done on the spot by 陈丽. */
const villagersDoneCase = async () => doneOnSpot(CLERK, await walkIn(CLERK, MZ_ITEM, '王秀英', 'res-baisha-wangxy'));

describe('the invitation and one rating per matter (R-RATE-1)', () => {
  test('done on the spot: the villager is invited in the same change, sees it pending for 30 days, rates once', async () => {
    const c = await villagersDoneCase();
    const invites = await store.find('notices', { where: { userId: VILLAGER, title: '请您评价' } });
    expect(invites).toHaveLength(1);
    expect(invites[0]).toMatchObject({ kind: 'case', link: `/rate/index?caseId=${c.id}` });
    expect(invites[0]!.body).toContain('2026年10月30日');
    expect(await store.count('outbox', { noticeId: invites[0]!.id })).toBe(1);

    const p = await api.ok<{ matters: Array<{ caseId: string; daysLeft: number; lastDay: string; onBehalfOf: string | null }> }>(VILLAGER, 'ratings', 'pending', {});
    expect(p.matters).toEqual([expect.objectContaining({ caseId: c.id, daysLeft: 30, lastDay: '2026-10-30', onBehalfOf: null })]);

    const r = await rate(VILLAGER, { caseId: c.id, level: 'very_satisfied', subIndicators: { attitude: 'very_satisfied' }, comment: '陈丽耐心细致,谢谢!' });
    expect(r.rating).toMatchObject({ levelLabel: '非常满意', channel: 'app' });
    const stored = (await store.get('ratings', r.rating.id)) as Rating;
    expect(stored).toMatchObject({ caseId: c.id, handlerId: CLERK, raterUserId: VILLAGER, residentId: 'res-baisha-wangxy', onBehalf: false, applicantMasked: '王*英', ratedOn: '2026-09-30', bad: false });
    expect(stored.firstAskId).toBeUndefined(); // the handler received the visitor himself
    expect(await store.count('rectifications')).toBe(0);

    // A second rating of the same matter, by anyone: refused, nothing written.
    expect(await refused(VILLAGER, 'rate', { caseId: c.id, level: 'unsatisfied' })).toMatchObject({ code: 'CONFLICT', fields: ['caseId'] });
    expect((await api.ok<{ matters: unknown[] }>(VILLAGER, 'ratings', 'pending', {})).matters).toEqual([]);
    expect((await api.ok<{ ratings: Array<{ id: string }> }>(VILLAGER, 'ratings', 'mine', {})).ratings.map((x) => x.id)).toEqual([r.rating.id]);
  });

  test('not finished, not one\'s own, after 30 days: refused with the reason, nothing written', async () => {
    const open = await walkIn(CLERK, MZ_ITEM, '王秀英', 'res-baisha-wangxy');
    expect(await refused(VILLAGER, 'rate', { caseId: open.id, level: 'satisfied' })).toMatchObject({ code: 'VALIDATION', fields: ['caseId'], message: expect.stringContaining('尚未办结') });
    const c = await doneOnSpot(CLERK, open);
    expect(await refused(AGENT, 'rate', { caseId: c.id, level: 'satisfied' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('只能评价您本人') });
    expect(await refused(VILLAGER, 'rate', { caseId: 'none-0000', level: 'satisfied' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused(VILLAGER, 'rate', { caseId: c.id, level: 'great' })).toMatchObject({ code: 'VALIDATION', fields: ['level'] });
    // 30 September + 30 days = 30 October is the last day (across National Day and the month end).
    clock.set(at('2026-10-30', '16:00'));
    expect((await api.ok<{ matters: Array<{ daysLeft: number }> }>(VILLAGER, 'ratings', 'pending', {})).matters).toEqual([expect.objectContaining({ daysLeft: 0 })]);
    clock.set(at('2026-10-31', '09:00'));
    expect(await refused(VILLAGER, 'rate', { caseId: c.id, level: 'satisfied' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('超过30天') });
    expect((await api.ok<{ matters: unknown[] }>(VILLAGER, 'ratings', 'pending', {})).matters).toEqual([]);
  });

  test('an agent rates for the resident it acted for, recorded on behalf; not for one it did not act for', async () => {
    const forResident = await doneOnSpot(CLERK, await walkIn(CLERK, MZ_ITEM, '张桂英', 'res-baisha-zhanggy', AGENT));
    const pending = await api.ok<{ matters: Array<{ caseId: string; onBehalfOf: string | null }> }>(AGENT, 'ratings', 'pending', {});
    expect(pending.matters).toEqual([expect.objectContaining({ caseId: forResident.id, onBehalfOf: '张桂英' })]);
    const r = await rate(AGENT, { caseId: forResident.id, level: 'satisfied' });
    expect(r.rating).toMatchObject({ channel: 'agent', onBehalfOf: '张桂英' });
    expect(await store.get('ratings', r.rating.id)).toMatchObject({ raterUserId: AGENT, residentId: 'res-baisha-zhanggy', onBehalf: true });
    // The same resident's matter without the agent: the agent did not act for it.
    const alone = await doneOnSpot(CLERK, await walkIn(CLERK, MZ_ITEM, '张桂英', 'res-baisha-zhanggy'));
    expect(await refused(AGENT, 'rate', { caseId: alone.id, level: 'satisfied' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('a checked-in booking whose case was refused can be rated; a refused walk-in cannot', async () => {
    const booked = await api.ok<{ booking: { id: string } }>(VILLAGER, 'booking', 'create', { itemId: MZ_ITEM, date: '2026-09-30', start: '10:00' });
    clock.set(at('2026-09-30', '10:05'));
    const { caseId } = await api.ok<{ caseId: string }>(CLERK, 'booking', 'checkIn', { bookingId: booked.booking.id });
    await api.ok(CLERK, 'cases', 'reject', { caseId, reasons: ['不属于本中心受理范围'] });
    expect(await rate(VILLAGER, { caseId, level: 'basically_satisfied' })).toMatchObject({ rating: { levelLabel: '基本满意' } });
    const walked = await walkIn(CLERK, MZ_ITEM, '王秀英', 'res-baisha-wangxy');
    await api.ok(CLERK, 'cases', 'reject', { caseId: walked.id, reasons: ['不属于本中心受理范围'] });
    expect(await refused(VILLAGER, 'rate', { caseId: walked.id, level: 'satisfied' })).toMatchObject({ message: expect.stringContaining('尚未办结') });
  });
});

describe('the window pad (评价器)', () => {
  test('shows the latest unrated finished case of its window, masked; one tap rates it; another window or a second tap is refused', async () => {
    expect(await api.ok(PAD, 'ratings', 'padNext', {})).toEqual({ windowName: expect.stringContaining('民政'), matter: null });
    const first = await villagersDoneCase();
    clock.set(at('2026-09-30', '10:00'));
    const second = await doneOnSpot(CLERK, await walkIn(CLERK, MZ_ITEM, '欧阳春明', undefined));
    const rs = await doneOnSpot(RS_CLERK, await walkIn(RS_CLERK, RS_ITEM, '李四'));
    const next = await api.ok<{ matter: { caseId: string; applicantMasked: string; clerkName: string } }>(PAD, 'ratings', 'padNext', {});
    expect(next.matter).toMatchObject({ caseId: second.id, applicantMasked: '欧**明', clerkName: '陈丽' });
    expect(await refused(PAD, 'padRate', { caseId: rs.id, level: 'satisfied' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('本窗口') });
    expect(await api.ok(PAD, 'ratings', 'padRate', { caseId: second.id, level: 'satisfied' })).toEqual({ levelLabel: '满意', bad: false });
    expect(await store.get('ratings', `rating:${second.id}`)).toMatchObject({ channel: 'pad', padId: PAD, onBehalf: false });
    expect((await store.get('ratings', `rating:${second.id}`))?.raterUserId).toBeUndefined();
    expect(await refused(PAD, 'padRate', { caseId: second.id, level: 'very_satisfied' })).toMatchObject({ code: 'CONFLICT' });
    // Back to waiting on the earlier unrated one, then nothing.
    expect((await api.ok<{ matter: { caseId: string } }>(PAD, 'ratings', 'padNext', {})).matter.caseId).toBe(first.id);
    await api.ok(PAD, 'ratings', 'padRate', { caseId: first.id, level: 'very_satisfied' });
    expect((await api.ok<{ matter: unknown }>(PAD, 'ratings', 'padNext', {})).matter).toBeNull();
  });
});

describe('the pad is appointed like staff (roles.ts)', () => {
  test('the admin adds a pad with a window (not without); a clerk\'s WeChat cannot bind it; its own device can', async () => {
    const ADMIN = u('admin');
    expect(await refusedCall(store, ['users', 'audit'], () => api.call(ADMIN, 'account', 'addPerson', { name: '人社窗口评价器', role: 'pad' }))).toMatchObject({ code: 'VALIDATION', fields: ['windowId'] });
    const added = await api.ok<{ user: { id: string; role: string; windowId: string } }>(ADMIN, 'account', 'addPerson', { name: '人社窗口评价器', role: 'pad', windowId: 'w-baisha-rs' });
    expect(added.user).toMatchObject({ role: 'pad', windowId: 'w-baisha-rs' });
    const { code } = await api.ok<{ code: string }>(ADMIN, 'account', 'issueInvite', { userId: added.user.id });
    await store.update('users', RS_CLERK, { set: { openId: 'oCLERK-PHONE' } });
    const wx = async (openId: string) => dispatch('account', { action: 'bindInvite', input: { code } }, { store, clock, caller: (await store.find('users', { where: { openId }, limit: 1 }))[0] ?? null, openId });
    expect(await wx('oCLERK-PHONE')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await wx('oRS-TABLET')).toMatchObject({ ok: true, data: { user: { role: 'pad' } } });
  });
});

describe('bad reviews: rectification in 15 working days, through the one sweep (R-RATE-2)', () => {
  test('不满意 opens an item for the window head (B when A is rated); close needs the callback; overdue tells the office once', async () => {
    const c = await villagersDoneCase();
    const r = await rate(VILLAGER, { caseId: c.id, level: 'unsatisfied', comment: '等了很久' });
    const rectId = `rect:${r.rating.id}`;
    // Rated 30 September: 15 working days across National Day → 27 October.
    expect(await store.get('rectifications', rectId)).toMatchObject({ headId: B_MZ, state: 'opened', openedOn: '2026-09-30', deadline: '2026-10-27', nextReminderOn: '2026-10-23' });
    expect((await store.find('notices', { where: { userId: B_MZ, title: '收到差评,请核实整改' } })).map((n) => n.link)).toEqual([`/review/rectify/index?id=${rectId}`]);
    expect(await store.count('notices', { userId: CLERK, title: '您办理的事项收到差评' })).toBe(1);

    const queue = await api.ok<{ items: Array<{ id: string; applicantMasked: string; comment: string; contactPhone: string | null; actions: string[] }> }>(B_MZ, 'ratings', 'rectifications', {});
    expect(queue.items).toEqual([expect.objectContaining({ id: rectId, applicantMasked: '王*英', comment: '等了很久', contactPhone: '13957100001', actions: ['verify'] })]);
    expect((await api.ok<{ items: unknown[] }>(CLERK, 'ratings', 'rectifications', {})).items).toEqual([]);
    // The clerk rated cannot act on it, and close is refused before the callback.
    expect(await refused(CLERK, 'verify', { rectificationId: rectId, text: '已核实情况属实' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(B_MZ, 'close', { rectificationId: rectId })).toMatchObject({ code: 'VALIDATION', fields: ['callback'], message: expect.stringContaining('回访') });
    expect(await refused(B_MZ, 'rectify', { rectificationId: rectId, measures: '窗口增加引导' })).toMatchObject({ code: 'CONFLICT' });

    await api.ok(B_MZ, 'ratings', 'verify', { rectificationId: rectId, text: '经核实,当日排队较长,解释不够' });
    // The sweep: due soon on 23 October, due today on 27, overdue on 28 — the office told once.
    for (const day of ['2026-10-23', '2026-10-27']) {
      clock.set(at(day, '08:30'));
      await runSweep(store, clock);
    }
    expect(await store.count('notices', { userId: OFFICE, title: '差评整改已超期' })).toBe(0);
    clock.set(at('2026-10-28', '08:30'));
    await runSweep(store, clock);
    await runSweep(store, clock);
    clock.set(at('2026-10-29', '08:30'));
    await runSweep(store, clock);
    expect(await store.count('notices', { userId: OFFICE, title: '差评整改已超期' })).toBe(1);
    expect(await store.count('notices', { userId: B_MZ, title: '差评整改已超期' })).toBe(1);
    expect(await store.count('notices', { userId: B_MZ, title: '差评整改即将到期' })).toBe(1);
    expect(await store.get('rectifications', rectId)).toMatchObject({ remindersSent: ['due_soon', 'due_today', 'overdue'] });
    expect((await store.get('rectifications', rectId))?.nextReminderOn).toBeUndefined();

    await api.ok(B_MZ, 'ratings', 'rectify', { rectificationId: rectId, measures: '高峰时段增开窗口,加强解释' });
    const cb = await api.ok<{ item: { callback: { onTime: boolean }; actions: string[] } }>(B_MZ, 'ratings', 'callback', { rectificationId: rectId, result: 'satisfied', note: '电话回访,群众表示满意' });
    expect(cb.item).toMatchObject({ callback: { onTime: false }, actions: ['close'] });
    const closed = await api.ok<{ item: { state: string } }>(B_MZ, 'ratings', 'close', { rectificationId: rectId });
    expect(closed.item.state).toBe('closed');
    expect(await store.count('notices', { userId: VILLAGER, title: '差评整改已办结' })).toBe(1);
  });
});

describe('appeals (R-RATE-2)', () => {
  test('appeal upheld → the figures change, the record stays, the item ends; after 5 working days refused', async () => {
    const good = await villagersDoneCase();
    await rate(VILLAGER, { caseId: good.id, level: 'satisfied' });
    const bad = await villagersDoneCase();
    const r = await rate(VILLAGER, { caseId: bad.id, level: 'very_unsatisfied', comment: '态度不好' });
    const figures = async () => satisfactionRate(await store.find('ratings', { where: { handlerId: CLERK } }));
    expect(await figures()).toBe(0.5);

    // The clerk sees the rating and the comment, never who rated beyond the masked name.
    const seen = await api.ok<{ ratings: Array<Record<string, unknown>> }>(CLERK, 'ratings', 'received', {});
    const mineBad = seen.ratings.find((x) => x.id === r.rating.id)!;
    expect(mineBad).toMatchObject({ comment: '态度不好', applicantMasked: '王*英', appealLastDay: '2026-10-13', appealProblem: null });
    expect(JSON.stringify(seen)).not.toMatch(/raterUserId|residentId|13957100001|王秀英/);

    // Not the clerk rated; too short a reason: refused, nothing written.
    expect(await refused(RS_CLERK, 'appeal', { ratingId: r.rating.id, reasons: '评价人当日情绪激动,与办理无关,请核实' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(CLERK, 'appeal', { ratingId: r.rating.id, reasons: '不对' })).toMatchObject({ code: 'VALIDATION', fields: ['reasons'] });

    clock.set(at('2026-10-13', '16:00')); // the 5th working day: 8, 9, 10 (working Saturday), 12, 13 October
    const a = await api.ok<{ appeal: { id: string; state: string } }>(CLERK, 'ratings', 'appeal', { ratingId: r.rating.id, reasons: '评价人当日情绪激动,与办理无关,请核实监控' });
    expect(a.appeal.state).toBe('pending');
    expect(await store.count('notices', { userId: OFFICE, title: '收到评价申诉' })).toBe(1);
    expect(await refused(CLERK, 'appeal', { ratingId: r.rating.id, reasons: '评价人当日情绪激动,与办理无关,请核实监控' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('只能申诉一次') });

    const list = await api.ok<{ appeals: Array<{ id: string; comment: string }> }>(OFFICE, 'ratings', 'appeals', { state: 'pending' });
    expect(list.appeals).toEqual([expect.objectContaining({ id: a.appeal.id, comment: '态度不好' })]);
    expect(await refused(OFFICE, 'decideAppeal', { appealId: a.appeal.id, outcome: 'maybe', reasons: '经调阅监控' })).toMatchObject({ fields: ['outcome'] });
    await api.ok(OFFICE, 'ratings', 'decideAppeal', { appealId: a.appeal.id, outcome: 'upheld', reasons: '经调阅监控,工作人员解释耐心,评价与事实不符' });

    expect(await figures()).toBe(1);
    expect(await store.get('ratings', r.rating.id)).toMatchObject({ level: 'very_unsatisfied', comment: '态度不好', appeal: 'upheld', excludedFromFigures: true });
    expect(await store.get('rectifications', `rect:${r.rating.id}`)).toMatchObject({ state: 'closed', closedBy: 'appeal_upheld' });
    expect(await refused(OFFICE, 'decideAppeal', { appealId: a.appeal.id, outcome: 'rejected', reasons: '重新审核意见' })).toMatchObject({ code: 'CONFLICT' });

    // Another bad review rated today (13 October) may be appealed until 20 October, not on the 21st.
    const late = await villagersDoneCase();
    const lr = await rate(VILLAGER, { caseId: late.id, level: 'unsatisfied' });
    clock.set(at('2026-10-21', '09:00'));
    expect(await refused(CLERK, 'appeal', { ratingId: lr.rating.id, reasons: '评价人当日情绪激动,与办理无关,请核实监控' })).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('已超过期限') });
  });
});
