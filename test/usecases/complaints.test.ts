/**
 * Complaints on the server (R-CMP-1..7): routing to the office, time limits across National Day
 * 2026 per class (on the eve of the holiday and after 17:00), overdue escalation through the one
 * sweep to the office and that day's duty leader exactly once, major complaints, replies in the
 * form received, one review, accountability over 12 months, and bad input that writes nothing.
 */
import { dutyLeaderIds } from '../../shared/domain/duty';
import type { Reply } from '../../shared/domain/errors';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { windowId } from '../../cloudfunctions/core/seed/organisation';
import type { CollectionName } from '../../cloudfunctions/core/store/collections';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { runSweep } from '../../cloudfunctions/core/usecases/sweep';
import { seededStore } from '../helpers/temp';

const u = (key: string) => demoUserId('c-baisha', key);
const VILLAGER = u('villager'); // 王秀英
const CLERK = u('staff-mz'); // 陈丽, the clerk complained about
const HEAD = u('staff-rs'); // 杨帆, the handler
const RECEIVER = u('staff-zh'); // 何静 takes a phone call (first-ask)
const OFFICE = u('office');
const LEADERS = [u('leader'), u('leader2')];
const OTHER_CENTER_STAFF = demoUserId('c-liutang', 'staff-mz');

/** A Shanghai wall-clock instant. */
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

let store: SqliteStore;
let clock: ManualClock;

beforeEach(async () => {
  ({ store, clock } = await seededStore(new ManualClock(at('2026-09-29', '09:00'))));
});
afterEach(async () => {
  await store.close();
});

const call = async (userId: string | null, action: string, input: unknown): Promise<Reply<unknown>> =>
  dispatch('complaints', { action, input }, { store, clock, caller: userId ? await store.get('users', userId) : null });
type Detail = { complaint: { id: string; number: string; state: string; deadline: string; klass: string; disciplineReportAt?: string; reply?: { form: string; onTime: boolean } } };
const ok = async <T = Detail>(userId: string | null, action: string, input: unknown): Promise<T> => {
  const r = await call(userId, action, input);
  if (!r.ok) throw new Error(`complaints.${action}: ${JSON.stringify(r.error)}`);
  return r.data as T;
};

const aboutClerk = { subjectKind: 'staff', staffId: CLERK, facts: '窗口工作人员办理低保时态度生硬,多次打断我说话。', wants: '希望改进服务态度' };
const fileAboutClerk = (extra: Record<string, unknown> = {}) =>
  ok<{ complaint: Detail['complaint']; trackingNumber: string; secret: string }>(VILLAGER, 'file', { ...aboutClerk, ...extra });

const WATCHED: CollectionName[] = ['complaints', 'complaintSteps', 'notices', 'outbox', 'audit', 'meta'];
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of WATCHED) out[c] = await store.count(c);
  return out;
}
/** A refused call: the code, the field it names, and that nothing was written. */
async function refused(userId: string, action: string, input: unknown) {
  const before = await counts();
  const r = await call(userId, action, input);
  expect(await counts()).toEqual(before);
  if (r.ok) throw new Error(`complaints.${action} should have been refused`);
  const fields = Array.isArray(r.error.details) ? r.error.details.map((d) => d.field) : [];
  return { code: r.error.code, message: r.error.message, fields };
}

async function names(ids: string[]): Promise<string[]> {
  return Promise.all(ids.map(async (id) => (await store.get('users', id))?.name ?? id));
}
async function noticesTitled(title: string): Promise<string[]> {
  const ns = await store.find('notices', { where: { kind: 'complaint', title } });
  return (await names(ns.map((n) => n.userId))).sort();
}

