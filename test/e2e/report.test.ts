/**
 * The month's picture in the built H5 app (R-RATE-3, issue 10.4/10.7). October and November 2026
 * are made through the real actions over HTTP: 民政窗口's clerk finishes walk-ins on the spot and
 * the window's rating pad rates them with one tap (非常满意, 满意); 王秀英 books 人社窗口, is checked in
 * and served on the spot, and rates it 不满意 herself. The admin has set the marks (at least 1
 * rating to be ranked). On Monday 30 November the office opens 月度服务评价 from 我的 and sees:
 * 民政 first with 2/2 satisfied and all on time → 红旗窗口; 人社 last with 0/1, also last in October →
 * 排名末位 and 约谈 — in words, beside bars whose widths are those rates, and every number again in
 * the tables; the 12 months' trend; the A4 report; and the CSV download (BOM, masked).
 *
 * Screenshots go to REPORT_SHOTS (default: a temporary folder); the README's docs/img/month-windows.png
 * and month-trend.png were taken by this test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bookFirstFreeSlot, browserKit, START_TIMEOUT } from './browser-kit';
import type { TestHost } from '../helpers/host';

const OCT = '2026-10-20T09:30:00+08:00'; // Tue, a working day
const NOV = '2026-11-30T09:30:00+08:00'; // Mon, the month's last working day
const NOW = '2026-11-30T10:00:00+08:00';
const OFFICE = { userId: 'u-baisha-office', name: '周敏' };
const VILLAGER = 'u-baisha-villager'; // 王秀英
const CHEN = 'u-baisha-staff-mz'; // 陈丽, 民政窗口
const YANG = 'u-baisha-staff-rs'; // 杨帆, 人社窗口
const PAD = 'u-baisha-pad'; // 民政窗口评价器
const ADMIN = 'u-baisha-admin';
const SHOTS = process.env.REPORT_SHOTS ?? path.join(os.tmpdir(), 'report-shots');
const TEST_TIMEOUT = 240_000;

async function ok<T>(host: TestHost, token: string, fn: string, action: string, input: unknown, requestId?: string): Promise<T> {
  const r = await host.call(fn, { action, input, ...(requestId ? { requestId } : {}) }, token);
  if (r.status !== 200) throw new Error(`${fn}.${action}: ${r.status} ${JSON.stringify(r.body)}`);
  return (r.body as { data: T }).data;
}

/** One month's matters, on the clock's day: two 民政 walk-ins rated on the pad, one 人社 booking rated 不满意. */
async function month(host: TestHost, tag: string, padLevels: readonly string[]): Promise<void> {
  const chen = await host.login(CHEN);
  const pad = await host.login(PAD);
  for (const [i, level] of padLevels.entries()) {
    const walkIn = await ok<{ case: { id: string } }>(host, chen, 'cases', 'registerWalkIn', { itemId: 'item-baisha-mz-003', applicantName: `张${i === 0 ? '三' : '四'}明` });
    await ok(host, chen, 'cases', 'doneOnSpot', { caseId: walkIn.case.id, result: '当场办结,证明已出具。' });
    const next = await ok<{ matter: { caseId: string } | null }>(host, pad, 'ratings', 'padNext', {});
    expect(next.matter?.caseId).toBe(walkIn.case.id);
    await ok(host, pad, 'ratings', 'padRate', { caseId: walkIn.case.id, level });
  }
  const made = await bookFirstFreeSlot(host, { userId: VILLAGER, itemId: 'item-baisha-rs-002', requestId: `e2e-report-${tag}` });
  const yang = await host.login(YANG);
  const checkedIn = await ok<{ caseId: string }>(host, yang, 'booking', 'checkIn', { bookingId: made.booking.id });
  await ok(host, yang, 'cases', 'doneOnSpot', { caseId: checkedIn.caseId, result: '已办结。' });
  const villager = await host.login(VILLAGER);
  await ok(host, villager, 'ratings', 'rate', { caseId: checkedIn.caseId, level: 'unsatisfied', comment: '排队时间太长,没人解释。' });
}

