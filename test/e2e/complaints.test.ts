/**
 * End-to-end complaint handling in the built H5 app (issue 9, R-CMP-1..5): a villager files a
 * complaint in the app; the office classifies it and assigns a handler (never the clerk
 * complained about, who is not even offered); the office records its findings; the handler replies
 * in writing; the villager reads the reply; and none of the complained-about clerk's screens, nor
 * her notices in the store, show who complained. One fixed instant: a working Tuesday morning.
 *
 * The complaint is about 王秀英's own case at 民政窗口, handled by 陈丽: the villager's form offers
 * windows, her cases and her bookings (staff are not listed to villagers), and only a case names the
 * person complained about (subject.staffId), which is what keeps 陈丽 out of the handler choices.
 * A complaint about the window alone names no one, and the office page would offer 陈丽 as handler.
 */
import { dateLabel } from '../../shared/domain/time';
import { bookFirstFreeSlot, browserKit, START_TIMEOUT } from './browser-kit';

const NOW = '2026-09-29T10:00:00+08:00'; // Tue, a working day before the National Day holiday
const VILLAGER = { userId: 'u-baisha-villager', name: '王秀英' };
/** The phone the villager leaves on the form (her own, as seeded for her resident record). */
const VILLAGER_PHONE = '13957100001';
const CLERK = { userId: 'u-baisha-staff-mz', name: '陈丽' };
const OFFICE = { userId: 'u-baisha-office', name: '周敏' };
const HANDLER = { userId: 'u-baisha-staff-rs', name: '杨帆' };
const MZ001_ID = 'item-baisha-mz-001';
const ITEM_NAME = '最低生活保障申请';
const FACTS = '9月29日上午在民政窗口办理低保申请,工作人员没有说明原因就让我回去。';
const WANTS = '希望说明原因,尽快为我办理。';
const FINDINGS = '经调取记录核实,窗口工作人员未一次性告知原因。';
const MEASURE = '批评教育,全中心通报';
const REPLY = '王女士您好,经核实,窗口工作人员未说明原因,投诉属实。我们已批评教育,并安排窗口今天为您办理,谢谢您的监督。';
/** Five people's worth of pages on a loaded 2-core machine (waits are per step). */
const TEST_TIMEOUT = 180_000;