describe('routing to the office (R-CMP-2)', () => {
  test('a filed complaint lands in the queue and every office member is told at once, inbox and outbox, without the complainant', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const { complaint, trackingNumber, secret } = await fileAboutClerk();
    expect(trackingNumber).toMatch(/^TS202609300001$/);
    expect(secret.length).toBeGreaterThanOrEqual(6);
    expect(complaint).toMatchObject({ state: 'received', klass: 'general', deadline: '2026-10-08' });
    const office = await store.find('users', { where: { centerId: 'c-baisha', role: 'office' } });
    const notices = await store.find('notices', { where: { kind: 'complaint', title: '收到新的投诉' } });
    expect(notices.map((n) => n.userId).sort()).toEqual(office.map((x) => x.id).sort());
    const outbox = await store.find('outbox', { where: { kind: 'complaint' } });
    for (const n of notices) {
      expect(outbox.some((o) => o.noticeId === n.id)).toBe(true);
      expect(n.body).not.toContain('王秀英');
    }
    const queue = await ok<{ complaints: Array<{ id: string }> }>(OFFICE, 'queue', {});
    expect(queue.complaints.map((c) => c.id)).toEqual([complaint.id]);
  });

  test('a phone complaint registered after 17:00 on the eve of National Day counts from 8 October', async () => {
    clock.set(at('2026-09-30', '17:30'));
    const r = await ok(RECEIVER, 'register', { channel: 'phone', subjectKind: 'window', windowId: windowId('c-baisha', 'MZ'), facts: '电话反映窗口下午提前下班。', wants: '按时上下班', name: '赵大爷', contact: '13957100001' });
    expect(r.complaint).toMatchObject({ state: 'received', deadline: '2026-10-09', channel: 'phone' });
  });
});

describe('time limits per class across National Day 2026 (R-CMP-3)', () => {
  test.each([
    ['10:00', 'general', '2026-10-08'],
    ['10:00', 'complex', '2026-10-13'],
    ['17:30', 'general', '2026-10-09'],
    ['17:30', 'complex', '2026-10-14'],
  ])('filed 30 September %s, classified %s: answer by %s', async (time, klass, deadline) => {
    clock.set(at('2026-09-30', time));
    const { complaint } = await fileAboutClerk();
    clock.set(at('2026-10-08', '09:00'));
    const d = await ok(OFFICE, 'classify', { complaintId: complaint.id, klass });
    expect(d.complaint).toMatchObject({ klass, state: 'registered', deadline });
  });

  test('an extension is recorded with its reason, the complainant told at once, tracking goes on', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const { complaint } = await fileAboutClerk();
    await ok(OFFICE, 'classify', { complaintId: complaint.id, klass: 'general' });
    await ok(OFFICE, 'assign', { complaintId: complaint.id, handlerId: HEAD });
    const d = await ok(HEAD, 'extend', { complaintId: complaint.id, reason: '需调取窗口监控录像核实', newDate: '2026-10-12' });
    expect(d.complaint.deadline).toBe('2026-10-12');
    expect(await noticesTitled('投诉答复延期')).toEqual(['王秀英']);
    expect((await store.get('complaints', complaint.id))?.nextReminderOn).toBeDefined();
  });
});

