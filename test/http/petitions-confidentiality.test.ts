/**
 * Confidentiality of petitioners (R-PET-1), proved over HTTP: every action of the `petitions`
 * function, called by every role, shows the petitioner's personal data only to the center's
 * office, its leaders and the person the petition is assigned to — never to the window that
 * registered it, the unit's other staff, other staff, villagers, the public or another
 * center — and no audit entry, step, notice or push carries it.
 */
import { registry } from '../../shared/contracts';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { windowId } from '../../cloudfunctions/core/seed/organisation';
import { startTestHost, type TestHost } from '../helpers/host';
import { roleCalls } from '../helpers/role-calls';

const u = (key: string) => demoUserId('c-baisha', key);
const ROLES = {
  public: null,
  villager: u('villager'),
  agent: u('agent'),
  registrar: u('staff-zh'), // 何静 registers V and G
  assignee: u('staff-rs'), // 杨帆: V is assigned to him, later G
  unitStaff: u('staff-wj'), // 吴婷: B post of the unit V goes to, not assigned
  otherStaff: u('staff-cl'),
  office: u('office'),
  leader: u('leader'),
  admin: u('admin'),
  otherOffice: demoUserId('c-liutang', 'office'),
} as const;
type RoleKey = keyof typeof ROLES;
const ROLE_KEYS = Object.keys(ROLES) as RoleKey[];

const FACTS = { form: 'visit', gender: 'male', age: 58, occupation: '农民', mainIssue: '村道修缮款迟迟未到位,雨天无法通行。' };
const MARKERS = { V: ['赵铁柱', '石桥村3组12号'], G: ['钱秀梅', '柳树村2组8号'], R: ['孙立新', '河东村5组1号'] } as const;
type Key = keyof typeof MARKERS;
const revealed = (text: string): Key[] => (Object.keys(MARKERS) as Key[]).filter((k) => MARKERS[k].some((m) => text.includes(m)));

let t: TestHost;
const tokens = new Map<RoleKey, string | undefined>();
const ids = {} as Record<'V' | 'G', string>;
/** Who is assigned each petition now (it changes during the steps). */
const assigned: Record<'V' | 'G', RoleKey | null> = { V: 'assignee', G: null };

function mayKnow(role: RoleKey, k: Key): boolean {
  if (role === 'office' || role === 'leader') return true;
  // R is registered by each caller in turn: the other center's office sees its own.
  if (k === 'R') return role === 'otherOffice';
  return assigned[k] === role;
}

const { as, must: mustAs } = roleCalls<RoleKey>(() => t, 'petitions', tokens);
const must = (role: RoleKey, action: string, input: unknown) => mustAs<{ petition: { id: string } }>(role, action, input);

beforeAll(async () => {
  t = await startTestHost();
  for (const [k, id] of Object.entries(ROLES) as Array<[RoleKey, string | null]>) tokens.set(k, id ? await t.login(id) : undefined);
  ids.V = (await must('registrar', 'register', { ...FACTS, name: '赵铁柱', addressOrUnit: '石桥村3组12号' })).petition.id;
  ids.G = (await must('registrar', 'register', { ...FACTS, name: '钱秀梅', addressOrUnit: '柳树村2组8号', headcount: 8, unitId: windowId('c-baisha', 'MZ') })).petition.id;
  await must('office', 'assign', { petitionId: ids.V, unitId: windowId('c-baisha', 'RS'), assigneeId: ROLES.assignee });
});
afterAll(async () => {
  await t.close();
});

test('every action of the petitions function is covered here', () => {
  const covered = ['register', 'list', 'get', 'assign', 'reply', 'leaderReception', 'close', 'document', 'settings', 'saveSettings'];
  expect(Object.keys(registry.petitions).sort()).toEqual([...covered].sort());
});

describe.each(ROLE_KEYS)('as %s', (role) => {
  test.each(['V', 'G'] as const)('get, list and both documents of %s', async (k) => {
    for (const [action, input] of [
      ['get', { petitionId: ids[k] }],
      ['list', {}],
      ['document', { petitionId: ids[k], kind: 'notice' }],
      ['document', { petitionId: ids[k], kind: 'assignment' }],
      ['settings', {}],
    ] as const) {
      const r = await as(role, action, input);
      const shown = revealed(r.text).filter((m) => m === k);
      expect({ action, shown }).toEqual({ action, shown: r.ok && mayKnow(role, k) && action !== 'settings' && !(action === 'document' && input.kind === 'assignment' && k === 'G') ? [k] : [] });
    }
  });
});

test('the unit’s other staff open V without its petitioner; other staff and another center cannot open it', async () => {
  const r = await as('unitStaff', 'get', { petitionId: ids.V });
  expect(r.ok).toBe(true);
  expect((r.data as { petition: { petitioner: unknown } }).petition.petitioner).toBeNull();
  expect((await as('otherStaff', 'get', { petitionId: ids.V })).status).toBe(403);
  expect((await as('registrar', 'get', { petitionId: ids.V })).status).toBe(403);
  expect((await as('otherOffice', 'get', { petitionId: ids.V })).status).toBe(404);
});

describe('each changing action, called by every role in turn: its response shows the petitioner only to those allowed', () => {
  const steps: Array<[string, Key, () => Record<string, unknown>, RoleKey | null]> = [
    ['register', 'R', () => ({ ...FACTS, name: '孙立新', addressOrUnit: '河东村5组1号' }), null],
    ['assign', 'G', () => ({ petitionId: ids.G, unitId: windowId('c-baisha', 'RS'), assigneeId: ROLES.assignee }), 'assignee'],
    ['leaderReception', 'V', () => ({ petitionId: ids.V, summary: '听取了意见,答应协调修缮款。' }), null],
    ['reply', 'V', () => ({ petitionId: ids.V, mode: 'written', summary: '修缮款已拨付,下周开工。' }), null],
    ['close', 'V', () => ({ petitionId: ids.V }), null],
    ['saveSettings', 'V', () => ({ dayCount: 'calendar' }), null],
  ];
  test.each(steps.map((s, i) => [i + 1, ...s] as const))('step %d: %s on %s', async (_i, action, k, input, nowAssigned) => {
    let succeeded = 0;
    for (const role of ROLE_KEYS) {
      const r = await as(role, action, input());
      if (r.ok) {
        succeeded += 1;
        if (nowAssigned && k !== 'R') assigned[k] = nowAssigned;
      }
      const allowed = r.ok && action !== 'saveSettings' && mayKnow(role, k);
      expect({ role, shown: revealed(r.text) }).toEqual({ role, shown: allowed ? [k] : [] });
    }
    // Registering: every window, the office and the leaders of both centers; any other change: exactly one caller.
    expect(succeeded).toBe(action === 'register' ? ['registrar', 'assignee', 'unitStaff', 'otherStaff', 'office', 'leader', 'otherOffice'].length : 1);
  });
});

test('no audit entry, step, notice or push of a petition carries a petitioner’s personal data', async () => {
  const audit = await t.store.find('audit', { where: { collection: 'petitions' } });
  const notices = await t.store.find('notices', { where: { kind: 'petition' } });
  expect(audit.length).toBeGreaterThan(0);
  expect(notices.length).toBeGreaterThan(0);
  const written = [audit, notices, await t.store.find('petitionSteps', {}), await t.store.find('outbox', { where: { kind: 'petition' } })];
  expect(revealed(JSON.stringify(written))).toEqual([]);
});
