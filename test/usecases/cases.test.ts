/**
 * Cases under promised time limits on a real SQLite file (R-CASE-1..7): outcomes and their
 * refusals, transfers, A/B posts, the deadline sweep across the National Day week with A away
 * and B acting, and the fault tests of the sweep and the WeChat dispatcher.
 */
import type { Case } from '../../shared/domain/cases';
import { dutyLeaderIds } from '../../shared/domain/duty';
import { ManualClock } from '../../cloudfunctions/core/clock';
import type { Ctx } from '../../cloudfunctions/core/context';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import type { SubscribeMessage, WechatSender } from '../../cloudfunctions/core/push/sender';
import type { TemplateConfig } from '../../cloudfunctions/core/push/templates';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { Store, TxOps } from '../../cloudfunctions/core/store/port';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { runDispatch } from '../../cloudfunctions/core/usecases/outbox-dispatch';
import { notify } from '../../cloudfunctions/core/usecases/notify';
import { runSweep } from '../../cloudfunctions/core/usecases/sweep';
import { seededStore } from '../helpers/temp';

const u = (key: string) => demoUserId('c-baisha', key);
const A = u('staff-rs'); // 杨帆, A of the 人社 post
const B = u('staff-wj'); // 吴婷, B of the 人社 post
const RECEIVER = u('staff-cl'); // 孙浩 receives the visitor: the first-ask person
const OFFICE = u('office');
const ITEM_5_DAYS = 'item-baisha-rs-002'; // promised 5 working days
const ITEM_0_DAYS = 'item-baisha-rs-001'; // 即办件

let store: SqliteStore;
let clock: ManualClock;

/** 08:30 in Shanghai on a date. */
const morning = (date: string) => `${date}T00:30:00Z`;

beforeEach(async () => {
  ({ store, clock } = await seededStore(new ManualClock(morning('2026-09-29'))));
});
afterEach(async () => {
  await store.close();
});

const ctxOf = async (userId: string | null, push?: Ctx['push']): Promise<Ctx> => ({ store, clock, caller: userId ? await store.get('users', userId) : null, ...(push ? { push } : {}) });
const call = async (userId: string, action: string, input: unknown) => dispatch('cases', { action, input }, await ctxOf(userId));
const ok = async <T = { case: Case }>(userId: string, action: string, input: unknown): Promise<T> => {
  const r = await call(userId, action, input);
  if (!r.ok) throw new Error(`cases.${action}: ${JSON.stringify(r.error)}`);
  return r.data as T;
};
const walkIn = async (itemId = ITEM_5_DAYS, applicantName = '张桂英') =>
  (await ok<{ case: Case }>(RECEIVER, 'registerWalkIn', { itemId, applicantName, residentId: 'res-baisha-zhanggy', agentId: u('agent') })).case;

