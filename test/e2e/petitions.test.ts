/**
 * Petitions (信访, issue 9.7; R-PET-1..3) in the built H5 app, at an awkward instant: the eve of
 * National Day 2026 after 17:00 (Wed 30 September 17:40). Counted in working days from the next
 * working day (8 October; Saturday 10 October is a 调休 working day) the reply is due Monday
 * 12 October — the pages show that date written out.
 *
 * 何静 (综合服务窗口, first-ask) registers a collective visit (6 people) about 人社窗口 in the app —
 * first refused with every missing field marked and nothing lost; the leaders' inbox shows the
 * alert at once and opens the petition; the office (周敏) assigns it to 人社窗口 and 杨帆; after
 * the holiday a leader (刘志强) records the reception (a week to answer); the office prints the
 * 事项交办单 and the 告知书; 杨帆 replies in writing and the office closes it. 吴婷 (卫健窗口, the
 * B post of 人社窗口: she may open its petitions) and 孙浩 (残联窗口, nothing to do with it) never
 * see who petitioned — 孙浩 is refused and offered 返回, not 重新加载. Last, the admin switches the
 * 3 days to calendar days; the registered petition keeps its due date.
 *
 * Screenshots of each page go to /tmp/pet-shots/ (for a person to look at; nothing reads them).
 */
import { dateLabel, documentDate, shanghaiInstant } from '../../shared/domain/time';
import { browserKit, START_TIMEOUT } from './browser-kit';

const NOW = '2026-09-30T17:40:00+08:00'; // Wed, the last working day before National Day, after closing
const SHOTS = '/tmp/pet-shots';
const CLERK = { userId: 'u-baisha-staff-zh', name: '何静' }; // 综合服务窗口, registers (first-ask)
const OFFICE = { userId: 'u-baisha-office', name: '周敏' };
const LEADER = { userId: 'u-baisha-leader', name: '刘志强' };
const ASSIGNEE = { userId: 'u-baisha-staff-rs', name: '杨帆' }; // 人社窗口 (A post)
const UNIT_B = { userId: 'u-baisha-staff-wj', name: '吴婷' }; // 卫健窗口; B post of 人社窗口
const OUTSIDER = { userId: 'u-baisha-staff-cl', name: '孙浩' }; // 残联窗口
const ADMIN = { userId: 'u-baisha-admin', name: '赵磊' };
const UNIT = '人力资源和社会保障窗口';
const PETITIONER = { name: '李大山', age: '58', occupation: '农民', address: '白沙镇石桥村三组' };
const ISSUE = '石桥村三组6户村民反映:今年养老保险补缴的款项已交,但至今未到账,希望查明原因尽快处理。';
const RECEPTION = '已听取6位村民的诉求,要求人社窗口核实补缴到账情况,一周内答复。';
const REPLY = '经核实,补缴款项因银行批量代扣延迟,已于10月9日全部到账,已书面告知村民。';
/** Counted from 8 October (after closing on the eve, then the holiday): 8 → 9, 10 (调休), 12. */
const REPLY_DUE = '2026-10-12';
/** A leader's reception on 8 October: answered within one week. */
const RECEIVED_ON = '2026-10-08';
const LEADER_DUE = '2026-10-15';
const TEST_TIMEOUT = 240_000;