describe('the month dashboard in the H5 app (Mon 2026-11-30 10:00)', () => {
  const kit = browserKit({ now: NOW });
  const { see, freshStart, chooseRole, openMe } = kit;

  beforeAll(() => kit.start(), START_TIMEOUT);
  afterAll(() => kit.stop());

  test('the office sees the ranking bars and their table, 红旗窗口 and 约谈 in words, the trend, the A4 report and the CSV download', async () => {
    const host = kit.host;
    const admin = await host.login(ADMIN);
    await ok(host, admin, 'reports', 'saveThresholds', { minRatings: 1, redFlagSatisfaction: 98, redFlagOnTime: 100, excellentSatisfaction: 90, excellentOnTime: 90 });
    host.clock.set(OCT);
    await month(host, 'oct', ['very_satisfied']);
    host.clock.set(NOV);
    await month(host, 'nov', ['very_satisfied', 'satisfied']);
    host.clock.set(NOW);

    // ── The office: 我的 → 月度服务评价; it opens on the current month, November.
    await freshStart();
    await chooseRole(OFFICE.userId, OFFICE.name);
    await openMe();
    await (await see('.nav-row', '月度服务评价')).click();
    await see('.title', '2026年11月全中心');
    await see('.rpt-summary__line', '满意率 66.7%(满意2条 / 评价3条)');
    await see('.rpt-verdict', '红旗窗口:民政窗口');
    await see('.rpt-verdict', '约谈(连续两个月排名末位):人力资源和社会保障窗口');

    // Ranking bars: the marks in words on the rows, the bars as wide as the rates.
    const mz = await see('.rank-row[data-id="w-baisha-mz"]');
    expect(await mz.textContent()).toMatch(/第1名民政窗口红旗窗口.*100\.0%\(2\/2\)/);
    const rs = await see('.rank-row[data-id="w-baisha-rs"]');
    expect(await rs.textContent()).toMatch(/第2名人力资源和社会保障窗口排名末位约谈\(连续两个月排名末位\).*0\.0%\(0\/1\)/);
    const width = (row: typeof mz) => row.locator('.bar-fill').evaluate((el) => (el as unknown as { style: { width: string } }).style.width);
    expect([await width(mz), await width(rs)]).toEqual(['100%', '0%']);

    // The same numbers in the table next to the chart.
    // A row's cells, each as its lines: name (and marks) | satisfied/ratings, rate | bad (rectified), rate | on time/done, rate | substantiated.
    const cells = async (selector: string) => {
      const row = await see(selector);
      const out: string[] = [];
      for (const cell of await row.locator('.rpt-table__cell').all()) out.push((await cell.locator('.rpt-table__line').allTextContents()).join(' '));
      return out;
    };
    expect(await cells('.rpt-table__row[data-key="w-baisha-mz"]')).toEqual(['1. 民政窗口 红旗窗口', '2/2 100.0%', '0(0) —', '2/2 100.0%', '0']);
    expect(await cells('.rpt-table__row[data-key="w-baisha-rs"]')).toEqual(['2. 人力资源和社会保障窗口 排名末位 约谈(连续两个月排名末位)', '0/1 0.0%', '1(0) 0.0%', '1/1 100.0%', '0']);

    // The trend: twelve months, October and November in the table.
    await see('.trend__title', '满意率');
    expect(await kit.page.locator('.trend').first().locator('.trend__col').count()).toBe(12);
    expect(await cells('.rpt-table__row[data-key="2026-10"]')).toEqual(['2026年10月', '1/2 50.0%', '1(0) 0.0%', '2/2 100.0%', '0']);
    expect(await cells('.rpt-table__row[data-key="2026-11"]')).toEqual(['2026年11月', '2/3 66.7%', '1(0) 0.0%', '3/3 100.0%', '0']);

    // The whole page, and the README's pictures: the windows' ranking with its table, and the trend.
    await kit.screenshot(path.join(SHOTS, 'month-dashboard.png'));
    await kit.shown('.card', '各窗口满意率排名').screenshot({ path: path.join(SHOTS, 'month-windows.png') });
    await kit.shown('.card', '工作人员满意率排名').screenshot({ path: path.join(SHOTS, 'month-staff.png') });
    await kit.shown('.card', '近12个月趋势').screenshot({ path: path.join(SHOTS, 'month-trend.png') });

    // ── The A4 report of the same month.
    await (await see('.at-button', '打印2026年11月月报(A4)')).click();
    await see('.notice-sheet__title', '2026年11月服务评价情况报告');
    await see('.notice-sheet__para', '红旗窗口 民政窗口');
    await see('.notice-sheet__para', '需约谈的窗口 人力资源和社会保障窗口');
    // As the printer gets it: the print stylesheet (A4, no buttons, no back bar).
    await kit.page.emulateMedia({ media: 'print' });
    await kit.screenshot(path.join(SHOTS, 'month-report-a4.png'));
    await kit.page.emulateMedia({ media: 'screen' });
    await kit.page.goBack();

    // ── The export: the cases of November as a CSV file the browser downloads.
    await (await see('.at-button', '导出2026年11月数据(CSV表格)')).click();
    await see('.title', '导出2026年11月数据');
    const [download] = await Promise.all([kit.page.waitForEvent('download'), (await see('.at-button', '下载好差评(CSV)')).click()]);
    expect(download.suggestedFilename()).toBe('2026年11月好差评.csv');
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM
    const csv = bytes.toString('utf8');
    expect(csv).toContain('非常满意');
    expect(csv).toContain('王*英');
    expect(csv).not.toContain('王秀英');
    await see('.success', '已下载:2026年11月好差评.csv(3行数据)');
  }, TEST_TIMEOUT);
});
