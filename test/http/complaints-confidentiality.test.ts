/**
 * Confidentiality of complainants (R-CMP-5), proved over HTTP: every action of the
 * `complaints` function that returns a complaint, called by every role — plus the clerk
 * complained about, who also handles another complaint — shows who complained and how to reach
 * them only to the office, the assigned handler, the center's leaders and the complainant;
 * an anonymous complaint shows it to nobody. The clerk's inbox and outbox never carry it, nor
 * does any audit entry of a complaint.
 */
import { registry } from '../../shared/contracts';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { startTestHost, type TestHost } from '../helpers/host';

const u = (key: string) => demoUserId('c-baisha', key);
const ROLES = {
  public: null,
  villager: u('villager'), // 王秀英, files N and the anonymous A
  agent: u('agent'), // 李建国, files H for himself
  clerk: u('staff-mz'), // 陈丽: complained about in N, A and P; handler of H
  head: u('staff-rs'), // 杨帆: handler of N, A and P; complained about in H
  receiver: u('staff-zh'), // 何静 registers the phone complaint P
  otherStaff: u('staff-wj'),
  office: u('office'),
  leader: u('leader'),
  admin: u('admin'),
  otherOffice: demoUserId('c-liutang', 'office'),
} as const;
type RoleKey = keyof typeof ROLES;

const MARKERS = {
  N: ['王秀英', '13957100088', ROLES.villager],
  P: ['赵大爷', '13957100001'],
  H: ['李建国', '13957100066', ROLES.agent],
  A: ['王秀英', ROLES.villager],
} as const;
type Key = keyof typeof MARKERS;
const HANDLER: Record<Key, RoleKey> = { N: 'head', P: 'head', A: 'head', H: 'clerk' };
const COMPLAINANT: Record<Key, RoleKey | null> = { N: 'villager', P: null, H: 'agent', A: null };

/** R-CMP-5: who may see who complained. */
function mayKnow(role: RoleKey, k: Key): boolean {
  if (k === 'A') return false;
  return role === 'office' || role === 'leader' || role === HANDLER[k] || role === COMPLAINANT[k];
}

let t: TestHost;
const tokens = new Map<RoleKey, string | undefined>();
const ids = {} as Record<Key, string>;
let anonymous = { number: '', secret: '' };

async function as<T = Record<string, unknown>>(role: RoleKey, action: string, input: unknown): Promise<{ status: number; ok: boolean; data: T; text: string }> {
  const r = await t.call('complaints', { action, input }, tokens.get(role));
  return { status: r.status, ok: r.body.ok === true, data: r.body.data as T, text: JSON.stringify(r.body) };
}
async function must<T = { complaint: { id: string } }>(role: RoleKey, action: string, input: unknown): Promise<T> {
  const r = await as<T>(role, action, input);
  if (!r.ok) throw new Error(`${role} complaints.${action}: ${r.text}`);
  return r.data;
}

/** Which complaints' identities a response shows. */
const revealed = (text: string): Key[] => (Object.keys(MARKERS) as Key[]).filter((k) => k !== 'A' && MARKERS[k].some((m) => text.includes(m)));

beforeAll(async () => {
  t = await startTestHost();
  for (const [k, id] of Object.entries(ROLES) as Array<[RoleKey, string | null]>) tokens.set(k, id ? await t.login(id) : undefined);
  const aboutClerk = { subjectKind: 'staff', staffId: ROLES.clerk, facts: '办理低保时工作人员态度生硬。', wants: '希望改进服务态度' };
  ids.N = (await must('villager', 'file', { ...aboutClerk, contact: '13957100088' })).complaint.id;
  const anon = await must<{ complaint: { id: string }; trackingNumber: string; secret: string }>('villager', 'file', { ...aboutClerk, anonymous: true });
  ids.A = anon.complaint.id;
  anonymous = { number: anon.trackingNumber, secret: anon.secret };
  ids.P = (await must('receiver', 'register', { channel: 'phone', subjectKind: 'staff', staffId: ROLES.clerk, facts: '电话反映窗口人员推诿。', wants: '一次办好', name: '赵大爷', contact: '13957100001' })).complaint.id;
  ids.H = (await must('agent', 'file', { subjectKind: 'staff', staffId: ROLES.head, facts: '代办时窗口要求重复提交材料。', wants: '一次性告知', contact: '13957100066' })).complaint.id;
  for (const k of Object.keys(ids) as Key[]) {
    await must('office', 'classify', { complaintId: ids[k], klass: 'general' });
    await must('office', 'assign', { complaintId: ids[k], handlerId: ROLES[HANDLER[k]] });
  }
});
afterAll(async () => {
  await t.close();
});

const ROLE_KEYS = Object.keys(ROLES) as RoleKey[];
const KEYS: Key[] = ['N', 'A', 'P', 'H'];

test('every action of the complaints function is covered here', () => {
  const covered = ['file', 'register', 'mine', 'track', 'queue', 'assigned', 'get', 'classify', 'assign', 'extend', 'close', 'reply', 'document', 'rate', 'requestReview', 'carriedOut', 'archive', 'flags', 'monthFigures'];
  expect(Object.keys(registry.complaints).sort()).toEqual([...covered].sort());
});

test('the anonymous complaint stores nobody, and no audit entry of a complaint names anyone', async () => {
  const a = await t.store.get('complaints', ids.A);
  expect(JSON.stringify(a)).not.toMatch(/王秀英|u-baisha-villager/);
  const audit = await t.store.find('audit', { where: { collection: 'complaints' } });
  expect(audit.length).toBeGreaterThan(0);
  for (const e of audit) expect(revealed(JSON.stringify({ before: e.before, after: e.after, actorId: e.actorId }))).toEqual([]);
});