describe('reception outcomes (R-CASE-1/2/3)', () => {
  test('the receiver is the first-ask person; the handler is the A of the window post', async () => {
    const c = await walkIn();
    expect(c).toMatchObject({ firstAskId: RECEIVER, handlerId: A, status: 'received', postId: 'post-baisha-rs' });
    expect(c.number).toMatch(/^J20260929-RS-001$/);
  });

  test('accept sets the deadline on the working-day calendar', async () => {
    const c = await walkIn();
    const r = await ok(A, 'accept', { caseId: c.id });
    expect(r.case).toMatchObject({ status: 'accepted', acceptedOn: '2026-09-29', deadline: '2026-10-12', nextReminderOn: '2026-10-09' });
  });

  test('one supplement notice at most, listing only materials of the item; resubmission moves on', async () => {
    const c = await walkIn();
    const item = await store.get('items', ITEM_5_DAYS);
    const names = item!.materials.map((m) => m.name);
    expect(await call(A, 'supplement', { caseId: c.id, missing: ['其他材料'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const s = await ok(A, 'supplement', { caseId: c.id, missing: [names[0], names[1]] });
    expect(s.case).toMatchObject({ status: 'supplement', missingMaterials: [names[0], names[1]] });
    const agentInbox = await dispatch('inbox', { action: 'list', input: {} }, await ctxOf(u('agent')));
    expect(JSON.stringify(agentInbox)).toContain('请补齐材料');
    await ok(A, 'resubmitted', { caseId: c.id });
    const before = await store.count('trail');
    const second = await call(A, 'supplement', { caseId: c.id, missing: [names[2]] });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('只能补正一次') } });
    expect(await store.count('trail')).toBe(before);
    await ok(A, 'accept', { caseId: c.id });
  });

  test.each([
    ['done on the spot', 'doneOnSpot', { result: '已当场办理参保登记' }, 'done'],
    ['not accepted', 'reject', { reasons: ['申请人不属于本镇户籍'] }, 'rejected'],
    ['forwarded', 'forward', { committedDate: '2026-10-20' }, 'forwarded'],
  ])('%s', async (_l, action, extra, status) => {
    const c = await walkIn(ITEM_0_DAYS);
    const r = await ok(A, action, { caseId: c.id, ...extra });
    expect(r.case.status).toBe(status);
  });

  test('nothing is decided on a finished case, and only the handler decides', async () => {
    const c = await walkIn(ITEM_0_DAYS);
    expect(await call(RECEIVER, 'accept', { caseId: c.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await ok(A, 'doneOnSpot', { caseId: c.id, result: '已办结' });
    const before = { cases: JSON.stringify(await store.get('cases', c.id)), trail: await store.count('trail') };
    for (const [action, input] of [
      ['accept', {}],
      ['complete', { result: '再次办结' }],
      ['supplement', { missing: ['居民身份证'] }],
      ['forward', { committedDate: '2026-10-20' }],
    ] as const) {
      expect(await call(A, action, { caseId: c.id, ...input })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    }
    expect({ cases: JSON.stringify(await store.get('cases', c.id)), trail: await store.count('trail') }).toEqual(before);
  });

  test('the printed notices carry the case, the masked applicant, the item and the dates', async () => {
    const c = await walkIn();
    await ok(A, 'accept', { caseId: c.id });
    const doc = await ok<{ title: string; applicantName: string; paragraphs: string[]; caseNumber: string; centerName: string }>(A, 'document', { caseId: c.id, kind: 'acceptance' });
    expect(doc).toMatchObject({ title: '受理通知书', applicantName: '张*英', caseNumber: c.number, centerName: '白沙镇便民服务中心' });
    expect(doc.paragraphs.join('')).toContain('10月12日');
    expect(await call(A, 'document', { caseId: c.id, kind: 'rejection' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('transfers (R-CASE-4) and A/B posts (R-CASE-6)', () => {
  test('transfer goes to a named person; the first-ask person stays and is told', async () => {
    const c = await walkIn();
    const r = await ok(A, 'transfer', { caseId: c.id, toUserId: u('staff-zh'), note: '属宅基地相关,转综合窗口' });
    expect(r.case).toMatchObject({ handlerId: u('staff-zh'), firstAskId: RECEIVER, windowId: 'w-baisha-zh', postId: 'post-baisha-zh' });
    const inbox = await dispatch('inbox', { action: 'list', input: {} }, await ctxOf(RECEIVER));
    expect(JSON.stringify(inbox)).toContain('办件转办');
  });

  test('a transfer to nobody, to oneself, or to someone away whose B is away too is refused', async () => {
    const c = await walkIn();
    expect(await call(A, 'transfer', { caseId: c.id, note: '转办' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(A, 'transfer', { caseId: c.id, toUserId: u('office'), note: '转给办公室' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(A, 'transfer', { caseId: c.id, toUserId: A, note: '自己' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // 何静 (A of 综合) and her B 孙浩 are both away.
    for (const who of ['staff-zh', 'staff-cl']) {
      await dispatch('cases', { action: 'addLeave', input: { userId: u(who), kind: 'training', from: '2026-09-29', to: '2026-09-30' } }, await ctxOf(u('admin')));
    }
    const r = await call(A, 'transfer', { caseId: c.id, toUserId: u('staff-zh'), note: '转综合窗口' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('B岗也不在岗') } });
    expect((await store.get('cases', c.id))?.handlerId).toBe(A);
  });

  test("while A is away B acts: B sees A's cases and may decide; when A returns they come back", async () => {
    const c = await walkIn();
    await ok(A, 'addLeave', { kind: 'leave', from: '2026-09-29', to: '2026-09-30', note: '事假' });
    const bList = await ok<{ handling: Array<{ id: string; actingHandlerName: string }> }>(B, 'mine', {});
    expect(bList.handling.map((x) => x.id)).toEqual([c.id]);
    expect(bList.handling[0]!.actingHandlerName).toBe('吴婷');
    const aList = await ok<{ handling: unknown[] }>(A, 'mine', {});
    expect(aList.handling).toEqual([]);
    await ok(B, 'accept', { caseId: c.id });
    clock.set(morning('2026-10-08'));
    const back = await ok<{ handling: Array<{ id: string }> }>(A, 'mine', {});
    expect(back.handling.map((x) => x.id)).toEqual([c.id]);
    expect(await call(B, 'complete', { caseId: c.id, result: '已办结' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

/** Notices sent so far, as "title → recipient names". */
async function noticesSince(since: number): Promise<string[]> {
  const names = new Map((await store.find('users')).map((x) => [x.id, x.name]));
  const all = await store.find('notices', { where: { kind: 'deadline' }, orderBy: [['createdAt', 'asc']] });
  return all.slice(since).map((n) => `${n.title} → ${names.get(n.userId)}`).sort();
}

describe('the deadline sweep across the National Day week, A away and B acting (R-CASE-5/6)', () => {
  test('exactly the right reminders, to the right people, once', async () => {
    const c = await walkIn();
    await ok(A, 'accept', { caseId: c.id }); // 29 Sep + 5 working days = Mon 12 Oct
    await ok(A, 'addLeave', { kind: 'trip', from: '2026-10-08', to: '2026-10-10', note: '县里开会' });
    const dutyOn13 = dutyLeaderIds((await store.get('duty', 'duty:c-baisha:2026-10-13'))!)[0]!;
    const leaderName = (await store.get('users', dutyOn13))!.name;

    const expected: Record<string, string[]> = {
      '2026-10-09': ['办件即将到期 → 吴婷', '办件即将到期 → 孙浩'],
      '2026-10-12': ['办件今日到期 → 孙浩', '办件今日到期 → 杨帆'],
      '2026-10-13': ['办件已超期 → 周敏', '办件已超期 → 孙浩', '办件已超期 → 杨帆', `办件已超期 → ${leaderName}`].sort(),
    };
    let seen = 0;
    for (let t = Date.parse('2026-09-29T00:00:00Z'); t <= Date.parse('2026-10-15T00:00:00Z'); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      clock.set(morning(date));
      await runSweep(store, clock);
      await runSweep(store, clock); // a second run the same day sends nothing more
      const fresh = await noticesSince(seen);
      seen += fresh.length;
      expect({ date, fresh }).toEqual({ date, fresh: expected[date] ?? [] });
    }
    const after = await store.get('cases', c.id);
    expect(after).toMatchObject({ remindersSent: ['due_soon', 'due_today', 'overdue'] });
    expect(after?.nextReminderOn).toBeUndefined();
    const overdue = await ok<{ cases: Array<{ id: string; badge: string }> }>(OFFICE, 'overdue', {});
    expect(overdue.cases).toEqual([expect.objectContaining({ id: c.id, badge: 'overdue' })]);
  });

  test('a finished case stops being reminded', async () => {
    const c = await walkIn();
    await ok(A, 'accept', { caseId: c.id });
    await ok(A, 'complete', { caseId: c.id, result: '已办结,待遇已核定' });
    clock.set(morning('2026-10-13'));
    expect((await runSweep(store, clock)).notices).toBe(0);
  });
});

describe('fault tests', () => {
  /** A store whose transactions die after `n` commits, as a sweep killed halfway would. */
  function dyingAfter(inner: Store, n: number): Store {
    let commits = 0;
    return new Proxy(inner, {
      get(target, prop, receiver) {
        if (prop === 'transaction') {
          return async <T>(fn: (tx: TxOps) => Promise<T>) => {
            if (commits >= n) throw new Error('killed');
            const r = await target.transaction(fn);
            commits += 1;
            return r;
          };
        }
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }

  test('a sweep killed halfway, then run again, sends no duplicate and misses nothing', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const c = await walkIn(ITEM_5_DAYS, `村民${i}`);
      await ok(A, 'accept', { caseId: c.id });
      ids.push(c.id);
    }
    clock.set(morning('2026-10-09'));
    await expect(runSweep(dyingAfter(store, 11), clock)).rejects.toThrow('killed');
    const half = await store.count('notices', { kind: 'deadline' });
    expect(half).toBe(11 * 2);
    await runSweep(store, clock);
    await runSweep(store, clock);
    const notices = await store.find('notices', { where: { kind: 'deadline' } });
    expect(notices).toHaveLength(30 * 2);
    expect(new Set(notices.map((n) => n.id)).size).toBe(60);
    const perCase = new Map<string, number>();
    for (const n of notices) {
      const num = /\((J[^,]+),/.exec(n.body)?.[1] ?? '';
      perCase.set(num, (perCase.get(num) ?? 0) + 1);
    }
    expect([...perCase.values()].every((k) => k === 2)).toBe(true);
    expect(perCase.size).toBe(30);
    expect(await store.count('outbox')).toBeGreaterThanOrEqual(60);
  });

  test('with the WeChat sender failing 30% of the time every notice is delivered exactly once', async () => {
    const templates: TemplateConfig = { deadline: { id: 'TPL-DEADLINE', fields: { title: 'thing1', body: 'thing2', time: 'time3' } } };
    // A deterministic 30% failure rate (a seeded generator), so the test is the same every run.
    let seed = 20261127;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const delivered: SubscribeMessage[] = [];
    let failures = 0;
    const flaky: WechatSender = {
      async send(m) {
        if (random() < 0.3) {
          failures += 1;
          throw new Error('errcode 45009 (simulated)');
        }
        delivered.push(m);
      },
    };
    const recipients = ['staff-mz', 'staff-rs', 'staff-wj', 'staff-cl', 'staff-zh', 'office', 'leader', 'admin'].map(u);
    for (const [i, id] of recipients.entries()) {
      await store.update('users', id, { set: { openId: `oOPENID-${i}` } });
      for (let k = 0; k < 20; k += 1) {
        await dispatch('inbox', { action: 'recordConsent', input: { accepted: ['TPL-DEADLINE'] } }, await ctxOf(id, { sender: flaky, templates }));
      }
    }
    const at = clock.now().toISOString();
    await store.transaction(async (tx) => {
      for (let n = 0; n < 100; n += 1) {
        await notify(tx, [recipients[n % recipients.length]], { centerId: 'c-baisha', kind: 'deadline', title: '办件即将到期', body: `第${n}号提醒` }, at);
      }
    });
    for (let round = 0; round < 40; round += 1) {
      await runDispatch({ store, clock, sender: flaky, templates });
      clock.advance(61 * 60_000);
    }
    expect(failures).toBeGreaterThan(10);
    const bodies = delivered.map((m) => m.data.thing2?.value ?? '');
    expect(bodies).toHaveLength(100);
    expect(new Set(bodies).size).toBe(100);
    const statuses = (await store.find('outbox')).map((e) => e.status);
    expect(statuses.filter((s) => s === 'sent')).toHaveLength(100);
    // Each delivered message used exactly one consent: 8 users × 20 accepts − 100.
    const left = (await store.find('consents')).reduce((s, c) => s + c.remaining, 0);
    expect(left).toBe(8 * 20 - 100);
  });

  test('without consent, a bound WeChat or a template, the notice stays in-app and says why', async () => {
    const at = clock.now().toISOString();
    await store.transaction((tx) => notify(tx, [A], { centerId: 'c-baisha', kind: 'case', title: '测试', body: '测试' }, at));
    const r = await runDispatch({ store, clock, sender: { send: async () => undefined }, templates: {} });
    expect(r).toMatchObject({ sent: 0, skipped: 1 });
    expect((await store.find('outbox'))[0]).toMatchObject({ status: 'skipped', skippedReason: expect.stringContaining('站内') });
  });

  test('after every retry fails the message is parked for the office, who can requeue it', async () => {
    const templates: TemplateConfig = { case: { id: 'TPL-CASE', fields: { title: 'thing1', body: 'thing2' } } };
    await store.update('users', A, { set: { openId: 'oA' } });
    await dispatch('inbox', { action: 'recordConsent', input: { accepted: ['TPL-CASE'] } }, await ctxOf(A, { sender: null, templates }));
    const at = clock.now().toISOString();
    await store.transaction((tx) => notify(tx, [A], { centerId: 'c-baisha', kind: 'case', title: '测试', body: '测试' }, at));
    const broken: WechatSender = { send: async () => Promise.reject(new Error('down')) };
    for (let i = 0; i < 12; i += 1) {
      await runDispatch({ store, clock, sender: broken, templates });
      clock.advance(61 * 60_000);
    }
    const parked = await dispatch('inbox', { action: 'parked', input: {} }, await ctxOf(OFFICE));
    expect(parked).toMatchObject({ ok: true, data: { entries: [expect.objectContaining({ status: 'parked', attempts: 8, userName: '杨帆' })] } });
    expect((await store.get('consents', 'consent:' + A + ':TPL-CASE'))?.remaining).toBe(1);
    const id = ((parked as { data: { entries: Array<{ id: string }> } }).data.entries[0]!).id;
    await dispatch('inbox', { action: 'retryParked', input: { outboxId: id } }, await ctxOf(OFFICE));
    const fine: WechatSender = { send: async () => undefined };
    expect(await runDispatch({ store, clock, sender: fine, templates })).toMatchObject({ sent: 1 });
  });
});

describe('the admin sets A/B posts', () => {
  const admin = u('admin');
  const center = async (userId: string, action: string, input: unknown) => dispatch('center', { action, input }, await ctxOf(userId));

  test('new A and B take effect for new cases; invalid choices are refused', async () => {
    expect(await center(admin, 'savePost', { windowId: 'w-baisha-rs', aId: B, bId: B })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await center(admin, 'savePost', { windowId: 'w-baisha-rs', aId: OFFICE, bId: A })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await center(A, 'savePost', { windowId: 'w-baisha-rs', aId: B, bId: A })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await center(admin, 'savePost', { windowId: 'w-baisha-rs', aId: B, bId: A })).toMatchObject({ ok: true });
    const c = await walkIn();
    expect(c).toMatchObject({ handlerId: B, postId: 'post-baisha-rs' });
    const list = await center(u('office'), 'posts', {});
    expect(JSON.stringify(list)).toContain('"aName":"吴婷"');
  });
});
