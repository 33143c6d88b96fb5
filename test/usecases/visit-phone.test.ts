/**
 * Door-to-door requests (R-BOOK-5) and the applicant's phone (personal data, R-BOOK-4 notes):
 * staff and office see it masked in every reply; the staff of the visit's window reveal it
 * with `booking.revealVisitPhone`, and every reveal appends one audit entry that records who
 * saw whose number and when — never the number itself.
 */
import { ManualClock } from '../../cloudfunctions/core/clock';
import type { AuditEntry } from '../../cloudfunctions/core/store/collections';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { caller } from '../helpers/calls';
import { startTestHost, type TestHost } from '../helpers/host';
import { seededStore } from '../helpers/temp';

// Monday 2 March 2026, 10:00 in Shanghai.
const START = '2026-03-02T02:00:00Z';
const VILLAGER = demoUserId('c-baisha', 'villager');
const AGENT = demoUserId('c-baisha', 'agent');
const STAFF_MZ = demoUserId('c-baisha', 'staff-mz'); // window MZ, where the item is handled
const STAFF_RS = demoUserId('c-baisha', 'staff-rs'); // another window of the same center
const OFFICE = demoUserId('c-baisha', 'office');
const LEADER = demoUserId('c-baisha', 'leader');
const ADMIN = demoUserId('c-baisha', 'admin');
const OTHER_CENTER_STAFF_MZ = demoUserId('c-liutang', 'staff-mz'); // window MZ of another center
const ITEM = 'item-baisha-mz-001'; // door-to-door, window MZ
const PHONE = '13957100099';
const MASKED = '139****0099';

let store: SqliteStore;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  const seeded = await seededStore(new ManualClock(START));
  store = seeded.store;
  api = caller(store, seeded.clock);
});
afterEach(async () => {
  await store.close();
});

const request = { itemId: ITEM, address: '石桥村3组12号', phone: PHONE, reason: 'elderly', note: '老人卧床' };
const newVisit = async (): Promise<string> => (await api.ok<{ visit: { id: string } }>(VILLAGER, 'booking', 'requestVisit', request)).visit.id;

const COLLECTIONS = ['visits', 'audit', 'notices', 'outbox', 'bookings', 'cases', 'trail'] as const;
const snapshot = async () => {
  const out: Record<string, unknown> = {};
  for (const c of COLLECTIONS) out[c] = await store.find(c, {});
  return out;
};
const revealAudits = async (): Promise<AuditEntry[]> => store.find('audit', { where: { action: 'visit.reveal_phone' } });

describe('staff and office never get the whole number in a reply', () => {
  test.each([
    ['staff of the window', STAFF_MZ],
    ['office', OFFICE],
  ])('visitBoard to %s: masked', async (_who, userId) => {
    await newVisit();
    const r = await api.call(userId, 'booking', 'visitBoard', {});
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain(PHONE);
    expect((r as { data: { visits: Array<{ phone: string }> } }).data.visits[0]!.phone).toBe(MASKED);
  });

  test('scheduleVisit and declineVisit reply with the number masked', async () => {
    const a = await newVisit();
    const s = await api.call(STAFF_MZ, 'booking', 'scheduleVisit', { visitId: a, date: '2026-03-04', time: '14:00' });
    expect(s).toMatchObject({ ok: true, data: { visit: { status: 'scheduled', phone: MASKED } } });
    expect(JSON.stringify(s)).not.toContain(PHONE);
    const b = await newVisit();
    const d = await api.call(STAFF_MZ, 'booking', 'declineVisit', { visitId: b, reason: '本周人手不足,请预约到窗口办理' });
    expect(d).toMatchObject({ ok: true, data: { visit: { status: 'declined', phone: MASKED } } });
    expect(JSON.stringify(d)).not.toContain(PHONE);
  });

  test('the applicant still sees their own number, and the admin the whole one (README promise)', async () => {
    await newVisit();
    const mine = await api.ok<{ visits: Array<{ phone: string }> }>(VILLAGER, 'booking', 'myVisits', {});
    expect(mine.visits[0]!.phone).toBe(PHONE);
    const board = await api.ok<{ visits: Array<{ phone: string }> }>(ADMIN, 'booking', 'visitBoard', {});
    expect(board.visits[0]!.phone).toBe(PHONE);
  });

  test('the stored request keeps the whole number (masking is in the reply only)', async () => {
    const id = await newVisit();
    await api.ok(STAFF_MZ, 'booking', 'visitBoard', {});
    expect((await store.get('visits', id))?.phone).toBe(PHONE);
  });
});

