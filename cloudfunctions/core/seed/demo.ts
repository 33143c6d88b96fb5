/**
 * Demo data for local runs and tests: one county with two township centers, so that
 * multi-center scoping is real. Each seeded item goes through the same schema and rules as an
 * admin's edit (R-CAT-1..3), so the demo can never show an incomplete guide.
 */
import type { ServiceItem } from '../../../shared/domain/catalog';
import type { Role } from '../../../shared/domain/roles';
import type { Center, District, ServiceWindow, User, Village } from '../../../shared/domain/org';
import { idCheckDigit } from '../../../shared/domain/personal-data';
import type { Authorization, AuthMethod, Resident } from '../../../shared/domain/residents';
import type { Duty, Post } from '../../../shared/domain/posts';
import { dutyId, monthOf, monthWorkingDays, nextMonth, rosterId, type Roster } from '../../../shared/domain/duty';
import { WorkCalendar } from '../../../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../../../shared/domain/official-calendar';
import { addDays, shanghaiDate } from '../../../shared/domain/time';
import type { Clock } from '../clock';
import type { Store } from '../store/port';
import { codeKey } from '../usecases/catalog';
import { SEED_WINDOWS } from './catalog-items';
import { centerKit, shortId, windowId } from './organisation';

export const SEED_VERSION = '1';

export const DEMO_DISTRICT: District = { id: 'd-qingxi', name: '青溪县' };

interface CenterSeed {
  center: Center;
  villages: string[];
  /** A/B posts per window code: [A user key, B user key] (R-CASE-6). */
  posts: Array<[window: string, a: string, b: string]>;
  users: Array<{ key: string; role: Role; name: string; window?: string; village?: number }>;
}

const CENTERS: CenterSeed[] = [
  {
    center: {
      id: 'c-baisha',
      districtId: DEMO_DISTRICT.id,
      name: '白沙镇便民服务中心',
      address: '青溪县白沙镇振兴路18号(镇政府一楼)',
      phone: '0571-6521 3800',
      complaintPhone: '0571-6521 3899',
      opensAt: '09:00',
      closesAt: '17:00',
    },
    villages: ['白沙村', '石桥村', '上林村', '溪口村'],
    posts: [
      ['MZ', 'staff-mz', 'staff-zh'],
      ['RS', 'staff-rs', 'staff-wj'],
      ['WJ', 'staff-wj', 'staff-rs'],
      ['CL', 'staff-cl', 'staff-mz'],
      ['ZH', 'staff-zh', 'staff-cl'],
    ],
    users: [
      { key: 'villager', role: 'villager', name: '王秀英', village: 1 },
      { key: 'agent', role: 'agent', name: '李建国', village: 1 },
      { key: 'staff-mz', role: 'staff', name: '陈丽', window: 'MZ' },
      { key: 'staff-rs', role: 'staff', name: '杨帆', window: 'RS' },
      { key: 'staff-wj', role: 'staff', name: '吴婷', window: 'WJ' },
      { key: 'staff-cl', role: 'staff', name: '孙浩', window: 'CL' },
      { key: 'staff-zh', role: 'staff', name: '何静', window: 'ZH' },
      { key: 'office', role: 'office', name: '周敏' },
      { key: 'leader', role: 'leader', name: '刘志强' },
      { key: 'leader2', role: 'leader', name: '王建华' },
      { key: 'admin', role: 'admin', name: '赵磊' },
      // The rating pad (评价器) left at the 民政 window (R-RATE-1).
      { key: 'pad', role: 'pad', name: '民政窗口评价器', window: 'MZ' },
    ],
  },
  {
    center: {
      id: 'c-liutang',
      districtId: DEMO_DISTRICT.id,
      name: '柳塘乡便民服务中心',
      address: '青溪县柳塘乡柳塘街6号',
      phone: '0571-6530 1200',
      complaintPhone: '0571-6530 1299',
      opensAt: '09:00',
      closesAt: '17:00',
    },
    villages: ['柳塘村', '荷花村', '青山村'],
    posts: [
      ['MZ', 'staff-mz', 'staff-zh'],
      ['ZH', 'staff-zh', 'staff-mz'],
    ],
    users: [
      { key: 'villager', role: 'villager', name: '黄德明', village: 0 },
      { key: 'agent', role: 'agent', name: '郑春梅', village: 2 },
      { key: 'staff-mz', role: 'staff', name: '林峰', window: 'MZ' },
      { key: 'staff-zh', role: 'staff', name: '邓敏', window: 'ZH' },
      { key: 'office', role: 'office', name: '许娜' },
      { key: 'leader', role: 'leader', name: '马国平' },
      { key: 'admin', role: 'admin', name: '冯晓' },
    ],
  },
];

export { windowId };
export const demoUserId = (centerId: string, key: string) => `u-${shortId(centerId)}-${key}`;

export interface DemoData {
  districts: District[];
  centers: Center[];
  villages: Village[];
  windows: ServiceWindow[];
  items: ServiceItem[];
  users: User[];
  residents: Resident[];
  authorizations: Authorization[];
  posts: Post[];
  duty: Duty[];
  rosters: Roster[];
}

/** A valid GB 11643 number for a demo resident (region 330127, the given birth date). */
const demoIdNumber = (birth: string, seq: string) => {
  const first17 = `330127${birth.replace(/-/g, '')}${seq}`;
  return `${first17}${idCheckDigit(first17)}`;
};

/**
 * Residents of 石桥村 (白沙镇) and their authorisations of the village agent 李建国: one for each
 * state an agent meets — active (paper form, in app), expired, revoked — and one resident of
 * another village, whom the agent may not act for.
 */