describe('complaint handling in the H5 app (Tue 2026-09-29 10:00)', () => {
  const kit = browserKit({ now: NOW });
  const { see, shown, freshStart, chooseRole, goHome, openMe, switchRole } = kit;

  beforeAll(() => kit.start(), START_TIMEOUT);
  afterAll(() => kit.stop());

  const aMinutePasses = () => kit.host.clock.advance(60_000);

  /** The form field labelled `label` on the visible page. */
  const field = (label: string) =>
    kit.page
      .locator('.field')
      .filter({ has: kit.page.locator('.field__label', { hasText: label }) })
      .filter({ visible: true })
      .first();

  /** Taps 确定 in the large confirmation dialog titled `title`. */
  const confirm = async (title: string) => {
    // The app's own confirmation (issue 11): an alertdialog named by its question, its act button worded as the act.
    const dialog = kit.page.getByRole('alertdialog', { name: title }).filter({ visible: true }).first();
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: /^确定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  };

  // Controls by role and accessible name (issue 11): a row that opens a page is a link, one choice of several a radio.
  const byRole = (name: string | RegExp, role: 'button' | 'link' | 'radio' = 'button') => kit.page.getByRole(role, { name }).filter({ visible: true }).first();

  /** The whole text of the document, hidden pages included (the strictest check). */
  const wholeText = async () => (await kit.page.locator('body').textContent()) ?? '';

  test('a villager files, the office classifies and assigns, the handler replies in writing, the villager reads it; the clerk never sees who complained', async () => {
    const host = kit.host;

    // ── Setup through the API: 王秀英 booked 最低生活保障申请 and 陈丽 checked her in (a case of hers).
    const made = await bookFirstFreeSlot(host, { userId: VILLAGER.userId, itemId: MZ001_ID, requestId: 'e2e-complaint-booking' });
    expect(made.date).toBe('2026-09-29');
    const clerkToken = await host.login(CLERK.userId);
    const checkedIn = await host.call('booking', { action: 'checkIn', input: { bookingId: made.booking.id } }, clerkToken);
    expect(checkedIn.status).toBe(200);
    const caseId = (checkedIn.body.data as { caseId: string }).caseId;
    const theCase = await host.store.get('cases', caseId);
    expect(theCase).toMatchObject({ handlerId: CLERK.userId, applicantUserId: VILLAGER.userId });
    aMinutePasses();

    // ── 1. 王秀英: 我的 → 我的投诉 → 我要投诉 → her case → facts, wish, phone; 实名 → 提交投诉.
    await freshStart();
    await chooseRole(VILLAGER.userId, VILLAGER.name);
    await openMe();
    await (await see('.nav-row', '我的投诉')).click();
    await (await see('.at-button', '我要投诉')).click();
    await see('.title', '第一步');
    // The form offers the window too; the complaint is about her case there (see the header).
    // The choices are radios with their state in aria-checked (issue 11).
    await byRole('民政窗口', 'radio').waitFor({ state: 'visible' });
    const caseChoice = byRole(`${ITEM_NAME},办件编号 ${theCase!.number}`, 'radio');
    await caseChoice.click();
    await expect(caseChoice.getAttribute('aria-checked')).resolves.toBe('true');
    await field('事情经过').locator('textarea').fill(FACTS);
    await field('您的诉求').locator('textarea').fill(WANTS);
    await expect(byRole(/^实名投诉/, 'radio').getAttribute('aria-checked')).resolves.toBe('true');
    await field('联系电话').locator('input').fill(VILLAGER_PHONE);
    await (await see('.at-button', /^提交投诉$/)).click();
    await see('.hero', '投诉已受理');
    const number = ((await (await see('.cmp-big')).textContent()) ?? '').trim();
    expect(number).not.toBe('');
    const [filed] = await host.store.find('complaints', { where: { number } });
    expect(filed).toMatchObject({
      channel: 'in_app',
      anonymous: false,
      complainantUserId: VILLAGER.userId,
      complainantContact: VILLAGER_PHONE,
      subject: { kind: 'case', staffId: CLERK.userId, windowId: theCase!.windowId },
      facts: FACTS,
    });
    const complaintId = filed!.id;
    aMinutePasses();

    // ── 2. 周敏 (office): 投诉受理台 → the complaint → 一般投诉 → 保存分类 → 杨帆 (陈丽 not offered).
    await switchRole(OFFICE.userId, OFFICE.name);
    await (await see('.nav-row', '投诉受理台')).click();
    await byRole(new RegExp(number), 'link').click();
    await see('.title', `投诉 ${number}`);
    await see('.para', `投诉人:${VILLAGER.name}`); // the office sees who complained
    await (await see('.at-button', /^一般投诉$/)).click();
    await see('.at-button--primary', /^一般投诉$/);
    await (await see('.at-button', '保存分类')).click();
    await see('.card', '分类已保存');
    expect(await host.store.get('complaints', complaintId)).toMatchObject({ klass: 'general', classified: true });

    await see('.title', '指定承办人');
    const handlerChoice = byRole(new RegExp(`^选择.*${HANDLER.name}$`), 'radio');
    await handlerChoice.waitFor({ state: 'visible' });
    const offered = await kit.pageWith('.title:has-text("指定承办人")').getByRole('radio', { name: /^选择/ }).allTextContents();
    expect(offered.length).toBeGreaterThan(1);
    expect(offered.join('|')).toContain(HANDLER.name);
    expect(offered.join('|')).not.toContain(CLERK.name);
    await handlerChoice.click();
    await (await see('.at-button', '确认指定')).click();
    await see('.card', '已指定承办人');
    await see('.para', `承办人:${HANDLER.name}`);
    expect(await host.store.get('complaints', complaintId)).toMatchObject({ handlerId: HANDLER.userId });
    aMinutePasses();

    // ── 3. The findings before the reply (the server's rule), in the UI: the office's page offers
    //       核查结论 right after the assignment.
    await see('.title', '核查结论');
    await (await see('.at-button', /^属实$/)).click();
    await see('.at-button--primary', /^属实$/);
    await field('核查情况').locator('textarea').fill(FINDINGS);
    await field('处理措施').locator('input').fill(MEASURE);
    await (await see('.at-button', '记录核查结论')).click();
    await confirm('确定记录核查结论吗?');
    await see('.card', '核查结论已记录');
    await see('.para', `核查结论:属实。${FINDINGS}`);
    expect(await host.store.get('complaints', complaintId)).toMatchObject({ outcome: { substantiated: true, findings: FINDINGS, measure: MEASURE } });
    aMinutePasses();

    // ── 4. 杨帆 (handler): 我承办的投诉 → the complaint → 书面答复 → 提交答复 → 确定.
    await switchRole(HANDLER.userId, HANDLER.name);
    await (await see('.nav-row', '我承办的投诉')).click();
    await see('.title', '我承办的投诉');
    await byRole(new RegExp(number), 'link').click();
    await see('.title', `投诉 ${number}`);
    await see('.title', /^书面答复$/);
    await field('答复内容').locator('textarea').fill(REPLY);
    await (await see('.at-button', '提交答复')).click();
    await confirm('确定提交答复吗?');
    await see('.card', '答复已记录');
    const replied = await host.store.get('complaints', complaintId);
    expect(replied).toMatchObject({ reply: { form: 'written', text: REPLY, byId: HANDLER.userId } });
    aMinutePasses();

    // ── 5. 王秀英: 我的 → 我的投诉 → the complaint → the written reply.
    await switchRole(VILLAGER.userId, VILLAGER.name);
    await openMe();
    await (await see('.nav-row', '我的投诉')).click();
    await byRole(new RegExp(`编号 ${number}`), 'link').click();
    await see('.cmp-big', number);
    await see('.title', /^书面答复$/);
    const replyShown = await see('.cmp-text', REPLY);
    await expect(replyShown.textContent()).resolves.toBe(REPLY);
    await see('.muted', `${HANDLER.name} · ${dateLabel('2026-09-29')}`);
    await see('.at-button', '满意');

    // ── 6. 陈丽: her home, her inbox, the complaint's page (refused): nowhere 王秀英's name or phone.
    const secrets = [VILLAGER.name, VILLAGER_PHONE];
    await switchRole(CLERK.userId, CLERK.name);
    await goHome();
    await see('.nav-row', '我承办的投诉');
    const home = await wholeText();
    expect(home).toContain(CLERK.name); // the page is hers and has loaded
    for (const s of secrets) expect(home).not.toContain(s);

    await (await see('.nav-row', '消息通知')).click();
    await kit.page.locator('.notice, .muted:has-text("暂时没有新消息")').filter({ visible: true }).first().waitFor({ state: 'visible' });
    const inbox = await wholeText();
    for (const s of secrets) expect(inbox).not.toContain(s);

    await kit.page.goto('about:blank');
    await kit.page.goto(`${kit.base()}#/office/complaint/index?id=${encodeURIComponent(complaintId)}`);
    await see('.error');
    expect(await shown('.title', `投诉 ${number}`).count()).toBe(0);
    // A refusal gives the same answer every time: the page offers 返回, not 重新加载.
    await see('.at-button', /^返回$/);
    expect(await shown('.at-button', '重新加载').count()).toBe(0);
    const detail = await wholeText();
    expect(detail).not.toContain(FACTS);
    for (const s of secrets) expect(detail).not.toContain(s);
    // The server refuses her too, not only the page.
    const asClerk = await host.call('complaints', { action: 'get', input: { complaintId } }, clerkToken);
    expect(asClerk.status).not.toBe(200);
    expect(JSON.stringify(asClerk.body)).not.toContain(VILLAGER.name);

    // The store's notices for her (inbox and push outbox) carry neither.
    const notices = await host.store.find('notices', { where: { userId: CLERK.userId } });
    const pushes = await host.store.find('outbox', { where: { userId: CLERK.userId } });
    const hers = JSON.stringify([notices, pushes]);
    for (const s of secrets) expect(hers).not.toContain(s);
    // Other people were told (so the check above looks at a store that has complaint notices).
    expect(await host.store.find('notices', { where: { userId: VILLAGER.userId } })).not.toHaveLength(0);
  }, TEST_TIMEOUT);
});