describe('booking.revealVisitPhone', () => {
  test('the staff of the window get the whole number; each reveal appends exactly one audit entry without it', async () => {
    const id = await newVisit();
    const auditBefore = await store.count('audit');
    const r = await api.ok<{ visitId: string; applicantName: string; phone: string }>(STAFF_MZ, 'booking', 'revealVisitPhone', { visitId: id });
    expect(r).toEqual({ visitId: id, applicantName: '王秀英', phone: PHONE });
    expect(await store.count('audit')).toBe(auditBefore + 1);
    const [entry] = await revealAudits();
    expect(entry).toMatchObject({ centerId: 'c-baisha', actorId: STAFF_MZ, action: 'visit.reveal_phone', collection: 'visits', recordId: id, at: START.replace('Z', '.000Z') });
    expect(entry!.after).toMatchObject({ applicantName: '王秀英', requestedBy: VILLAGER });
    expect(JSON.stringify(entry)).not.toContain(PHONE);
    expect(JSON.stringify(entry)).not.toContain('0099');

    await api.ok(STAFF_MZ, 'booking', 'revealVisitPhone', { visitId: id });
    expect(await store.count('audit')).toBe(auditBefore + 2);
    expect(await revealAudits()).toHaveLength(2);
  });

  test('also once the visit is scheduled (staff call to confirm)', async () => {
    const id = await newVisit();
    await api.ok(STAFF_MZ, 'booking', 'scheduleVisit', { visitId: id, date: '2026-03-04', time: '14:00' });
    expect(await api.ok(STAFF_MZ, 'booking', 'revealVisitPhone', { visitId: id })).toMatchObject({ phone: PHONE });
  });

  test.each([
    ['staff of another window', STAFF_RS],
    ['staff of another center', OTHER_CENTER_STAFF_MZ],
    ['the office', OFFICE],
    ['a leader', LEADER],
    ['the admin', ADMIN],
    ['a villager', VILLAGER],
    ['an agent', AGENT],
  ])('refused to %s: FORBIDDEN, nothing written', async (_who, userId) => {
    const id = await newVisit();
    const before = await snapshot();
    const r = await api.call(userId, 'booking', 'revealVisitPhone', { visitId: id });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(r)).not.toContain(PHONE);
    expect(await snapshot()).toEqual(before);
  });

  test('refused without a caller: UNAUTHENTICATED, nothing written', async () => {
    const id = await newVisit();
    const before = await snapshot();
    expect(await api.call(null, 'booking', 'revealVisitPhone', { visitId: id })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await snapshot()).toEqual(before);
  });

  test('a declined request: CONFLICT with the reason, nothing written', async () => {
    const id = await newVisit();
    await api.ok(STAFF_MZ, 'booking', 'declineVisit', { visitId: id, reason: '本周人手不足,请预约到窗口办理' });
    const before = await snapshot();
    const r = await api.call(STAFF_MZ, 'booking', 'revealVisitPhone', { visitId: id });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } });
    expect(await snapshot()).toEqual(before);
  });

  test('an unknown request or bad input: a courteous error, nothing written', async () => {
    await newVisit();
    const before = await snapshot();
    expect(await api.call(STAFF_MZ, 'booking', 'revealVisitPhone', { visitId: 'visit-nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await api.call(STAFF_MZ, 'booking', 'revealVisitPhone', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await snapshot()).toEqual(before);
  });
});

describe('over HTTP (the local host)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t.close();
  });

  test('the board body never carries the whole number; reveal does, for the window staff only', async () => {
    const villager = await t.login(VILLAGER);
    const created = await t.call('booking', { action: 'requestVisit', input: request }, villager);
    expect(created.status).toBe(200);
    const visitId = (created.body.data as { visit: { id: string } }).visit.id;

    for (const who of [STAFF_MZ, OFFICE]) {
      const board = await t.call('booking', { action: 'visitBoard', input: {} }, await t.login(who));
      expect(board.status).toBe(200);
      expect(JSON.stringify(board.body)).not.toContain(PHONE);
      expect(JSON.stringify(board.body)).toContain(MASKED);
    }

    const staff = await t.login(STAFF_MZ);
    const shown = await t.call('booking', { action: 'revealVisitPhone', input: { visitId } }, staff);
    expect(shown).toMatchObject({ status: 200, body: { ok: true, data: { phone: PHONE } } });
    const refused = await t.call('booking', { action: 'revealVisitPhone', input: { visitId } }, await t.login(STAFF_RS));
    expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } });
    const audits = await t.store.find('audit', { where: { action: 'visit.reveal_phone', recordId: visitId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorId).toBe(STAFF_MZ);
  });
});
