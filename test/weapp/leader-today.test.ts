/**
 * The leader's home (issue 11; R-DUTY-2): what client/src/duty/today/summary.ts says
 * about the day — on duty or not and the record, each window's bookings, the open escalations.
 * Fixed data only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appPages, ROOT } from '../helpers/app-pages';

// Loaded with `require`, as people.test.ts does: the root type-check does not compile the client.
interface DutyToday {
  date: string;
  workingDay: boolean;
  published: boolean;
  leaders: Array<{ id: string; name: string }>;
}
interface DutyRecord {
  date: string;
  leaderId: string;
  presentAt: string;
  receptions: unknown[];
}
interface WindowCount {
  windowId: string;
  windowName: string;
  booked: number;
  arrived: number;
  cancelled: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const summary = require('../../client/src/duty/today/summary') as {
  dutyLine(today: DutyToday, userId: string, records: DutyRecord[] | null): { onDuty: boolean; text: string; toRecord: boolean };
  windowLine(w: WindowCount): string;
  openMajorComplaints<T extends { klass: string; state: string }>(list: T[]): T[];
  openAlertPetitions<T extends { collective: boolean; urgent: boolean; state: string }>(list: T[]): T[];
};

const DAY: DutyToday = { date: '2026-11-30', workingDay: true, published: true, leaders: [{ id: 'lead-1', name: '刘志强' }] };

test('the leader on duty is told whether they have recorded their presence, and when', () => {
  expect(summary.dutyLine(DAY, 'lead-1', [])).toEqual({ onDuty: true, text: '您今天带班,尚未登记到岗。', toRecord: true });
  // 00:40 UTC is 08:40 in the township; yesterday's record does not count.
  const records: DutyRecord[] = [
    { date: '2026-11-27', leaderId: 'lead-1', presentAt: '2026-11-27T00:30:00.000Z', receptions: [] },
    { date: '2026-11-30', leaderId: 'lead-1', presentAt: '2026-11-30T00:40:00.000Z', receptions: [{}, {}] },
  ];
  expect(summary.dutyLine(DAY, 'lead-1', records)).toEqual({ onDuty: true, text: '您今天带班,已于08:40登记到岗,接访2人。', toRecord: false });
});

test('another leader reads who is on duty; a day off and an unpublished day say so', () => {
  expect(summary.dutyLine(DAY, 'lead-2', null).text).toBe('今日带班领导:刘志强。您今天不带班。');
  expect(summary.dutyLine({ ...DAY, leaders: [] }, 'lead-2', null).text).toBe('今日带班安排暂未公示。您今天不带班。');
  expect(summary.dutyLine({ ...DAY, workingDay: false, leaders: [] }, 'lead-2', null)).toEqual({ onDuty: false, text: '今天休息,无带班安排。您今天不带班。', toRecord: false });
});

test("a window's day in words; cancellations only when there are any", () => {
  const w = { windowId: 'w', windowName: '民政窗口' };
  expect(summary.windowLine({ ...w, booked: 0, arrived: 0, cancelled: 0 })).toBe('今日无预约');
  expect(summary.windowLine({ ...w, booked: 3, arrived: 2, cancelled: 0 })).toBe('待到3人 · 已到2人');
  expect(summary.windowLine({ ...w, booked: 0, arrived: 0, cancelled: 1 })).toBe('待到0人 · 已到0人 · 取消1人');
});

test('open escalations: major complaints not yet answered, collective or urgent petitions not yet answered', () => {
  const complaints = [
    { id: 'a', klass: 'major', state: 'investigating' },
    { id: 'b', klass: 'major', state: 'replied' },
    { id: 'c', klass: 'general', state: 'received' },
    { id: 'd', klass: 'major', state: 'received' },
  ];
  expect(summary.openMajorComplaints(complaints).map((c) => c.id)).toEqual(['a', 'd']);
  const petitions = [
    { id: 'p1', collective: true, urgent: false, state: 'assigned' },
    { id: 'p2', collective: false, urgent: true, state: 'closed' },
    { id: 'p3', collective: false, urgent: false, state: 'registered' },
    { id: 'p4', collective: false, urgent: true, state: 'received_by_leader' },
    { id: 'p5', collective: true, urgent: true, state: 'replied' },
  ];
  expect(summary.openAlertPetitions(petitions).map((p) => p.id)).toEqual(['p1', 'p4']);
});

test("the leader's home leads to 今日概况 (home and links) and every page 今日概况 opens is declared", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { roleLinks } = require('../../client/src/services/role-links') as { roleLinks(role: string): Array<{ url: string }> };
  expect(roleLinks('leader').map((l) => l.url)).toContain('/duty/today/index');
  expect(roleLinks('villager').map((l) => l.url)).not.toContain('/duty/today/index');
  const pages = appPages();
  const opened = new Set<string>();
  for (const f of ['client/src/duty/today/leader-today.tsx', 'client/src/duty/today/index.tsx']) {
    const src = fs.readFileSync(path.join(ROOT, f), 'utf8');
    for (const m of src.matchAll(/url(?:: |=\{)`?'?(\/[a-z-]+\/[a-z-]+\/index)/g)) opened.add(m[1] ?? '');
  }
  expect([...opened].sort()).toEqual(['/duty/record/index', '/office/complaint/index', '/petition/detail/index', '/staff/case/index']);
  // The leader's home leads there first.
  expect(fs.readFileSync(path.join(ROOT, 'client/src/pages/index/index.tsx'), 'utf8')).toContain("url: '/duty/today/index'");
  opened.add('/duty/today/index');
  for (const u of opened) expect(pages).toContain(u);
});
