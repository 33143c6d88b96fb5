/**
 * End-to-end case handling in the built H5 app (R-CASE-1..3, R-CASE-7): a clerk checks a booked
 * villager in, issues the one-time supplement notice, the villager sees it (and its printable
 * notice), the clerk records the resubmission and accepts, and the villager's timeline shows
 * each step. Each step is a tap on a visible element; the store is checked too.
 * Deadlines count working days, so the flow runs at each of FLOW_INSTANTS (one host and browser per
 * instant, both standing at it). The launch, the waiting lookups and the booking helper are in
 * ./browser-kit.
 */
import { SEED_ITEMS } from '../../cloudfunctions/core/seed/catalog-items';
import { CASE_STATUS_LABELS } from '../../shared/domain/cases';
import { dateLabel, shanghaiDate } from '../../shared/domain/time';
import { bookFirstFreeSlot, browserKit, FLOW_INSTANTS, START_TIMEOUT } from './browser-kit';

const VILLAGER = 'u-baisha-villager';
const STAFF_MZ = 'u-baisha-staff-mz';
const MZ001 = SEED_ITEMS.find((i) => i.code === 'MZ-001')!;
const MZ001_ID = 'item-baisha-mz-001';
const WINDOW_NAME = '民政窗口';
/** J20261127-MZ-001: the case number (date, window, the day's sequence at that window). */
const CASE_NUMBER = /^J\d{8}-MZ-\d{3}$/;
/** Two of MZ-001's materials the villager did not bring. */
const MISSING = ['家庭经济状况核对授权书', '居民身份证'];
/** Four roles' worth of pages on a loaded 2-core machine (waits are per step). */
const TEST_TIMEOUT = 120_000;

