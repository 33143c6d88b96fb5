/**
 * What the two measuring browser tests share (issue 11, R-UX-2): every page of the app, read from
 * client/src/app.config.ts (main package and every subpackage), each with the role that uses it
 * and query parameters taken from demo data made through the real actions — so a page added to
 * app.config.ts is measured without touching the tests. Opening a page is a fresh load of the app
 * at that page's address (no page stack left behind), signed in as the role, in the mode asked
 * for (the same preference the 长辈版 switch writes).
 */
import type { Page } from 'playwright-core';
import type { Role } from '../../shared/domain/roles';
import { appPages as declaredPages } from '../helpers/app-pages';
import type { TestHost } from '../helpers/host';
import { bookFirstFreeSlot, browserKit, START_TIMEOUT, WAIT, type BrowserKit } from './browser-kit';

/** Every page path of the app (no leading slash), main package first, as app.config.ts lists them. */
export function appPages(): string[] {
  return Array.from(declaredPages(), (p) => p.slice(1));
}

/** The demo users of 白沙镇 the pages are opened as (seeded; dev login through the role picker). */
export const USERS: Record<Role, string> = {
  villager: 'u-baisha-villager',
  agent: 'u-baisha-agent',
  staff: 'u-baisha-staff-rs',
  office: 'u-baisha-office',
  leader: 'u-baisha-leader',
  admin: 'u-baisha-admin',
  pad: 'u-baisha-pad',
};

/** Who opens a subpackage's pages (its root), and the pages another role uses. */
const ROOT_ROLE: Record<string, Role> = {
  pages: 'villager',
  agent: 'agent',
  staff: 'staff',
  office: 'office',
  admin: 'admin',
  report: 'office',
  account: 'villager',
  duty: 'villager',
  complaint: 'villager',
  rate: 'villager',
  pad: 'pad',
  review: 'office',
  open: 'villager',
  petition: 'office',
};
const PAGE_ROLES: Record<string, Role[]> = {
  // Every role has its own home and 我的.
  'pages/index/index': ['villager', 'agent', 'staff', 'office', 'leader', 'admin', 'pad'],
  'pages/me/index': ['villager', 'agent', 'staff', 'office', 'leader', 'admin', 'pad'],
  'pages/visit/index': ['villager', 'agent'],
  'report/thresholds/index': ['admin'],
  'account/setup/index': ['admin'],
  'duty/editor/index': ['admin'],
  'duty/record/index': ['leader'],
  'duty/today/index': ['leader'],
  'review/received/index': ['staff'],
  'open/compose/index': ['admin'],
  'open/prepub-new/index': ['admin'],
};

/** The roles a page is opened as. A page of a new subpackage is opened as a villager. */
export function rolesOf(page: string): Role[] {
  return PAGE_ROLES[page] ?? [ROOT_ROLE[page.split('/')[0]!] ?? 'villager'];
}

/** The villager's pages: the main package's (but the role picker) and the villager subpackages'. */
export function isVillagerPage(page: string): boolean {
  return rolesOf(page).includes('villager') && page !== 'pages/login/index';
}

export interface DemoIds {
  windowId: string;
  itemId: string;
  bookingId: string;
  caseId: string;
  complaintId: string;
  petitionId: string;
  residentId: string;
}

