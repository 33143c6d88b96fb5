/**
 * 政务公开 and 意见征集 in the built H5 app (issue 10.5–6, R-CAT-4..5), at one fixed instant (a
 * working Monday morning): the admin's first publication is refused naming the empty sections,
 * then published twice (the second with changed text); a villager reads the current version,
 * the history and the first version as it was published; the admin puts a fee out for comments;
 * the villager comments (her phone number shown masked to others); the admin answers; the
 * villager reads the answer. Screenshots in /tmp/pub-shots/.
 */
import fs from 'node:fs';
import { dateLabel } from '../../shared/domain/time';
import { browserKit, START_TIMEOUT } from './browser-kit';

const NOW = '2026-03-02T10:00:00+08:00'; // Monday, a working morning
const ADMIN = { userId: 'u-baisha-admin', name: '赵磊' };
const VILLAGER = { userId: 'u-baisha-villager', name: '王秀英' };
const SHOTS = '/tmp/pub-shots';
const ORG_1 = '白沙镇便民服务中心由镇党委、政府统一领导,设民政、人社、卫健、残联、综合服务五个窗口。';
const ORG_2 = '白沙镇便民服务中心由镇党委、政府统一领导,设五个窗口;3月起综合服务窗口兼办不动产登记咨询。';
const COMMITMENTS = '一次性告知,首问负责,限时办结;即办件当场办结。';
const SUPERVISION = '中心大厅入口设举报箱和意见簿,每周一开箱。';
const PLAN_TITLE = '农村建房规划许可收取工本费';
const PLAN_TEXT = '拟对农村村民住宅建设规划许可证收取工本费每本10元,自2026年4月1日起执行,低保户、特困人员免收。';
const COMMENT = '同意收取工本费,建议村代办员可以代为领取。有事请打我电话13957100001。';
const ANSWER = '感谢您的意见,已采纳:村代办员凭授权书可代为领取。';
const TEST_TIMEOUT = 180_000;