describe.each(FLOW_INSTANTS)('case handling in the H5 app at $name', (instant) => {
  const kit = browserKit({ now: instant.now });
  const { see, shown, freshStart, chooseRole, goHome, openMe, switchRole } = kit;

  beforeAll(() => kit.start(), START_TIMEOUT);
  afterAll(() => kit.stop());

  /**
   * The server's clock stands still (a ManualClock); between two people's steps a minute passes,
   * as it would at the window, so every trail step has its own time (the browser's clock follows).
   */
  const aMinutePasses = () => kit.host.clock.advance(60_000);

  test('a clerk checks in, issues a supplement notice, the villager sees it, the clerk accepts, the timeline shows each step', async () => {
    expect(MZ001.name).toBe('最低生活保障申请');
    for (const m of MISSING) expect(MZ001.materials.map((x) => x.name)).toContain(m);
    const host = kit.host;
    const made = await bookFirstFreeSlot(host, { userId: VILLAGER, itemId: MZ001_ID, requestId: 'e2e-case-flow' });
    expect(made.date).toBe(instant.firstDay);
    const { booking } = made;
    aMinutePasses();

    // ── 陈丽: 我的 → 今日预约 → the date → 登记到达 → the case page.
    await freshStart();
    await chooseRole(STAFF_MZ, '陈丽');
    // After 17:00 the booking is the next working day's: the check-in waits for it (see the kit).
    expect(await kit.checkInOnBoard(WINDOW_NAME, made, { userId: STAFF_MZ, name: '陈丽' })).toContain('王秀英');

    await see('.guide-facts', '首问责任人:陈丽');
    await see('.guide-facts', '办事人:王秀英');
    await see('.guide-facts', `状态:${CASE_STATUS_LABELS.received}`);
    const numberText = ((await (await see('.guide-facts', '办件编号:')).textContent()) ?? '').match(/办件编号:(J\d{8}-MZ-\d{3})/);
    expect(numberText).not.toBeNull();
    const caseNumber = numberText![1]!;
    expect(caseNumber).toMatch(CASE_NUMBER);
    const [opened] = await host.store.find('cases', { where: { bookingId: booking.id } });
    expect(opened).toMatchObject({ number: caseNumber, status: 'received', firstAskId: STAFF_MZ, handlerId: STAFF_MZ, applicantUserId: VILLAGER });
    const caseId = opened!.id;
    aMinutePasses();

    // ── 材料不全 → tick two materials → 出具补正通知.
    await see('.title', '接件决定');
    await (await see('.at-button', '材料不全:一次性告知补正')).click();
    await see('.title', '勾选群众缺少的全部材料');
    // Nothing ticked yet: the page says so at once, no confirmation that could only be refused (outside review).
    await (await see('.at-button', '出具补正通知')).click();
    await see('.error', '请先勾选群众缺少的全部材料');
    expect(await kit.shown('.erase-dialog__title').count()).toBe(0);
    for (const m of MISSING) {
      await (await see('.material', m)).click();
      await see('.material--done', m);
    }
    await (await see('.at-button', '出具补正通知')).click();
    // An irreversible act asks first, in the app's own dialog, worded as the act (issue 11);
    // nothing changes until it is confirmed.
    await see('.erase-dialog__title', '确定出具补正通知?');
    expect(await host.store.get('cases', caseId)).toMatchObject({ status: 'received' });
    await kit.page.getByRole('button', { name: '确定出具补正通知' }).click();
    await see('.card', '已出具材料补正通知单');
    await see('.guide-facts', `状态:${CASE_STATUS_LABELS.supplement}`);
    await see('.guide-facts', `需补正材料:${MISSING.join('、')}`);
    await see('.at-button', '群众已补齐材料');
    // One notice per case: no way to issue a second.
    expect(await shown('.at-button', '材料不全:一次性告知补正').count()).toBe(0);
    expect(await host.store.get('cases', caseId)).toMatchObject({ status: 'supplement', missingMaterials: MISSING });
    aMinutePasses();

    // ── 王秀英: 我的 → 我的办件 → the case: 待补正材料 and both materials; then the notice.
    await switchRole(VILLAGER, '王秀英');
    await openMe();
    await (await see('.nav-row', '我的办件(办理进度)')).click();
    const matterRow = await see('.case-row', caseNumber);
    await expect(matterRow.textContent()).resolves.toContain(CASE_STATUS_LABELS.supplement);
    await matterRow.click();
    await see('.hero', MZ001.name);
    await see('.guide-facts', `办件编号:${caseNumber}`);
    await see('.title', `当前状态:${CASE_STATUS_LABELS.supplement}`);
    const needed = (await (await see('.guide-facts .error', '请补齐')).textContent()) ?? '';
    for (const m of MISSING) expect(needed).toContain(m);

    await (await see('.row', '材料补正通知单')).click();
    await see('.notice-sheet__title', '材料补正通知单');
    await see('.notice-sheet__no', `编号:${caseNumber}`);
    await see('.notice-sheet__para', '王*英');
    const list = (await (await see('.notice-sheet__list')).textContent()) ?? '';
    expect(list).toContain(`1. ${MISSING[0]}`);
    expect(list).toContain(`2. ${MISSING[1]}`);
    const sheet = (await kit.pageWith('.notice-sheet').textContent()) ?? '';
    expect(sheet).not.toContain('王秀英'); // the printed notice carries the masked name only
    aMinutePasses();

    // ── 陈丽: 我的 → 我的办件(按期限) → the case → 群众已补齐材料 → 受理.
    await switchRole(STAFF_MZ, '陈丽');
    await openMe();
    await (await see('.nav-row', '我的办件(按期限)')).click();
    await (await see('.case-row', caseNumber)).click();
    await see('.guide-facts', `办件编号:${caseNumber}`);
    await see('.guide-facts', `状态:${CASE_STATUS_LABELS.supplement}`);
    await (await see('.at-button', '群众已补齐材料')).click();
    await see('.card', '已登记补齐材料');
    await see('.guide-facts', `状态:${CASE_STATUS_LABELS.received}`);
    expect(await shown('.at-button', '材料不全:一次性告知补正').count()).toBe(0);
    aMinutePasses();
    await (await see('.at-button', /^受理$/)).click();
    await see('.erase-dialog__title', '确定受理此件?');
    // 再检查一下 closes the dialog and changes nothing; the second time the clerk confirms.
    await kit.page.getByRole('button', { name: '再检查一下' }).click();
    await kit.page.getByRole('alertdialog').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await host.store.get('cases', caseId)).toMatchObject({ status: 'received' });
    await (await see('.at-button', /^受理$/)).click();
    await kit.page.getByRole('button', { name: '确定受理' }).click();
    await see('.card', '已受理,已出具受理通知书');
    await see('.guide-facts', `状态:${CASE_STATUS_LABELS.accepted}`);
    const accepted = await host.store.get('cases', caseId);
    expect(accepted).toMatchObject({ status: 'accepted', acceptedOn: shanghaiDate(host.clock.now()) });
    const deadline = accepted!.deadline!;
    expect(deadline > accepted!.acceptedOn!).toBe(true);
    await see('.guide-facts', `办结期限:${dateLabel(deadline)}`);

    // ── 王秀英: the timeline shows each step, in order.
    await switchRole(VILLAGER, '王秀英');
    await openMe();
    await (await see('.nav-row', '我的办件(办理进度)')).click();
    await (await see('.case-row', caseNumber)).click();
    await see('.title', `当前状态:${CASE_STATUS_LABELS.accepted}`);
    await see('.guide-facts', `承诺办结日期:${dateLabel(deadline)}`);
    await see('.timeline__step', '已受理');
    const steps = await kit.pageWith('.timeline').locator('.timeline__step').allTextContents();
    expect(steps).toHaveLength(4);
    // One date format (issue 11): each step's day written out with its weekday, never 2026-09-29.
    for (const st of steps) {
      expect(st).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 周[一二三四五六日] \d{2}:\d{2}/);
      expect(st).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    expect(steps[0]).toContain('接待并登记');
    expect(steps[0]).toContain('陈丽');
    expect(steps[1]).toContain('补正通知');
    for (const m of MISSING) expect(steps[1]).toContain(m);
    expect(steps[2]).toContain('补齐材料');
    expect(steps[3]).toContain('已受理');
    expect(steps[3]).toContain(dateLabel(deadline));
    for (const s of steps) expect(s).not.toContain('内部');

    // The store's trail: the same steps, in order of time (a find without orderBy comes back in
    // id order, and trail ids are random).
    const ordered = await host.store.find('trail', { where: { caseId }, orderBy: [['at', 'asc']] });
    expect(ordered.map((t) => t.action)).toEqual(['case.open', 'case.supplement', 'case.resubmitted', 'case.accept']);
    expect(ordered.map((t) => t.actorId)).toEqual([STAFF_MZ, STAFF_MZ, STAFF_MZ, STAFF_MZ]);

    // Opened directly (a notice's link, a reload), the case page offers the way home (issue 11).
    await switchRole(STAFF_MZ, '陈丽');
    await kit.page.goto('about:blank');
    await kit.page.goto(`${kit.base()}#/staff/case/index?id=${encodeURIComponent(caseId)}`);
    await see('.guide-facts', `办件编号:${caseNumber}`);
    await kit.page.getByRole('link', { name: '回到首页' }).click();
    await see('.home-head .hero');

    await goHome();
  }, TEST_TIMEOUT);
});
