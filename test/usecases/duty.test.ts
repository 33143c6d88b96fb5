/**
 * Leaders on duty on a real SQLite file with a fixed clock (R-DUTY-1..2): drafting and
 * publishing a month's roster (refusals write nothing), the public 公示 and today's leaders,
 * the duty record only by the day's leader, multi-center scoping, and escalation of an overdue
 * case to the day's leader — or to every leader when the day has none.
 */
import { ManualClock } from '../../cloudfunctions/core/clock';
import type { Ctx } from '../../cloudfunctions/core/context';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { dutyLeadersOn } from '../../cloudfunctions/core/usecases/duty';
import { runSweep } from '../../cloudfunctions/core/usecases/sweep';
import { monthWorkingDays, type RosterEntry } from '../../shared/domain/duty';
import { WorkCalendar } from '../../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';
import { caller } from '../helpers/calls';
import { seededStore } from '../helpers/temp';

const u = (key: string) => demoUserId('c-baisha', key);
const ADMIN = u('admin');
const L1 = u('leader'); // 刘志强
const L2 = u('leader2'); // 王建华
const OFFICE = u('office');
const VILLAGER = u('villager');
const OTHER_ADMIN = demoUserId('c-liutang', 'admin');
const OTHER_LEADER = demoUserId('c-liutang', 'leader');
const OTHER_OFFICE = demoUserId('c-liutang', 'office');

const cal = new WorkCalendar(OFFICIAL_SCHEDULE);
/** Every working day of the month: L1 on odd turns, L2 on even, unless `pick` says otherwise. */
const fullRoster = (month: string, pick: (date: string, i: number) => string[] = (_d, i) => [i % 2 ? L2 : L1]): RosterEntry[] =>
  monthWorkingDays(month, cal).map((date, i) => ({ date, leaderIds: pick(date, i) }));

let store: SqliteStore;
let clock: ManualClock;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  // Tuesday 29 September 2026, 09:00 in Shanghai; the seed publishes September to November.
  ({ store, clock } = await seededStore(new ManualClock('2026-09-29T01:00:00Z')));
  api = caller(store, clock);
});
afterEach(async () => {
  await store.close();
});

type Roster = {
  month: string;
  workingDays: string[];
  published: { publishedAt: string; days: Array<{ date: string; leaders: Array<{ id: string; name: string }> }> } | null;
  draft: { status: string; days: Array<{ date: string }>; problems: Array<{ kind: string; date: string }> } | null;
  leaders: Array<{ id: string; name: string }> | null;
};
const rosterOf = async (userId: string | null, month: string, centerId = 'c-baisha') => (await api.ok<{ roster: Roster }>(userId, 'duty', 'roster', { centerId, month })).roster;

/** Every row of the collections a refusal must leave alone. */
async function snapshot(): Promise<string> {
  const [rosters, duty, records, audit] = await Promise.all([store.find('rosters'), store.find('duty'), store.find('dutyRecords'), store.count('audit')]);
  return JSON.stringify({ rosters, duty, records, audit });
}