describe('政务公开 and 意见征集 in the H5 app (Mon 2026-03-02 10:00)', () => {
  const kit = browserKit({ now: NOW });
  const { see, freshStart, chooseRole, goHome, switchRole } = kit;

  beforeAll(() => kit.start(), START_TIMEOUT);
  afterAll(() => kit.stop());

  const aMinutePasses = () => kit.host.clock.advance(60_000);
  let shot = 0;
  const screenshot = async (name: string) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    shot += 1;
    // After Taro's page transition (a sliding frame otherwise).
    await kit.page.evaluate('Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))');
    await kit.page.screenshot({ path: `${SHOTS}/${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true });
  };
  /** One element's picture (the H5 page scrolls inside its own box, so a page shot shows the top only). */
  const screenshotOf = async (el: { screenshot(o: { path: string }): Promise<unknown> }, name: string) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    shot += 1;
    await el.screenshot({ path: `${SHOTS}/${String(shot).padStart(2, '0')}-${name}.png` });
  };
  /** The form field whose label contains `label`, on the visible page. */
  const field = (label: string) =>
    kit.page
      .locator('.field')
      .filter({ has: kit.page.locator('.field__label', { hasText: label }) })
      .filter({ visible: true })
      .first();
  /** The home's entries to 政务公开 and 意见征集 are links (issue 11). */
  const byLink = (name: string | RegExp) => kit.page.getByRole('link', { name }).filter({ visible: true }).first();

  test('the admin publishes; a villager reads the current version and the history, comments on a pre-publication; the admin answers', async () => {
    const host = kit.host;

    // ── 1. 赵磊 (admin): home → 编制并发布政务公开; publishing with the written sections empty is refused, naming them.
    await freshStart();
    await chooseRole(ADMIN.userId, ADMIN.name);
    await (await see('.nav-row', '编制并发布政务公开')).click();
    await see('.open-missing', '机构设置与职责');
    await screenshotOf(await see('.card', '还需补充的栏目'), 'compose-missing');
    await (await see('.at-button', '发布政务公开')).click();
    await kit.page.getByRole('button', { name: '确定发布' }).filter({ visible: true }).first().click();
    await see('.error', '本次政务公开暂不能发布:“机构设置与职责”、“服务承诺”、“监督投诉渠道”还是空的');
    await see('.field__error', '请填写中心的机构设置');
    expect(await host.store.count('disclosures')).toBe(0);
    await screenshot('compose-refused');

    await field('机构设置与职责').locator('textarea').fill(ORG_1);
    await field('服务承诺').locator('textarea').fill(COMMITMENTS);
    await field('监督投诉渠道').locator('textarea').fill(SUPERVISION);
    const chenli = kit.page.locator('.open-entry').filter({ hasText: '陈丽' }).filter({ visible: true }).first();
    await chenli.locator('.field').filter({ hasText: '岗位职责' }).locator('input').fill('低保、特困供养、临时救助的受理和初审');
    await (await see('.at-button', '发布政务公开')).click();
    await kit.page.getByRole('button', { name: '确定发布' }).filter({ visible: true }).first().click();
    await see('.title', `第1期 · 2026年3月2日发布 · 发布人:${ADMIN.name}`);
    await see('.open-text', ORG_1);
    await screenshot('published-1');

    // A minute later the admin changes the organisation text and publishes again: version 2.
    aMinutePasses();
    await goHome();
    await (await see('.nav-row', '编制并发布政务公开')).click();
    const org = field('机构设置与职责').locator('textarea');
    await expect(org.inputValue()).resolves.toBe(ORG_1);
    await org.fill(ORG_2);
    await (await see('.at-button', '发布政务公开')).click();
    await kit.page.getByRole('button', { name: '确定发布' }).filter({ visible: true }).first().click();
    await see('.title', '第2期 · 2026年3月2日发布');
    expect((await host.store.find('disclosures', { orderBy: [['number', 'asc']] })).map((d) => d.sections.organisation.text)).toEqual([ORG_1, ORG_2]);

    // ── 2. The admin puts a fee out for comments: 意见征集 → 发起意见征集; the end date offered from 5 working days on.
    await goHome();
    await (await see('.nav-row', '意见征集(发起、答复、正式公布)')).click();
    await (await see('.nav-row', '发起意见征集')).click();
    // The kinds and the end dates are radios (issue 11).
    await kit.page.getByRole('radio', { name: '收费事项' }).filter({ visible: true }).first().click();
    await field('标题').locator('input').fill(PLAN_TITLE);
    await field('方案内容').locator('textarea').fill(PLAN_TEXT);
    await expect(kit.page.getByRole('radio', { name: dateLabel('2026-03-06') }).count()).resolves.toBe(0);
    await kit.page.getByRole('radio', { name: dateLabel('2026-03-09') }).filter({ visible: true }).first().click();
    await screenshot('prepub-new');
    await (await see('.at-button', '发布征求意见稿')).click();
    await see('.title', PLAN_TITLE);
    await see('.open-tag', '征求意见中');
    aMinutePasses();

    // ── 3. 王秀英 (villager): home → 政务公开: the current version, the history, version 1 as published.
    await switchRole(VILLAGER.userId, VILLAGER.name);
    await byLink('政务公开').click();
    await see('.title', '第2期 · 2026年3月2日发布');
    await see('.open-text', ORG_2);
    const staff = await see('.card', '三、工作人员');
    await expect(staff.textContent()).resolves.toMatch(/陈丽.*民政窗口岗 A岗\(主办\).*职责:低保、特困供养、临时救助的受理和初审/);
    await screenshot('villager-current');
    await screenshotOf(staff, 'villager-current-staff');
    await screenshotOf(await see('.card', '四、服务承诺'), 'villager-current-commitments');
    await screenshotOf(await see('.card', '六、投诉办理情况'), 'villager-current-complaints');
    await screenshotOf(await see('.card', '七、领导带班值班'), 'villager-current-roster');
    await (await see('.nav-row', '历次公开版本')).click();
    await see('.nav-row', '第2期 · 2026年3月2日 · 赵磊(现行)');
    await screenshot('villager-history');
    await (await see('.nav-row', '第1期 · 2026年3月2日 · 赵磊')).click();
    await see('.title', '第1期政务公开(存档)');
    await see('.open-text', ORG_1);
    await screenshot('villager-version-1');

    // ── 4. The villager comments on the pre-publication.
    await goHome();
    await byLink('意见征集').click();
    await (await see('.card', PLAN_TITLE)).click();
    await see('.title', '发表我的意见');
    await field('意见内容').locator('textarea').fill(COMMENT);
    await (await see('.at-button', '提交意见')).click();
    await see('.muted', '您的意见已提交,谢谢!');
    await see('.title', '我的意见(截止前可以修改)');
    // Her own comment shows whole to her.
    await see('.open-text', COMMENT);
    await screenshot('villager-commented');
    aMinutePasses();

    // ── 5. The admin answers: the commenter masked, her phone number masked.
    await switchRole(ADMIN.userId, ADMIN.name);
    await (await see('.nav-row', '意见征集(发起、答复、正式公布)')).click();
    await (await see('.card', PLAN_TITLE)).click();
    const entry = kit.page.locator('.open-entry').filter({ hasText: '王*英' }).filter({ visible: true }).first();
    await entry.waitFor({ state: 'visible' });
    await expect(entry.textContent()).resolves.toContain('139****0001');
    await expect(entry.textContent()).resolves.not.toContain('13957100001');
    await expect(entry.textContent()).resolves.not.toContain('王秀英');
    await entry.locator('textarea').fill(ANSWER);
    await entry.locator('.at-button', { hasText: '提交答复' }).click();
    await see('.open-answer', ANSWER);
    await screenshot('admin-answered');
    const [stored] = await host.store.find('prepubComments');
    expect(stored).toMatchObject({ userId: VILLAGER.userId, text: COMMENT, answer: { text: ANSWER, by: ADMIN.userId } });
    aMinutePasses();

    // ── 6. The villager reads the answer attached to her comment.
    await switchRole(VILLAGER.userId, VILLAGER.name);
    await byLink('意见征集').click();
    await (await see('.card', PLAN_TITLE)).click();
    await see('.open-answer', `中心答复(${ADMIN.name},2026年3月2日 周一):${ANSWER}`);
    // An answered comment is no longer edited: the form gives way to a note saying why.
    await see('.card', '中心已经答复了您的意见');
    await expect(kit.page.locator('.at-button', { hasText: '修改我的意见' }).filter({ visible: true }).count()).resolves.toBe(0);
    await screenshot('villager-reads-answer');
  }, TEST_TIMEOUT);

  test('a shared link opens the center\'s pages for someone not signed in; a bare link offers the center list; a missing record offers 返回, not 重新加载', async () => {
    // Runs after the test above: two versions are published. A fresh phone, nobody signed in.
    await freshStart();
    const open = async (route: string) => {
      await kit.page.goto('about:blank');
      await kit.page.goto(`${kit.base()}#/${route}`);
    };
    await open('open/index/index?centerId=c-baisha');
    await see('.title', '第2期 · 2026年3月2日发布');
    await see('.open-text', ORG_2);
    // The pages behind it show the same center.
    await (await see('.nav-row', '历次公开版本')).click();
    await (await see('.nav-row', '第1期 · 2026年3月2日 · 赵磊')).click();
    await see('.open-text', ORG_1);
    await screenshot('shared-link-version-1');

    await open('open/index/index');
    await see('.card', '请先选择您所在乡镇的便民服务中心');
    await expect(kit.shown('.error').count()).resolves.toBe(0);
    await screenshot('bare-link');
    await (await see('.nav-row', '选择服务中心')).click();
    await see('.hero', '请选择您所在乡镇的便民服务中心');

    // A guide whose item is gone (an old shared link): loading again cannot help.
    await open('pages/guide/index?id=item-none');
    await see('.error');
    await see('.at-button', '返回');
    await expect(kit.shown('.at-button', '重新加载').count()).resolves.toBe(0);
  }, TEST_TIMEOUT);
});