async function ok<T>(host: TestHost, token: string, fn: string, action: string, input: unknown, requestId?: string): Promise<T> {
  const r = await host.call(fn, { action, input, ...(requestId ? { requestId } : {}) }, token);
  if (r.status !== 200) throw new Error(`${fn}.${action}: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { data: T }).data;
}

/**
 * Demo records through the real actions, so the detail pages show something: 王秀英 books
 * 人社窗口 (the booking), 杨帆 checks her in and finishes it on the spot (the matter), she files a
 * complaint about the center, the office registers a petition.
 */
export async function makeDemo(host: TestHost): Promise<DemoIds> {
  const itemId = 'item-baisha-rs-002';
  const made = await bookFirstFreeSlot(host, { userId: USERS.villager, itemId, requestId: 'a11y-booking' });
  const clerk = await host.login(USERS.staff);
  const checkedIn = await ok<{ caseId: string }>(host, clerk, 'booking', 'checkIn', { bookingId: made.booking.id });
  await ok(host, clerk, 'cases', 'doneOnSpot', { caseId: checkedIn.caseId, result: '材料齐全,当场办结。' });
  const villager = await host.login(USERS.villager);
  // A second booking stays open: the booking page shows a live one.
  const open = await bookFirstFreeSlot(host, { userId: USERS.villager, itemId: 'item-baisha-mz-003', requestId: 'a11y-booking-2' });
  const filed = await ok<{ complaint: { id: string } }>(
    host,
    villager,
    'complaints',
    'file',
    { subjectKind: 'center', facts: '排队时间太长,没有人解释原因。', wants: '希望增加引导人员' },
    'a11y-complaint',
  );
  const office = await host.login(USERS.office);
  const petition = await ok<{ petition: { id: string } }>(
    host,
    office,
    'petitions',
    'register',
    { form: 'visit', name: '张三明', gender: 'male', age: 66, occupation: '农民', addressOrUnit: '白沙镇东村', mainIssue: '反映村道路灯损坏多日未修。' },
    'a11y-petition',
  );
  const agent = await host.login(USERS.agent);
  const residents = await ok<{ residents: Array<{ id: string }> }>(host, agent, 'residents', 'list', {});
  const home = await ok<{ windows: Array<{ id: string }> }>(host, villager, 'catalog', 'home', { centerId: 'c-baisha' });
  return {
    windowId: home.windows[0]!.id,
    itemId,
    bookingId: open.booking.id,
    caseId: checkedIn.caseId,
    complaintId: filed.complaint.id,
    petitionId: petition.petition.id,
    residentId: residents.residents[0]?.id ?? '',
  };
}

/** The query a page opens with, from the demo records (pages not listed need none). */
export function queryOf(page: string, ids: DemoIds): string {
  const q: Record<string, Record<string, string>> = {
    'pages/catalog/index': { windowId: ids.windowId },
    'pages/guide/index': { id: ids.itemId },
    'pages/book/index': { itemId: ids.itemId },
    'pages/booking/index': { id: ids.bookingId },
    'pages/visit/index': { itemId: ids.itemId },
    'pages/matter/index': { id: ids.caseId },
    'pages/case-notice/index': { caseId: ids.caseId, kind: 'acceptance' },
    'staff/case/index': { id: ids.caseId },
    'rate/index': { caseId: ids.caseId },
    'complaint/detail/index': { id: ids.complaintId },
    'office/complaint/index': { id: ids.complaintId },
    'office/complaint-doc/index': { id: ids.complaintId },
    'petition/detail/index': { id: ids.petitionId },
    'petition/doc/index': { id: ids.petitionId, kind: 'notice' },
    'agent/authorize/index': { residentId: ids.residentId, name: '王秀英' },
    'report/print/index': { month: '2026-11' },
    'report/export/index': { month: '2026-11' },
    'open/version/index': { number: '1' },
  };
  const params = q[page];
  return params ? `?${new URLSearchParams(params).toString()}` : '';
}

/** Signs in as `role` through the role picker (dev login), in a fresh tab. */
export async function signInAs(kit: BrowserKit, role: Role): Promise<void> {
  await kit.freshStart();
  const row = await kit.see(`.role-choice[data-user="${USERS[role]}"]`);
  await row.click();
  await kit.see('.home-head .hero');
}

/** Turns 长辈模式 on or off in the tab's storage (the preference the 长辈版 switch writes). */
export async function setElderly(p: Page, base: string, elderly: boolean): Promise<void> {
  await p.goto('about:blank');
  await p.goto(base);
  // Taro's storage wraps a value as { data }; services/prefs.ts reads { elderly }.
  await p.evaluate(`localStorage.setItem('prefs.v1', ${JSON.stringify(JSON.stringify({ data: { elderly } }))})`);
}

/**
 * Opens `page` afresh in the current tab (a new load: no page stack left behind), in 长辈模式 or
 * not when `elderly` is given, and waits until it has rendered and its loading indicators are gone.
 */
export async function openPage(p: Page, base: string, page: string, query: string, elderly?: boolean): Promise<void> {
  // Given a mode, it is set first (one more load); the measuring tests set it once per run.
  if (elderly !== undefined) await setElderly(p, base, elderly);
  await p.goto('about:blank');
  await p.goto(`${base}#/${page}${query}`);
  await p.locator('.taro_page .page').filter({ visible: true }).first().waitFor({ state: 'visible', timeout: WAIT });
  // Loaded: no spinner left on the visible page (a page that never loads is measured as it is).
  await p
    .waitForFunction(
      `!Array.from(document.querySelectorAll('.at-activity-indicator, .at-loading')).some((e) => e.getBoundingClientRect().height > 0)`,
      undefined,
      { timeout: WAIT },
    )
    .catch(() => undefined);
  await p.waitForLoadState('networkidle').catch(() => undefined);
  await p.evaluate('Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))');
}

/** The instant both measuring tests stand at: Monday 30 November 2026, 10:00, a working day. */
export const A11Y_NOW = '2026-11-30T10:00:00+08:00';

/**
 * A browser kit at A11Y_NOW, started (with its demo records) before the describe block's tests and
 * stopped after them. `ids()` gives the demo records once started.
 */
export function a11yKit(): { kit: BrowserKit; ids: () => DemoIds } {
  const kit = browserKit({ now: A11Y_NOW });
  let made: DemoIds | undefined;
  beforeAll(async () => {
    await kit.start();
    made = await makeDemo(kit.host);
    // The H5 build is shared under a lock: another test file's build may come first.
  }, START_TIMEOUT * 2);
  afterAll(async () => {
    await kit.stop();
  });
  return {
    kit,
    ids: () => {
      if (!made) throw new Error('The demo records are made in beforeAll.');
      return made;
    },
  };
}

/** Whether the shown page is in 长辈模式 (its shell carries .page--elder). */
export async function shownInElderMode(p: Page): Promise<boolean> {
  return (await p.locator('.taro_page .page--elder').filter({ visible: true }).count()) > 0;
}