describe('draft and publish (R-DUTY-1)', () => {
  test('a draft may leave days open; publishing it is refused naming the days, and writes nothing', async () => {
    const entries = fullRoster('2026-12').filter((e) => e.date !== '2026-12-08' && e.date !== '2026-12-31');
    const saved = await api.ok<{ roster: Roster }>(ADMIN, 'duty', 'draftRoster', { month: '2026-12', entries });
    expect(saved.roster.draft).toMatchObject({ status: 'draft' });
    expect(saved.roster.draft?.problems.map((p) => `${p.kind} ${p.date}`)).toEqual(['gap 2026-12-08', 'gap 2026-12-31']);
    expect(saved.roster.published).toBeNull();

    const before = await snapshot();
    const r = await api.call(ADMIN, 'duty', 'publishRoster', { month: '2026-12' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (r.ok) return;
    expect(r.error.message).toBe('对不起,排班表暂不能公示:12月8日、12月31日还没有安排带班领导。请按标出的日期修改后再发布,谢谢。');
    expect(r.error.details).toEqual([
      { field: 'entries.2026-12-08', message: '12月8日 周二是工作日,还没有安排带班领导,请至少选择一位领导。' },
      { field: 'entries.2026-12-31', message: '12月31日 周四是工作日,还没有安排带班领导,请至少选择一位领导。' },
    ]);
    expect(await snapshot()).toBe(before);
    // The public sees nothing of a draft.
    expect(await rosterOf(VILLAGER, '2026-12')).toMatchObject({ published: null, draft: null, leaders: null });
  });

  test('a non-leader is refused already in the draft, naming the day and the person; nothing written', async () => {
    const entries = fullRoster('2026-12', (d, i) => (d === '2026-12-15' ? [L1, OFFICE] : [i % 2 ? L2 : L1]));
    const before = await snapshot();
    const r = await api.call(ADMIN, 'duty', 'draftRoster', { month: '2026-12', entries });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'entries.2026-12-15', message: '12月15日 周二安排的周敏不是本中心的带班领导,请改选一位领导。' }] } });
    expect(await snapshot()).toBe(before);
  });

  test('a published roster is public with names; several leaders share a day; the admin also sees the draft', async () => {
    const entries = fullRoster('2026-12', (d, i) => (d === '2026-12-01' ? [L1, L2] : [i % 2 ? L2 : L1]));
    await api.ok(ADMIN, 'duty', 'draftRoster', { month: '2026-12', entries });
    const auditBefore = await store.count('audit');
    await api.ok(ADMIN, 'duty', 'publishRoster', { month: '2026-12' });
    expect(await store.count('audit')).toBe(auditBefore + 1);
    expect(await store.find('audit', { where: { action: 'roster.publish' } })).toHaveLength(1);

    const pub = await rosterOf(null, '2026-12');
    expect(pub.workingDays).toHaveLength(23);
    expect(pub.published?.days).toHaveLength(23);
    expect(pub.published?.days[0]).toEqual({ date: '2026-12-01', leaders: [{ id: L1, name: '刘志强' }, { id: L2, name: '王建华' }] });
    expect(pub.published?.days[22]).toMatchObject({ date: '2026-12-31' });
    expect(pub.draft).toBeNull();
    const mine = await rosterOf(ADMIN, '2026-12');
    expect(mine.draft).toMatchObject({ status: 'published', problems: [] });
    expect(mine.leaders?.map((l) => l.name).sort()).toEqual(['刘志强', '王建华']);
    // The other center's admin reads the 公示 like anyone, never the draft.
    expect(await rosterOf(OTHER_ADMIN, '2026-12')).toMatchObject({ draft: null, leaders: null });
  });

  test('a new draft of a published month leaves the 公示 as published until it is published again', async () => {
    await api.ok(ADMIN, 'duty', 'draftRoster', { month: '2026-12', entries: fullRoster('2026-12', () => [L1]) });
    await api.ok(ADMIN, 'duty', 'publishRoster', { month: '2026-12' });
    await api.ok(ADMIN, 'duty', 'draftRoster', { month: '2026-12', entries: fullRoster('2026-12', () => [L2]) });
    expect((await rosterOf(VILLAGER, '2026-12')).published?.days.every((d) => d.leaders[0]?.id === L1)).toBe(true);
    expect((await rosterOf(ADMIN, '2026-12')).draft?.status).toBe('draft');
    await api.ok(ADMIN, 'duty', 'publishRoster', { month: '2026-12' });
    expect((await rosterOf(VILLAGER, '2026-12')).published?.days.every((d) => d.leaders[0]?.id === L2)).toBe(true);
  });

  test('a month gone by, a month without a draft, and another center are refused with the next step', async () => {
    const before = await snapshot();
    expect(await api.call(ADMIN, 'duty', 'draftRoster', { month: '2026-08', entries: fullRoster('2026-08') })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'month' }] } });
    expect(await api.call(ADMIN, 'duty', 'publishRoster', { month: '2027-01' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The other center's admin cannot put this center's leaders on its roster.
    const theirs = await api.call(OTHER_ADMIN, 'duty', 'draftRoster', { month: '2026-12', entries: [{ date: '2026-12-01', leaderIds: [L1] }] });
    expect(theirs).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'entries.2026-12-01' }] } });
    expect(await api.call(VILLAGER, 'duty', 'draftRoster', { month: '2026-12', entries: [] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await snapshot()).toBe(before);
  });
});