const DEMO_RESIDENTS: Array<{
  key: string;
  name: string;
  village: number;
  phone: string;
  birth: string;
  user?: string;
  auth: { method: AuthMethod; from: number; to: number; revoked?: boolean };
}> = [
  { key: 'wangxy', name: '王秀英', village: 1, phone: '13957100001', birth: '1956-04-12', user: 'villager', auth: { method: 'in_app', from: -30, to: 335 } },
  { key: 'zhanggy', name: '张桂英', village: 1, phone: '13957100002', birth: '1941-09-03', auth: { method: 'paper', from: -60, to: 305 } },
  { key: 'liufs', name: '刘福生', village: 1, phone: '13957100003', birth: '1948-01-20', auth: { method: 'paper', from: -400, to: -35 } },
  { key: 'chenxl', name: '陈秀兰', village: 1, phone: '13957100004', birth: '1952-07-08', auth: { method: 'in_person', from: -90, to: 275, revoked: true } },
  { key: 'zhaods', name: '赵大山', village: 2, phone: '13957100005', birth: '1950-11-30', auth: { method: 'paper', from: -10, to: 355 } },
];

export function buildDemoData(at: string): DemoData {
  const data: DemoData = { districts: [DEMO_DISTRICT], centers: [], villages: [], windows: [], items: [], users: [], residents: [], authorizations: [], posts: [], duty: [], rosters: [] };
  const today = shanghaiDate(new Date(at));
  for (const seed of CENTERS) {
    const c = seed.center;
    data.centers.push(c);
    const kit = centerKit(c, seed.villages, at);
    const villages = kit.villages;
    data.villages.push(...kit.villages);
    data.windows.push(...kit.windows);
    data.items.push(...kit.items);
    for (const u of seed.users) {
      const user: User = { id: demoUserId(c.id, u.key), centerId: c.id, role: u.role, name: u.name };
      if (u.window) user.windowId = windowId(c.id, u.window);
      if (u.village !== undefined) user.villageId = villages[u.village]?.id;
      data.users.push(user);
    }
    for (const [code, a, b] of seed.posts) {
      data.posts.push({ id: `post-${shortId(c.id)}-${code.toLowerCase()}`, centerId: c.id, windowId: windowId(c.id, code), name: `${SEED_WINDOWS.find((w) => w.code === code)?.name ?? code}岗`, aId: demoUserId(c.id, a), bId: demoUserId(c.id, b) });
    }
    // The leaders' duty rosters of this month and the next two, published by the admin, the
    // leaders taking turns by working day (R-DUTY-1): at least 42 working days from today.
    const leaders = seed.users.filter((u) => u.role === 'leader').map((u) => demoUserId(c.id, u.key));
    const cal = new WorkCalendar(OFFICIAL_SCHEDULE);
    let turn = 0;
    for (let month = monthOf(today), n = 0; n < 3; month = nextMonth(month), n += 1) {
      const entries = monthWorkingDays(month, cal).map((date) => ({ date, leaderIds: [leaders[turn++ % leaders.length] ?? ''] }));
      for (const e of entries) data.duty.push({ id: dutyId(c.id, e.date), centerId: c.id, date: e.date, leaderIds: e.leaderIds });
      const admin = demoUserId(c.id, 'admin');
      data.rosters.push({ id: rosterId(c.id, month), centerId: c.id, month, status: 'published', entries, updatedAt: at, updatedBy: admin, publishedAt: at, publishedBy: admin });
    }
    if (c.id !== 'c-baisha') continue;
    const agentId = demoUserId(c.id, 'agent');
    DEMO_RESIDENTS.forEach((r, i) => {
      const resident: Resident = {
        id: `res-${shortId(c.id)}-${r.key}`,
        centerId: c.id,
        villageId: villages[r.village]?.id ?? '',
        name: r.name,
        phone: r.phone,
        idNumber: demoIdNumber(r.birth, `${i + 1}`.padStart(3, '0')),
        createdBy: agentId,
        createdAt: at,
      };
      if (r.user) resident.userId = demoUserId(c.id, r.user);
      data.residents.push(resident);
      const auth: Authorization = {
        id: `auth-${shortId(c.id)}-${r.key}`,
        centerId: c.id,
        residentId: resident.id,
        agentId,
        method: r.auth.method,
        givenOn: addDays(today, r.auth.from),
        validUntil: addDays(today, r.auth.to),
        createdAt: at,
      };
      if (r.auth.method === 'in_app') auth.confirmedAt = at;
      if (r.auth.revoked) {
        auth.revokedAt = at;
        auth.revokedBy = resident.userId ?? agentId;
      }
      data.authorizations.push(auth);
    });
  }
  return data;
}

/** Seeds an empty store once; a store that has the seed marker is left alone. */
export async function seedDemoData(store: Store, clock: Clock): Promise<boolean> {
  if (await store.get('meta', 'seed-version')) return false;
  const data = buildDemoData(clock.now().toISOString());
  await store.transaction(async (tx) => {
    for (const d of data.districts) await tx.put('districts', d);
    for (const c of data.centers) await tx.put('centers', c);
    for (const v of data.villages) await tx.put('villages', v);
    for (const w of data.windows) await tx.put('windows', w);
    for (const i of data.items) {
      await tx.put('items', i);
      await tx.put('meta', { id: codeKey(i.centerId, i.code), value: i.id });
    }
    for (const u of data.users) await tx.put('users', u);
    for (const r of data.residents) await tx.put('residents', r);
    for (const a of data.authorizations) await tx.put('authorizations', a);
    for (const p of data.posts) await tx.put('posts', p);
    for (const d of data.duty) await tx.put('duty', d);
    for (const r of data.rosters) await tx.put('rosters', r);
    await tx.put('meta', { id: 'seed-version', value: SEED_VERSION });
  });
  return true;
}