describe('petitions in the H5 app (Wed 2026-09-30 17:40, the eve of National Day)', () => {
  const kit = browserKit({ now: NOW });
  const { see, shown, freshStart, chooseRole, goHome } = kit;

  beforeAll(() => kit.start(), START_TIMEOUT);
  afterAll(() => kit.stop());

  const aMinutePasses = () => kit.host.clock.advance(60_000);
  let shot = 0;
  const screenshot = async (name: string) => {
    shot += 1;
    await kit.screenshot(`${SHOTS}/${String(shot).padStart(2, '0')}-${name}.png`);
  };

  /** The form field whose label is exactly `label` on the visible page. */
  const field = (label: string) =>
    kit.page
      .locator('.field')
      .filter({ has: kit.page.locator('.field__label', { hasText: new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`) }) })
      .filter({ visible: true })
      .first();
  // Controls by role and accessible name (issue 11): a row that opens a page is a link, one choice of several a radio.
  const byRole = (name: string | RegExp, role: 'button' | 'link' | 'radio' = 'button') => kit.page.getByRole(role, { name }).filter({ visible: true }).first();
  const confirm = async (title: string) => {
    // The app's own confirmation (issue 11): an alertdialog named by its question, its act button worded as the act.
    const dialog = kit.page.getByRole('alertdialog', { name: title }).filter({ visible: true }).first();
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: /^确定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  };
  /** The whole text of the document, hidden pages included (the strictest check). */
  const wholeText = async () => (await kit.page.locator('body').textContent()) ?? '';
  /** Opens a page of the app by its path, as a notice's link or a shared link would. */
  const openUrl = async (url: string) => {
    await kit.page.goto('about:blank');
    await kit.page.goto(`${kit.base()}#${url}`);
  };
  /** A fresh sign-in as `who` (the clock may have moved past a sign-in's 12 hours), on their home. */
  const signInAs = async (who: { userId: string; name: string }) => {
    await freshStart();
    await chooseRole(who.userId, who.name);
  };
  const back = async () => (await see('.back-bar')).click();
  /** The A4 sheet's text, after it has loaded. */
  const sheet = async (title: string) => {
    await see('.notice-sheet__title', title);
    return (await shown('.notice-sheet').textContent()) ?? '';
  };

  test('a clerk registers a collective visit; leaders are alerted; the office assigns; a leader receives; the forms print; the assignee replies; other clerks never see who petitioned', async () => {
    const host = kit.host;

    // ── 1. 何静: 信访登记簿 → 登记信访. A first submit with the issue and the name only is refused,
    //       every missing field marked, and nothing typed is lost.
    await signInAs(CLERK);
    await (await see('.nav-row', '信访登记簿')).click();
    await see('.at-button', '登记信访');
    await screenshot('register-empty-list');
    await (await see('.at-button', '登记信访')).click();
    await see('.field__label', '反映的主要问题');
    await field('姓名').locator('input').fill(PETITIONER.name);
    await field('反映的主要问题').locator('textarea').fill(ISSUE);
    await (await see('.at-button', /^登记信访$/)).click();
    await see('.card.error', '还有');
    for (const [label, message] of [
      ['信访形式', '请选择信访形式'],
      ['性别', '请选择性别'],
      ['年龄', '请填写年龄'],
      ['职业', '请填写职业'],
      ['住址或工作单位', '请填写住址或工作单位'],
    ] as const) {
      await field(label).locator('.field__error', { hasText: message }).waitFor({ state: 'visible' });
    }
    expect(await field('姓名').locator('.field__error').count()).toBe(0);
    await expect(field('姓名').locator('input').inputValue()).resolves.toBe(PETITIONER.name);
    await expect(field('反映的主要问题').locator('textarea').inputValue()).resolves.toBe(ISSUE);
    expect(await host.store.count('petitions')).toBe(0);
    await screenshot('new-refused');

    await byRole('信访形式:来访', 'radio').click();
    await byRole('性别:男', 'radio').click();
    await field('年龄').locator('input').fill(PETITIONER.age);
    await field('职业').locator('input').fill(PETITIONER.occupation);
    await field('住址或工作单位').locator('input').fill(PETITIONER.address);
    await field('来访人数').locator('input').fill('6');
    await see('.pet-alert', '集体访:登记后系统会立即通知中心领导');
    await byRole(`涉及的单位:${UNIT}`, 'radio').click();
    // Each field's message goes as it is filled, and the summary with the last one.
    expect(await kit.page.locator('.field__error').filter({ visible: true }).count()).toBe(0);
    expect(await shown('.card.error').count()).toBe(0);
    await screenshot('new-filled');
    await (await see('.at-button', /^登记信访$/)).click();
    await see('.hero', '信访已登记');
    const [p] = await host.store.find('petitions', {});
    expect(p).toMatchObject({
      form: 'visit',
      petitioner: { name: PETITIONER.name, gender: 'male', age: 58, occupation: PETITIONER.occupation, addressOrUnit: PETITIONER.address },
      mainIssue: ISSUE,
      headcount: 6,
      collective: true,
      urgent: false,
      unitName: UNIT,
      state: 'registered',
      replyDue: REPLY_DUE,
      registeredById: CLERK.userId,
    });
    expect(p!.petitioner.politicalStatus).toBeUndefined(); // optional, not asked
    const number = p!.number;
    await see('.title', number);
    await see('.para', `答复期限:${dateLabel(REPLY_DUE)}前`);
    // The clerk who registered it is not the office: her confirmation shows no petitioner.
    expect(await shown('.card').textContent()).not.toContain(PETITIONER.name);
    await screenshot('new-registered');
    aMinutePasses();

    // ── 2. 刘志强 (leader): the alert is in his inbox at once and opens the petition.
    await signInAs(LEADER);
    await (await see('.nav-row', '消息通知')).click();
    const alert = await see('.notice', '集体访,请即阅处');
    await expect(alert.textContent()).resolves.toContain(number);
    await screenshot('leader-inbox');
    await alert.click();
    await see('.title', `信访件 ${number}`);
    await see('.tag', '集体访 6人');
    await see('.para', `信访人:${PETITIONER.name}`);
    await see('.para', `答复期限:${dateLabel(REPLY_DUE)}前`);
    await see('.title', '领导接待'); // offered to a leader
    await screenshot('leader-detail');
    aMinutePasses();

    // ── 3. 周敏 (office): 信访登记簿 → the petition → 交办 人社窗口 杨帆.
    await signInAs(OFFICE);
    await (await see('.nav-row', '信访登记簿')).click();
    const row = byRole(new RegExp(number), 'link');
    await row.waitFor({ state: 'visible' });
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('来访');
    expect(rowText).toContain(dateLabel(REPLY_DUE));
    expect(rowText).toContain('集体访 6人');
    await screenshot('office-list');
    await row.click();
    await see('.title', `信访件 ${number}`);
    await see('.para', `信访人:${PETITIONER.name},男,58岁`);
    await byRole(`承办单位:${UNIT}`, 'radio').click();
    const people = await kit.pageWith('.title:has-text("交办")').getByRole('radio', { name: /^承办人:/ }).allTextContents();
    expect(people.join('|')).toContain(ASSIGNEE.name);
    expect(people.join('|')).not.toContain(OUTSIDER.name); // only the unit's people
    await byRole(`承办人:${ASSIGNEE.name}`, 'radio').click();
    await screenshot('office-assign');
    await (await see('.at-button', '确认交办')).click();
    await see('.card', '已交办');
    await see('.para', `承办:${UNIT} ${ASSIGNEE.name}`);
    expect(await host.store.get('petitions', p!.id)).toMatchObject({ state: 'assigned', assigneeId: ASSIGNEE.userId });
    // The trail in words: who, when, what — never a step code.
    const trail = (await shown('.card', '办理记录').textContent()) ?? '';
    expect(trail).toContain(`${CLERK.name} · ${dateLabel('2026-09-30')} 17:40`);
    expect(trail).toContain(`交${UNIT}${ASSIGNEE.name}承办`);
    expect(trail).not.toMatch(/petition\.|[a-z]+_[a-z]+/);
    await screenshot('office-assigned');

    // ── 4. After the holiday (Thu 8 October 09:30) 刘志强 receives the petitioners.
    host.clock.set(shanghaiInstant(RECEIVED_ON, '09:30'));
    await signInAs(LEADER);
    await (await see('.nav-row', '信访登记簿')).click();
    await byRole(new RegExp(number), 'link').click();
    await see('.title', '领导接待');
    await field('接待情况').locator('textarea').fill(RECEPTION);
    await (await see('.at-button', '记录领导接待')).click();
    await see('.card', '接待情况已记录');
    await see('.para', `领导接待:${LEADER.name}于${dateLabel(RECEIVED_ON)}接待,须于${dateLabel(LEADER_DUE)}前答复`);
    expect(await host.store.get('petitions', p!.id)).toMatchObject({ state: 'received_by_leader', deadline: LEADER_DUE, deadlineKind: 'leader' });
    await screenshot('leader-received');
    aMinutePasses();

    // ── 5. 周敏 prints the 事项交办单 (for 人社窗口) and the 告知书 (for 李大山) from the petition's page.
    await signInAs(OFFICE);
    await (await see('.nav-row', '信访登记簿')).click();
    await byRole(new RegExp(number), 'link').click();
    await see('.title', `信访件 ${number}`);
    await byRole('打印事项交办单', 'link').click();
    const assignment = await sheet('事项交办单');
    expect(assignment).toContain(`编号:${number}`);
    expect(assignment).toContain(`${UNIT}:${dateLabel('2026-09-30')}收到来访(编号${number},集体访6人),现交由${ASSIGNEE.name}承办。`);
    expect(assignment).toContain(`信访人:${PETITIONER.name},男,58岁`);
    expect(assignment).toContain(`请于${dateLabel(LEADER_DUE)}前将办理结果答复信访人`);
    expect(assignment).toContain(documentDate(RECEIVED_ON));
    await screenshot('doc-assignment');
    await back();
    await see('.title', `信访件 ${number}`);
    await byRole('打印信访事项告知书', 'link').click();
    const notice = await sheet('信访事项告知书');
    expect(notice).toContain(`编号:${number}`);
    expect(notice).toContain(`${PETITIONER.name}:您好!您于${dateLabel('2026-09-30')}反映的问题已登记`);
    expect(notice).toContain(`此事项已交由${UNIT}办理,我们将于${dateLabel(LEADER_DUE)}前给您答复。`);
    await screenshot('doc-notice');
    aMinutePasses();

    // ── 6. Fri 9 October: 杨帆 replies in writing; the office closes it.
    host.clock.set(shanghaiInstant('2026-10-09', '10:00'));
    await signInAs(ASSIGNEE);
    await (await see('.nav-row', '信访登记簿')).click();
    await byRole(new RegExp(number), 'link').click();
    await see('.para', `信访人:${PETITIONER.name}`); // the assigned person sees who
    await see('.title', '答复信访人');
    await (await see('.at-button', /^书面答复$/)).click();
    await field('答复要点').locator('textarea').fill(REPLY);
    await screenshot('assignee-reply');
    await (await see('.at-button', '提交答复')).click();
    await confirm('确定提交答复吗?');
    await see('.card', '答复已记录');
    await see('.para', `答复(书面答复):${ASSIGNEE.name}于${dateLabel('2026-10-09')} 10:00(按期)`);
    expect(await host.store.get('petitions', p!.id)).toMatchObject({ state: 'replied', reply: { mode: 'written', byId: ASSIGNEE.userId, onTime: true } });
    aMinutePasses();

    await signInAs(OFFICE);
    await (await see('.nav-row', '信访登记簿')).click();
    await byRole(new RegExp(number), 'link').click();
    await (await see('.at-button', /^结案$/)).click();
    await confirm('确定结案吗?');
    await see('.card', '已结案');
    expect(await host.store.get('petitions', p!.id)).toMatchObject({ state: 'closed' });
    await screenshot('office-closed');

    // ── 7. 吴婷 (B post of 人社窗口, at 卫健窗口): she may open it, never with the petitioner.
    const secrets = [PETITIONER.name, PETITIONER.address];
    await signInAs(UNIT_B);
    await (await see('.nav-row', '信访登记簿')).click();
    await byRole(new RegExp(number), 'link').click();
    await see('.title', `信访件 ${number}`);
    await see('.muted', '信访人信息依规保密');
    for (const s of secrets) expect(await wholeText()).not.toContain(s);
    await screenshot('unit-b-detail');
    await byRole('打印信访事项告知书', 'link').click();
    await sheet('信访事项告知书');
    for (const s of secrets) expect(await wholeText()).not.toContain(s);
    await back();
    await byRole('打印事项交办单', 'link').click();
    await see('.notice-sheet__para', '信访人信息由中心管理办公室和承办人掌握');
    for (const s of secrets) expect(await wholeText()).not.toContain(s);
    await goHome();
    await (await see('.nav-row', '消息通知')).click();
    await see('.notice', '集体访'); // she was alerted (the unit's B post)…
    for (const s of secrets) expect(await wholeText()).not.toContain(s); // …without the petitioner

    // ── 8. 孙浩 (残联窗口): the register has nothing for him; the petition's page is refused with 返回.
    await signInAs(OUTSIDER);
    await (await see('.nav-row', '信访登记簿')).click();
    await see('.muted', '目前没有信访件');
    await openUrl(`/petition/detail/index?id=${encodeURIComponent(p!.id)}`);
    await see('.error', '您不能查看');
    await see('.at-button', /^返回$/);
    expect(await shown('.at-button', '重新加载').count()).toBe(0);
    for (const s of [...secrets, ISSUE]) expect(await wholeText()).not.toContain(s);
    await screenshot('outsider-refused');
    await (await see('.at-button', /^返回$/)).click();
    await see('.home-head .hero'); // opened directly: 返回 leads home
    for (const who of [OUTSIDER, UNIT_B, CLERK]) {
      const stored = JSON.stringify([await host.store.find('notices', { where: { userId: who.userId } }), await host.store.find('outbox', { where: { userId: who.userId } })]);
      for (const s of secrets) expect(stored).not.toContain(s);
    }

    // ── 9. 赵磊 (admin): 信访答复期限设置 → 按自然日计算 → 保存; the petition keeps its due date.
    await signInAs(ADMIN);
    await (await see('.nav-row', '信访答复期限设置')).click();
    // The saved setting arrives with the page's load: wait for it, not for the first frame (a race seen in CI under load).
    await kit.page.getByRole('radio', { name: '按工作日计算', checked: true }).filter({ visible: true }).first().waitFor();
    await byRole('按自然日计算', 'radio').click();
    await screenshot('admin-settings');
    await (await see('.at-button', /^保存$/)).click();
    await see('.para', '已保存');
    expect(await host.store.get('meta', 'petition-settings:c-baisha')).toMatchObject({ value: 'calendar' });
    expect(await host.store.get('petitions', p!.id)).toMatchObject({ dayCount: 'working', replyDue: REPLY_DUE });
  }, TEST_TIMEOUT);
});