describe("today's leaders (R-DUTY-2)", () => {
  test('anyone sees the published leader of the day; a holiday has none', async () => {
    const seeded = (await store.get('duty', 'duty:c-baisha:2026-09-29'))?.leaderIds ?? [];
    const t = await api.ok<{ date: string; workingDay: boolean; published: boolean; leaders: Array<{ id: string }> }>(null, 'duty', 'today', { centerId: 'c-baisha' });
    expect(t).toMatchObject({ date: '2026-09-29', workingDay: true, published: true });
    expect(t.leaders.map((l) => l.id)).toEqual(seeded);
    clock.set('2026-10-03T02:00:00Z');
    expect(await api.ok(VILLAGER, 'duty', 'today', { centerId: 'c-baisha' })).toEqual({ date: '2026-10-03', workingDay: false, published: false, leaders: [] });
    // A month without a published roster: no leader is shown as on duty.
    clock.set('2026-12-01T02:00:00Z');
    expect(await api.ok(null, 'duty', 'today', { centerId: 'c-baisha' })).toMatchObject({ workingDay: true, published: false, leaders: [] });
    expect(await api.call(null, 'duty', 'today', { centerId: 'c-nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test('dutyLeadersOn: the published day, else all leaders; a document of one leaderId still reads', async () => {
    const ctx: Ctx = { store, clock, caller: null };
    const ids = async (date: string) => (await dutyLeadersOn(ctx, 'c-baisha', date)).map((x) => x.id).sort();
    expect(await ids('2026-09-29')).toEqual((await store.get('duty', 'duty:c-baisha:2026-09-29'))?.leaderIds);
    expect(await ids('2026-12-01')).toEqual([L1, L2].sort()); // no roster for December
    await store.put('duty', { id: 'duty:c-baisha:2026-10-14', centerId: 'c-baisha', date: '2026-10-14', leaderId: L2 });
    expect(await ids('2026-10-14')).toEqual([L2]);
    // A draft never counts: only what is published.
    await api.ok(ADMIN, 'duty', 'draftRoster', { month: '2026-12', entries: fullRoster('2026-12', () => [L2]) });
    expect(await ids('2026-12-01')).toEqual([L1, L2].sort());
  });
});

describe('the duty record (带班值班接访记录)', () => {
  test("only the day's leader records, presence once and each reception kept; others are refused and nothing is written", async () => {
    const onDuty = (await store.get('duty', 'duty:c-baisha:2026-09-29'))?.leaderIds?.[0] ?? '';
    const offDuty = onDuty === L1 ? L2 : L1;
    const before = await snapshot();
    const r = await api.call(offDuty, 'duty', 'recordDuty', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '对不起,今天(9月29日 周二)公示的排班中没有您的带班值班安排,所以不能记录;如排班有误,请联系中心管理员调整。' } });
    expect(await api.call(onDuty, 'duty', 'recordDuty', { reception: { matter: '', outcome: '已答复' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'reception.matter' }] } });
    expect(await snapshot()).toBe(before);

    const first = await api.ok<{ record: { presentAt: string; receptions: unknown[] } }>(onDuty, 'duty', 'recordDuty', {});
    expect(first.record).toMatchObject({ date: '2026-09-29', leaderId: onDuty, presentAt: '2026-09-29T01:00:00.000Z', receptions: [] });
    clock.set('2026-09-29T03:15:00Z');
    await api.ok(onDuty, 'duty', 'recordDuty', { reception: { visitorName: '李大爷', matter: '反映低保复核进度', outcome: '当场联系民政窗口,答复三日内回电' } });
    const second = await api.ok<{ record: { presentAt: string; receptions: unknown[] } }>(onDuty, 'duty', 'recordDuty', { reception: { matter: '咨询医保缴费', outcome: '已当场解答' } });
    expect(second.record.presentAt).toBe('2026-09-29T01:00:00.000Z');
    expect(second.record.receptions).toEqual([
      { at: '2026-09-29T03:15:00.000Z', visitorName: '李大爷', matter: '反映低保复核进度', outcome: '当场联系民政窗口,答复三日内回电' },
      { at: '2026-09-29T03:15:00.000Z', matter: '咨询医保缴费', outcome: '已当场解答' },
    ]);
    expect(await store.find('audit', { where: { collection: 'dutyRecords' } })).toHaveLength(3);

    // The office, leaders and admin of the center read the month's records; the other center sees none.
    // 柳塘's leader on duty records in 柳塘: never among 白沙's records.
    await api.ok(OTHER_LEADER, 'duty', 'recordDuty', {});
    const mine = await api.ok<{ records: Array<{ leaderName: string; receptions: unknown[] }> }>(OFFICE, 'duty', 'records', { month: '2026-09' });
    expect(mine.records).toHaveLength(1);
    expect(mine.records[0]?.receptions).toHaveLength(2);
    expect((await api.ok<{ records: Array<{ leaderId: string }> }>(OTHER_OFFICE, 'duty', 'records', { month: '2026-09' })).records.map((r) => r.leaderId)).toEqual([OTHER_LEADER]);
    expect(await api.call(VILLAGER, 'duty', 'records', { month: '2026-09' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // A holiday is nobody's duty day.
    clock.set('2026-10-02T02:00:00Z');
    expect(await api.call(onDuty, 'duty', 'recordDuty', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('escalation of an overdue case goes to the duty leader (R-DUTY-2, R-CASE-5)', () => {
  const RECEIVER = u('staff-cl');
  const A = u('staff-rs');
  const ITEM_5_DAYS = 'item-baisha-rs-002';
  const overdueLeaders = async () => {
    const names = new Map((await store.find('users')).map((x) => [x.id, x]));
    const notices = await store.find('notices', { where: { kind: 'deadline', title: '办件已超期' } });
    return notices.map((n) => names.get(n.userId)).filter((x) => x?.role === 'leader').map((x) => x?.name).sort();
  };
  const openCase = async () => {
    const c = (await api.ok<{ case: { id: string } }>(RECEIVER, 'cases', 'registerWalkIn', { itemId: ITEM_5_DAYS, applicantName: '张桂英', residentId: 'res-baisha-zhanggy', agentId: u('agent') })).case;
    await api.ok(A, 'cases', 'accept', { caseId: c.id });
    return c;
  };

  test("a day whose published roster names 王建华 notifies 王建华 only, once", async () => {
    // October republished: 王建华 on 13 Oct (the day the case becomes overdue), 刘志强 otherwise.
    await api.ok(ADMIN, 'duty', 'draftRoster', { month: '2026-10', entries: fullRoster('2026-10', (d) => (d === '2026-10-13' ? [L2] : [L1])) });
    await api.ok(ADMIN, 'duty', 'publishRoster', { month: '2026-10' });
    await openCase(); // 29 Sep + 5 working days = Mon 12 Oct
    clock.set('2026-10-13T00:30:00Z');
    await runSweep(store, clock);
    await runSweep(store, clock);
    expect(await overdueLeaders()).toEqual(['王建华']);
  });

  test('a day with no entry (December has no roster yet) notifies every leader', async () => {
    clock.set('2026-11-24T01:00:00Z');
    await openCase(); // 24 Nov + 5 working days = Tue 1 Dec
    clock.set('2026-12-02T00:30:00Z');
    await runSweep(store, clock);
    expect(await overdueLeaders()).toEqual(['刘志强', '王建华']);
  });
});
