/**
 * Who rated (R-RATE-1..2, confidentiality), proved over HTTP: every action of the `ratings`
 * function, called by every role, with inputs naming the real ratings, items and appeal. A clerk
 * sees the rating of his matter and the comment, and of who rated only the masked name: no
 * response to staff — the clerk rated above all — carries a rater's name, phone, user id or
 * resident id. The rater's phone (for the callback) goes only to the office and the window head;
 * an agent sees the name of the resident it rated for. The clerk's stored notices carry none of it.
 */
import { registry } from '../../shared/contracts';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { startTestHost, type TestHost } from '../helpers/host';

const u = (key: string) => demoUserId('c-baisha', key);
const ROLES = {
  public: null,
  villager: u('villager'), // 王秀英 rates V
  agent: u('agent'), // 李建国 rates G for 张桂英
  clerk: u('staff-mz'), // 陈丽: the clerk rated (handler of V and G)
  head: u('staff-zh'), // 何静: B of the 民政 post, heads 陈丽's bad reviews
  otherStaff: u('staff-rs'),
  office: u('office'),
  leader: u('leader'),
  admin: u('admin'),
  pad: u('pad'),
  otherOffice: demoUserId('c-liutang', 'office'),
} as const;
type RoleKey = keyof typeof ROLES;

const NAMES = { V: '王秀英', G: '张桂英' } as const;
const PHONES = { V: '13957100001', G: '13957100002' } as const;
const IDS = [ROLES.villager, ROLES.agent, 'res-baisha-wangxy', 'res-baisha-zhanggy'];

let t: TestHost;
const tokens = new Map<RoleKey, string | undefined>();
const ids = { V: '', G: '' };

async function as(role: RoleKey, fn: string, action: string, input: unknown): Promise<{ ok: boolean; data: unknown; text: string }> {
  const r = await t.call(fn, { action, input }, tokens.get(role));
  return { ok: r.body.ok === true, data: r.body.data, text: JSON.stringify(r.body) };
}
async function must<T>(role: RoleKey, fn: string, action: string, input: unknown): Promise<T> {
  const r = await as(role, fn, action, input);
  if (!r.ok) throw new Error(`${role} ${fn}.${action}: ${r.text}`);
  return r.data as T;
}

beforeAll(async () => {
  t = await startTestHost({ now: '2026-09-30T10:00:00+08:00' });
  for (const [k, id] of Object.entries(ROLES) as Array<[RoleKey, string | null]>) tokens.set(k, id ? await t.login(id) : undefined);
  const finished = async (applicantName: string, residentId: string, agentId?: string) => {
    const c = await must<{ case: { id: string } }>('clerk', 'cases', 'registerWalkIn', { itemId: 'item-baisha-mz-001', applicantName, residentId, ...(agentId ? { agentId } : {}) });
    await must('clerk', 'cases', 'doneOnSpot', { caseId: c.case.id, result: '当场办结' });
    return c.case.id;
  };
  ids.V = await finished(NAMES.V, 'res-baisha-wangxy');
  ids.G = await finished(NAMES.G, 'res-baisha-zhanggy', ROLES.agent);
  await must('villager', 'ratings', 'rate', { caseId: ids.V, level: 'very_unsatisfied', comment: '态度生硬' });
  await must('agent', 'ratings', 'rate', { caseId: ids.G, level: 'unsatisfied', comment: '等太久' });
  await must('clerk', 'ratings', 'appeal', { ratingId: `rating:${ids.V}`, reasons: '评价人当日情绪激动,办理过程有监控可查' });
});
afterAll(async () => {
  await t.close();
});

/** Inputs naming the real records, for each action (the rest get {}). */
function inputsFor(action: string): unknown[] {
  const rect = (k: 'V' | 'G') => `rect:rating:${ids[k]}`;
  switch (action) {
    case 'rate':
    case 'padRate':
      return [{ caseId: ids.V, level: 'satisfied' }, { caseId: ids.G, level: 'satisfied' }];
    case 'verify':
      return [{ rectificationId: rect('V'), text: '经核实情况属实' }, { rectificationId: rect('G'), text: '经核实情况属实' }];
    case 'rectify':
      return [{ rectificationId: rect('G'), measures: '加强解释说明' }];
    case 'callback':
      return [{ rectificationId: rect('G'), result: 'satisfied', note: '电话回访满意' }];
    case 'close':
      return [{ rectificationId: rect('G') }];
    case 'appeal':
      return [{ ratingId: `rating:${ids.G}`, reasons: '评价人当日情绪激动,办理过程有监控可查' }];
    case 'decideAppeal':
      return [{ appealId: `appeal:rating:${ids.V}`, outcome: 'rejected', reasons: '经核查评价属实' }];
    case 'rectifications':
      return [{ open: false }];
    default:
      return [{}];
  }
}

/** What a role may see of the raters (see the header). */
const mayName = (role: RoleKey, k: 'V' | 'G') => (k === 'G' && role === 'agent');
const mayPhone = (role: RoleKey) => role === 'office' || role === 'head';

const ACTIONS = Object.keys(registry.ratings);
const ORDER: RoleKey[] = ['public', 'villager', 'agent', 'clerk', 'otherStaff', 'pad', 'leader', 'admin', 'otherOffice', 'head', 'office'];

test.each(ACTIONS)('ratings.%s: no response shows who rated beyond the masked name, to anyone not entitled', async (action) => {
  const leaks: string[] = [];
  for (const role of ORDER) {
    for (const input of inputsFor(action)) {
      const { text } = await as(role, 'ratings', action, input);
      for (const k of ['V', 'G'] as const) {
        if (text.includes(NAMES[k]) && !mayName(role, k)) leaks.push(`${role}: name of ${k}`);
        if (text.includes(PHONES[k]) && !mayPhone(role)) leaks.push(`${role}: phone of ${k}`);
      }
      for (const id of IDS) if (text.includes(id)) leaks.push(`${role}: ${id}`);
    }
  }
  expect(leaks).toEqual([]);
});

test('the clerk rated sees his ratings with the comment and the masked names, and no phone even after the office acts', async () => {
  const seen = await as('clerk', 'ratings', 'received', {});
  expect(seen.text).toContain('态度生硬');
  expect(seen.text).toContain('王*英');
  expect(seen.text).toContain('张*英');
  const head = await must<{ items: Array<{ contactPhone: string | null }> }>('head', 'ratings', 'rectifications', { open: false });
  expect(head.items.map((i) => i.contactPhone).sort()).toEqual([PHONES.V, PHONES.G].sort());
  const notices = await t.store.find('notices', { where: { userId: ROLES.clerk } });
  const text = JSON.stringify(notices);
  for (const s of [...Object.values(NAMES), ...Object.values(PHONES), ...IDS]) expect(text).not.toContain(s);
});