describe.each(ROLE_KEYS)('as %s', (role) => {
  test.each(KEYS)('get %s', async (k) => {
    const r = await as(role, 'get', { complaintId: ids[k] });
    expect(revealed(r.text)).toEqual(mayKnow(role, k) ? [k] : []);
  });
  test('queue, assigned, mine, track, flags, monthFigures', async () => {
    for (const [action, input] of [
      ['queue', {}],
      ['assigned', {}],
      ['mine', {}],
      ['track', anonymous],
      ['flags', {}],
      ['monthFigures', { centerId: 'c-baisha', year: 2026 }],
    ] as const) {
      const r = await as(role, action, input);
      const allowed = KEYS.filter((k) => mayKnow(role, k));
      for (const k of revealed(r.text)) expect({ role, action, k, allowed: allowed.includes(k) }).toEqual({ role, action, k, allowed: true });
    }
  });
});

test('the office and leaders see all named complainants in the queue; the complainant in "mine"; the anonymous one by tracking number shows nobody', async () => {
  expect(revealed((await as('office', 'queue', {})).text).sort()).toEqual(['H', 'N', 'P']);
  expect(revealed((await as('leader', 'queue', {})).text).sort()).toEqual(['H', 'N', 'P']);
  expect(revealed((await as('villager', 'mine', {})).text)).toEqual(['N']);
  const tracked = await as('public', 'track', anonymous);
  expect(tracked.ok).toBe(true);
  expect(tracked.text).not.toMatch(/王秀英|u-baisha-villager/);
});

test('the clerk complained about, handling H: sees H’s complainant, never N’s, P’s or A’s, in any response, notice or push', async () => {
  expect(revealed((await as('clerk', 'get', { complaintId: ids.H })).text)).toEqual(['H']);
  for (const k of ['N', 'P', 'A'] as const) expect((await as('clerk', 'get', { complaintId: ids[k] })).status).toBe(403);
  const inbox = await t.call('inbox', { action: 'list', input: {} }, tokens.get('clerk'));
  expect(inbox.body.ok).toBe(true);
  expect(revealed(JSON.stringify(inbox.body)).filter((k) => k !== 'H')).toEqual([]);
  const outbox = await t.store.find('outbox', { where: { userId: ROLES.clerk } });
  expect(revealed(JSON.stringify(outbox)).filter((k) => k !== 'H')).toEqual([]);
});

describe('each changing action, called by every role in turn: its response shows the complainant only to those allowed', () => {
  const steps: Array<[string, Key, (k: Key) => Record<string, unknown>]> = [
    ['classify', 'N', (k) => ({ complaintId: ids[k], klass: 'complex' })],
    ['assign', 'P', (k) => ({ complaintId: ids[k], handlerId: ROLES.otherStaff })],
    ['assign', 'P', (k) => ({ complaintId: ids[k], handlerId: ROLES.head })],
    ['extend', 'N', (k) => ({ complaintId: ids[k], reason: '需调取监控核实', newDate: '2026-03-20' })],
    ['close', 'N', (k) => ({ complaintId: ids[k], substantiated: true, findings: '经查属实,态度生硬。', measure: '批评教育' })],
    ['reply', 'N', (k) => ({ complaintId: ids[k], text: '经核实属实,已批评教育,谢谢您的监督。' })],
    ['document', 'N', (k) => ({ complaintId: ids[k] })],
    ['rate', 'N', (k) => ({ complaintId: ids[k], satisfied: false })],
    ['requestReview', 'N', (k) => ({ complaintId: ids[k], reason: '希望当面道歉' })],
    ['close', 'N', (k) => ({ complaintId: ids[k], substantiated: true, findings: '复核维持,已当面致歉。', measure: '当面致歉' })],
    ['reply', 'N', (k) => ({ complaintId: ids[k], text: '复核后工作人员已当面致歉,谢谢。' })],
    ['carriedOut', 'N', (k) => ({ complaintId: ids[k], note: '已在中心例会上通报批评' })],
    ['archive', 'N', (k) => ({ complaintId: ids[k] })],
  ];
  test.each(steps.map((s, i) => [i + 1, ...s] as const))('step %d: %s on %s', async (_i, action, k, input) => {
    let succeeded = 0;
    for (const role of ROLE_KEYS) {
      const r = await as(role, action, input(k));
      if (action === 'document') {
        // The printed 答复书 names the complainant masked, and only for those who may know.
        expect({ role, shown: revealed(r.text), addressee: r.ok ? (r.data as { addressee: string }).addressee : null }).toEqual({
          role,
          shown: [],
          addressee: r.ok ? (mayKnow(role, k) ? '王*英' : '投诉人') : null,
        });
        if (r.ok) succeeded += 1;
        continue;
      }
      if (r.ok) succeeded += 1;
      // P's handler changes during its steps: who may know follows the complaint's handler now.
      const handler = r.ok && action === 'assign' ? (input(k).handlerId === ROLES.head ? 'head' : 'otherStaff') : null;
      const allowed = mayKnow(role, k) || (handler !== null && role === handler);
      expect({ role, shown: revealed(r.text) }).toEqual({ role, shown: allowed && r.ok ? [k] : [] });
    }
    // A change succeeds for exactly one caller (then the step has moved on); the 答复书 prints for every party.
    expect(succeeded).toBe(action === 'document' ? ROLE_KEYS.filter((r) => ['villager', 'head', 'office', 'leader'].includes(r)).length : 1);
  });
});