describe('the tracking code (R-UX-2, outside review)', () => {
  test('eight digits an elderly complainant can copy by hand; typed with spaces or full-width digits it still opens', async () => {
    const filed = await fileAboutClerk({ anonymous: true });
    expect(filed.secret).toMatch(/^\d{8}$/);
    const spaced = `${filed.secret.slice(0, 4)} ${filed.secret.slice(4)}`;
    const fullWidth = filed.secret.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    for (const secret of [filed.secret, spaced, fullWidth]) {
      expect(await call(null, 'track', { number: filed.trackingNumber.toLowerCase(), secret })).toMatchObject({ ok: true });
    }
    expect(await call(null, 'track', { number: filed.trackingNumber, secret: '00000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('assignment (R-CMP-2)', () => {
  test("the handler's own list has what is assigned to them, without the complainant's identity for anyone else", async () => {
    const { complaint } = await fileAboutClerk();
    const other = await fileAboutClerk({ facts: '另一件事:窗口午间无人值守,等了很久。' });
    await ok(OFFICE, 'classify', { complaintId: complaint.id, klass: 'general' });
    await ok(OFFICE, 'assign', { complaintId: complaint.id, handlerId: HEAD });
    const mine = await ok<{ complaints: Array<{ id: string; complainant: unknown }> }>(HEAD, 'assigned', {});
    expect(mine.complaints.map((c) => c.id)).toEqual([complaint.id]);
    expect(mine.complaints[0]?.complainant).not.toBeNull();
    expect((await ok<{ complaints: unknown[] }>(CLERK, 'assigned', {})).complaints).toEqual([]);
    expect((await ok<{ complaints: Array<{ id: string }> }>(RECEIVER, 'assigned', {})).complaints.map((c) => c.id)).not.toContain(other.complaint.id);
  });

  test('re-assignment keeps the trail: both handlers stay on it, the new one is told', async () => {
    const { complaint } = await fileAboutClerk();
    await ok(OFFICE, 'classify', { complaintId: complaint.id, klass: 'general' });
    await ok(OFFICE, 'assign', { complaintId: complaint.id, handlerId: HEAD });
    clock.advance(60_000); // steps are ordered by their time
    const d = await ok<{ complaint: { handlerId: string }; steps: Array<{ action: string; text: string }> }>(OFFICE, 'assign', { complaintId: complaint.id, handlerId: RECEIVER, note: '杨帆出差' });
    expect(d.complaint.handlerId).toBe(RECEIVER);
    expect(d.steps.filter((s) => s.action.endsWith('assign')).map((s) => s.text)).toEqual(['指定杨帆承办。', '改由何静承办(原承办人杨帆)。杨帆出差']);
    expect(await noticesTitled('请承办投诉')).toEqual(['何静', '杨帆']);
    // The former handler no longer acts for it.
    expect((await call(HEAD, 'extend', { complaintId: complaint.id, reason: '需要更多时间核实', newDate: '2026-10-12' })).ok).toBe(false);
  });
});

describe('overdue escalation through the one sweep (R-CMP-3, R-DUTY-2)', () => {
  test('the office and that day’s duty leader are told exactly once, with the sweep run twice a day', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const { complaint } = await fileAboutClerk(); // answer by Thu 8 October
    await ok(OFFICE, 'classify', { complaintId: complaint.id, klass: 'general' });
    await ok(OFFICE, 'assign', { complaintId: complaint.id, handlerId: HEAD });
    const dutyOn9 = dutyLeaderIds((await store.get('duty', 'duty:c-baisha:2026-10-09'))!);
    const expected: Record<string, string[]> = {
      '2026-10-08': ['投诉今日到期 → 杨帆'],
      '2026-10-09': ['投诉已超期 → 周敏', '投诉已超期 → 杨帆', ...(await names(dutyOn9)).map((n) => `投诉已超期 → ${n}`)].sort(),
    };
    let seen = 0;
    for (let t = Date.parse('2026-09-30T00:00:00Z'); t <= Date.parse('2026-10-14T00:00:00Z'); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      clock.set(at(date, '08:30'));
      await runSweep(store, clock);
      await runSweep(store, clock);
      const all = await store.find('notices', { where: { kind: 'complaint' }, orderBy: [['createdAt', 'asc']] });
      const reminders = all.filter((n) => n.title.startsWith('投诉') && /到期|超期/.test(n.title));
      const fresh = reminders.slice(seen);
      seen = reminders.length;
      const got = (await Promise.all(fresh.map(async (n) => `${n.title} → ${(await names([n.userId]))[0]}`))).sort();
      expect({ date, got }).toEqual({ date, got: expected[date] ?? [] });
    }
    const after = await store.get('complaints', complaint.id);
    expect(after?.remindersSent).toEqual(['due_today', 'overdue']);
    expect(after?.nextReminderOn).toBeUndefined();
  });

  test('a replied complaint is not reminded', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const { complaint } = await fileAboutClerk();
    await ok(OFFICE, 'classify', { complaintId: complaint.id, klass: 'general' });
    await ok(OFFICE, 'assign', { complaintId: complaint.id, handlerId: HEAD });
    await ok(OFFICE, 'close', { complaintId: complaint.id, substantiated: false, findings: '经查看录像,工作人员态度正常。' });
    const d = await ok(HEAD, 'reply', { complaintId: complaint.id, text: '经核实,已向您说明情况,谢谢您的监督。' });
    expect(d.complaint.reply).toMatchObject({ form: 'written', onTime: true });
    clock.set(at('2026-10-09', '08:30'));
    expect((await runSweep(store, clock)).notices).toBe(0);
  });
});

describe('major complaints (R-CMP-1, R-CMP-7)', () => {
  test('filed in writing: the leaders and today’s duty leader are told at once, marked for 纪检监察', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const { complaint } = await fileAboutClerk({ major: true });
    const stored = await store.get('complaints', complaint.id);
    expect(stored).toMatchObject({ klass: 'major', deadline: '2026-10-13' });
    expect(stored?.disciplineReportAt).toBeDefined();
    expect(await noticesTitled('重大投诉,请即阅处')).toEqual((await names(LEADERS)).sort());
  });

  test('a major complaint by phone is refused, naming the field, and nothing is written', async () => {
    const r = await refused(RECEIVER, 'register', { channel: 'phone', subjectKind: 'center', facts: '电话反映有人索要好处费。', wants: '严肃查处', major: true, contact: '13957100001' });
    expect(r).toMatchObject({ code: 'VALIDATION', fields: ['major'] });
    expect(r.message).toMatch(/对不起.*书面/);
  });

  test('classifying a phone complaint as major is refused', async () => {
    const { complaint } = await ok<{ complaint: { id: string } }>(RECEIVER, 'register', { channel: 'phone', subjectKind: 'center', facts: '电话反映有人索要好处费。', wants: '严肃查处', contact: '13957100001' });
    expect(await refused(OFFICE, 'classify', { complaintId: complaint.id, klass: 'major' })).toMatchObject({ code: 'VALIDATION', fields: ['klass'] });
  });
});

describe('bad input writes nothing and names the field', () => {
  test('an empty complaint', async () => {
    expect(await refused(VILLAGER, 'file', { ...aboutClerk, facts: '  ' })).toMatchObject({ code: 'VALIDATION', fields: ['facts'] });
  });
  test('a phone complaint without a contact (not anonymous)', async () => {
    expect(await refused(RECEIVER, 'register', { channel: 'phone', subjectKind: 'center', facts: '电话反映大厅太冷。', wants: '开空调' })).toMatchObject({ code: 'VALIDATION', fields: ['contact'] });
  });
  test('assignment to the person complained about, or to someone of another center', async () => {
    const { complaint } = await fileAboutClerk();
    await ok(OFFICE, 'classify', { complaintId: complaint.id, klass: 'general' });
    const self = await refused(OFFICE, 'assign', { complaintId: complaint.id, handlerId: CLERK });
    expect(self).toMatchObject({ code: 'VALIDATION', fields: ['handlerId'] });
    expect(self.message).toMatch(/不能由被投诉人本人承办/);
    expect(await refused(OFFICE, 'assign', { complaintId: complaint.id, handlerId: OTHER_CENTER_STAFF })).toMatchObject({ code: 'VALIDATION', fields: ['handlerId'] });
  });
  test('a complaint about a window is not handled by that window\'s clerk, who never sees who complained (R-CMP-5, outside review)', async () => {
    const { complaint } = await ok<{ complaint: Detail['complaint'] }>(VILLAGER, 'file', {
      subjectKind: 'window',
      windowId: windowId('c-baisha', 'MZ'),
      facts: '民政窗口的工作人员态度生硬,说这事不归我管。',
      wants: '希望改进服务态度',
    });
    await ok(OFFICE, 'classify', { complaintId: complaint.id, klass: 'general' });
    const own = await refused(OFFICE, 'assign', { complaintId: complaint.id, handlerId: CLERK });
    expect(own).toMatchObject({ code: 'VALIDATION', fields: ['handlerId'] });
    expect(own.message).toContain('不能由该窗口的工作人员承办');
    // Another window's head handles it and sees the complainant; 陈丽 (民政窗口) can open nothing.
    await ok(OFFICE, 'assign', { complaintId: complaint.id, handlerId: HEAD, note: '' });
    const seen = await ok<{ complaint: { complainant: { name: string } | null } }>(HEAD, 'get', { complaintId: complaint.id });
    expect(seen.complaint.complainant?.name).toBe('王秀英');
    expect(await call(CLERK, 'get', { complaintId: complaint.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('a reply by someone not assigned; an oral reply without its means', async () => {
    const { complaint } = await ok<{ complaint: { id: string } }>(RECEIVER, 'register', { channel: 'oral', subjectKind: 'staff', staffId: CLERK, facts: '当面反映窗口人员玩手机。', wants: '加强管理', name: '赵大爷', contact: '13957100001' });
    await ok(OFFICE, 'classify', { complaintId: complaint.id, klass: 'general' });
    await ok(OFFICE, 'assign', { complaintId: complaint.id, handlerId: HEAD });
    await ok(OFFICE, 'close', { complaintId: complaint.id, substantiated: true, findings: '经查属实,工作时间玩手机。', measure: '批评教育' });
    const other = await refused(RECEIVER, 'reply', { complaintId: complaint.id, text: '已处理,谢谢监督。', means: 'phone' });
    expect(other.code).toBe('FORBIDDEN');
    expect(other.message).toMatch(/只有承办人/);
    expect(await refused(HEAD, 'reply', { complaintId: complaint.id, text: '已处理,谢谢监督。' })).toMatchObject({ code: 'VALIDATION', fields: ['means'] });
    const d = await ok(HEAD, 'reply', { complaintId: complaint.id, text: '已电话告知处理结果,谢谢监督。', means: 'phone' });
    expect(d.complaint.reply).toMatchObject({ form: 'oral' });
  });
  test('a second review request', async () => {
    const { complaint } = await fileAboutClerk();
    const id = complaint.id;
    await ok(OFFICE, 'classify', { complaintId: id, klass: 'general' });
    await ok(OFFICE, 'assign', { complaintId: id, handlerId: HEAD });
    await ok(OFFICE, 'close', { complaintId: id, substantiated: false, findings: '经查看录像,工作人员态度正常。' });
    await ok(HEAD, 'reply', { complaintId: id, text: '经核实,工作人员态度正常,谢谢您的监督。' });
    await ok(VILLAGER, 'rate', { complaintId: id, satisfied: false });
    expect((await ok(VILLAGER, 'requestReview', { complaintId: id, reason: '录像看不到全部过程' })).complaint.state).toBe('investigating');
    await ok(OFFICE, 'close', { complaintId: id, substantiated: false, findings: '复核后维持原结论。' });
    await ok(HEAD, 'reply', { complaintId: id, text: '复核后维持原结论,对不起未能让您满意。' });
    await ok(VILLAGER, 'rate', { complaintId: id, satisfied: false });
    const second = await refused(VILLAGER, 'requestReview', { complaintId: id, reason: '仍然不满意' });
    expect(second.message).toMatch(/只能申请复核一次/);
  });
  test("the trail reads as sentences: a reason the complainant ends with 。 is not doubled (review, extension)", async () => {
    const { complaint } = await fileAboutClerk();
    const id = complaint.id;
    await ok(OFFICE, 'classify', { complaintId: id, klass: 'general' });
    await ok(OFFICE, 'assign', { complaintId: id, handlerId: HEAD });
    await ok(HEAD, 'extend', { complaintId: id, reason: '需调取录像核实。', newDate: '2026-10-09' });
    await ok(OFFICE, 'close', { complaintId: id, substantiated: false, findings: '经查看录像,工作人员态度正常。' });
    await ok(HEAD, 'reply', { complaintId: id, text: '经核实,工作人员态度正常,谢谢您的监督。' });
    await ok(VILLAGER, 'rate', { complaintId: id, satisfied: false });
    await ok(VILLAGER, 'requestReview', { complaintId: id, reason: '答复没有说明录像看不到的部分。' });
    const { steps } = await ok<{ steps: Array<{ action: string; text: string }> }>(VILLAGER, 'get', { complaintId: id });
    const text = (action: string) => steps.find((s) => s.action === action)?.text ?? '';
    expect(text('complaint.review')).toMatch(/^投诉人申请复核:答复没有说明录像看不到的部分。中心将于.+前重新答复。$/);
    expect(text('complaint.extend')).toMatch(/^因需调取录像核实,答复日期延至2026年10月9日 周五;/);
    for (const s of steps) expect(s.text).not.toMatch(/[。,;!?]{2}/);
  });
});

describe('accountability over a rolling 12 months (R-CMP-6)', () => {
  async function substantiatedOn(date: string, substantiated = true) {
    clock.set(at(date, '10:00'));
    const { complaint } = await fileAboutClerk();
    await ok(OFFICE, 'classify', { complaintId: complaint.id, klass: 'general' });
    await ok(OFFICE, 'assign', { complaintId: complaint.id, handlerId: HEAD });
    await ok(OFFICE, 'close', { complaintId: complaint.id, substantiated, findings: substantiated ? '经查属实。' : '经查不属实。', ...(substantiated ? { measure: '通报批评' } : {}) });
    return complaint.id;
  }
  const staffFlags = async () =>
    (await ok<{ flags: Array<{ subjectKind: string; subjectId: string; level: string; complaints: Array<{ id: string }> }> }>(OFFICE, 'flags', {})).flags.filter((f) => f.subjectKind === 'staff' && f.subjectId === CLERK);

  test('two substantiated within 12 months → 下岗, with both complaints behind it', async () => {
    const a = await substantiatedOn('2026-03-02');
    const b = await substantiatedOn('2027-02-25');
    const flags = await staffFlags();
    expect(flags.map((f) => f.level)).toEqual(['notice', 'dismissal']);
    expect(flags[1]?.complaints.map((c) => c.id)).toEqual([a, b]);
    expect((await ok<{ flags: unknown[] }>(u('leader'), 'flags', {})).flags.length).toBeGreaterThan(0);
  });
  test('13 months apart → no 下岗', async () => {
    await substantiatedOn('2026-03-02');
    await substantiatedOn('2027-04-02');
    expect((await staffFlags()).map((f) => f.level)).toEqual(['notice', 'notice']);
  });
  test('unsubstantiated → nothing', async () => {
    await substantiatedOn('2026-03-02', false);
    expect(await staffFlags()).toEqual([]);
  });
});

describe('publication (公布)', () => {
  test('month figures by channel and class, on time and substantiated, with no personal data', async () => {
    clock.set(at('2026-09-30', '10:00'));
    const { complaint } = await fileAboutClerk();
    await ok(RECEIVER, 'register', { channel: 'suggestion_box', subjectKind: 'center', facts: '意见箱:大厅座椅不够。', wants: '增加座椅', anonymous: true });
    await ok(OFFICE, 'classify', { complaintId: complaint.id, klass: 'complex' });
    await ok(OFFICE, 'assign', { complaintId: complaint.id, handlerId: HEAD });
    await ok(OFFICE, 'close', { complaintId: complaint.id, substantiated: true, findings: '经查属实。', measure: '批评教育' });
    await ok(HEAD, 'reply', { complaintId: complaint.id, text: '经核实属实,已批评教育,谢谢监督。' });
    const r = await ok<{ months: Array<Record<string, unknown>> }>(null, 'monthFigures', { centerId: 'c-baisha', year: 2026 });
    expect(r.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    expect(r.months[8]).toMatchObject({ received: 2, byChannel: { in_app: 1, suggestion_box: 1, phone: 0 }, byClass: { complex: 1, general: 1 }, answered: 1, answeredOnTime: 1, substantiated: 1 });
    expect(JSON.stringify(r)).not.toMatch(/王秀英|陈丽|13\d{9}/);
  });
});

describe('a complainant who erases their account (PIPL)', () => {
  test('"my data" lists their complaints; after erasing, no complaint holds their name, contact or account', async () => {
    // A villager with nothing else open (the demo villager has bookings that block erasing).
    const id = 'u-baisha-qianxm';
    await store.put('users', { id, centerId: 'c-baisha', role: 'villager', name: '钱小梅' });
    const { complaint } = await ok<{ complaint: { id: string } }>(id, 'file', { ...aboutClerk, contact: '13957100077' });
    const asHer = async () => ({ store, clock, caller: await store.get('users', id) });
    const mine = await dispatch('account', { action: 'myData', input: {} }, await asHer());
    expect(mine.ok && mine.data).toMatchObject({ categories: expect.arrayContaining([expect.objectContaining({ key: 'complaints', count: 1 })]) });
    expect(await dispatch('account', { action: 'eraseMe', input: { confirm: true } }, await asHer())).toMatchObject({ ok: true });
    expect(JSON.stringify(await store.get('complaints', complaint.id))).not.toMatch(/钱小梅|13957100077|u-baisha-qianxm/);
    // The record stays for supervision: the office still has it, with nobody named.
    const d = await ok<{ complaint: { complainant: unknown } }>(OFFICE, 'get', { complaintId: complaint.id });
    expect(d.complaint).toMatchObject({ complainant: { name: '已注销用户', contact: '' } });
  });
});

describe('a retried filing makes one complaint (no request loses or doubles data)', () => {
  const fileWith = async (userId: string, action: 'file' | 'register', input: unknown, requestId: string) => {
    const r = await dispatch('complaints', { action, input, requestId }, { store, clock, caller: await store.get('users', userId) });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data as { complaint: { id: string }; trackingNumber: string; secret: string };
  };

  test.each([false, true])('same requestId twice (anonymous: %s): the same complaint, number and secret; the office is told once', async (anonymous) => {
    const first = await fileWith(VILLAGER, 'file', { ...aboutClerk, anonymous }, 'req-retry-1');
    const again = await fileWith(VILLAGER, 'file', { ...aboutClerk, anonymous }, 'req-retry-1');
    expect(again).toEqual(first);
    expect(await store.count('complaints')).toBe(1);
    expect(await store.count('notices', { userId: OFFICE })).toBe(1);
    // The anonymous filer can still follow it with what the retry returned.
    expect(await call(null, 'track', { number: again.trackingNumber, secret: again.secret })).toMatchObject({ ok: true });
    const other = await fileWith(VILLAGER, 'file', { ...aboutClerk, anonymous }, 'req-retry-2');
    expect(other.complaint.id).not.toBe(first.complaint.id);
    expect(await store.count('complaints')).toBe(2);
  });

  test('a registered phone complaint retried by the clerk is registered once', async () => {
    const input = { channel: 'phone', subjectKind: 'center', facts: '电话反映大厅排队时间太长,无人引导。', wants: '希望增加引导', name: '赵先生', contact: '13957100088', anonymous: false, major: false };
    const a = await fileWith(RECEIVER, 'register', input, 'req-phone-1');
    const b = await fileWith(RECEIVER, 'register', input, 'req-phone-1');
    expect(b.complaint.id).toBe(a.complaint.id);
    expect(await store.count('complaints')).toBe(1);
  });
});
