/**
 * Ratings in the built H5 app (issue 10.1–3, R-RATE-1..2), at one fixed instant, the eve of
 * National Day: 陈丽 finishes 王秀英's matter on the spot; 王秀英 opens the invitation in her inbox
 * and rates it 不满意 with a comment; 何静 — the B of the 民政 post, who heads the window's bad
 * reviews because the A (陈丽) is the clerk rated — sees the rectification item with the comment
 * and the masked name; then the 民政 window's pad shows the next finished case (masked) and one tap
 * on a face rates it, and the pad returns to waiting. Screenshots go to /tmp/rate-shots/.
 */
import fs from 'node:fs';
import { browserKit, START_TIMEOUT } from './browser-kit';

const NOW = '2026-09-30T10:00:00+08:00';
const SHOTS = '/tmp/rate-shots';
const VILLAGER = { userId: 'u-baisha-villager', name: '王秀英' };
const CLERK = { userId: 'u-baisha-staff-mz', name: '陈丽' };
const HEAD = { userId: 'u-baisha-staff-zh', name: '何静' };
const PAD = { userId: 'u-baisha-pad', name: '民政窗口评价器' };
const MZ001_ID = 'item-baisha-mz-001';
const COMMENT = '等候时间太长,也没有人解释原因。';
const TEST_TIMEOUT = 240_000;

describe('ratings in the H5 app (Wed 2026-09-30 10:00)', () => {
  const kit = browserKit({ now: NOW });
  const { see, freshStart, chooseRole, goHome, switchRole } = kit;

  beforeAll(() => kit.start(), START_TIMEOUT);
  afterAll(() => kit.stop());

  let shot = 0;
  const screenshot = async (name: string) => {
    fs.mkdirSync(SHOTS, { recursive: true });
    shot += 1;
    await kit.page.screenshot({ path: `${SHOTS}/${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true });
  };
  const byRole = (name: string | RegExp) => kit.page.getByRole('button', { name }).filter({ visible: true }).first();
  const byRadio = (name: string | RegExp) => kit.page.getByRole('radio', { name }).filter({ visible: true }).first();
  const aMinutePasses = () => kit.host.clock.advance(60_000);

  /** 陈丽 registers a walk-in at 民政 and finishes it on the spot, through the API. */
  const finishedCase = async (applicantName: string, residentId?: string): Promise<string> => {
    const token = await kit.host.login(CLERK.userId);
    const input: Record<string, unknown> = { itemId: MZ001_ID, applicantName };
    if (residentId) input.residentId = residentId;
    const opened = await kit.host.call('cases', { action: 'registerWalkIn', input }, token);
    expect(opened.status).toBe(200);
    const caseId = (opened.body.data as { case: { id: string } }).case.id;
    const done = await kit.host.call('cases', { action: 'doneOnSpot', input: { caseId, result: '材料齐全,当场办结' } }, token);
    expect(done.status).toBe(200);
    return caseId;
  };

  test(
    'a villager rates a finished case 不满意 from the notice; the window head sees the item; the pad rates the next case with one tap',
    async () => {
      const host = kit.host;
      const caseId = await finishedCase(VILLAGER.name, 'res-baisha-wangxy');
      aMinutePasses();

      // ── 1. 王秀英: 消息通知 → 请您评价 → the rate page → 不满意, a comment → 提交评价.
      await freshStart();
      await chooseRole(VILLAGER.userId, VILLAGER.name);
      await (await see('.nav-row', '消息通知')).click();
      await (await see('.notice', '请您评价')).click();
      await see('.title', '请您评价这次服务');
      await see('.item-row__name', '最低生活保障申请');
      // The faces and the sub-indicators are radios with their state in aria-checked (issue 11).
      await byRadio('不满意').click();
      await expect(byRadio('不满意').getAttribute('aria-checked')).resolves.toBe('true');
      await byRadio('服务态度:不满意').click();
      await kit.page.locator('textarea').filter({ visible: true }).first().fill(COMMENT);
      await screenshot('villager-rate-page');
      await (await see('.at-button', /^提交评价$/)).click();
      await see('.title', '谢谢您的评价');
      await see('.para', '15个工作日内回访您');
      await screenshot('villager-thanks');
      const rating = await host.store.get('ratings', `rating:${caseId}`);
      expect(rating).toMatchObject({ level: 'unsatisfied', channel: 'app', comment: COMMENT, raterUserId: VILLAGER.userId, subIndicators: { attitude: 'unsatisfied' }, applicantMasked: '王*英' });
      expect(await host.store.get('rectifications', `rect:rating:${caseId}`)).toMatchObject({ headId: HEAD.userId, state: 'opened', deadline: '2026-10-27' });
      // 我的评价 shows it, with its handling.
      await (await see('.at-button', '查看我的评价')).click();
      await see('.tag', '不满意');
      await see('.muted', '整改情况:待核实');
      aMinutePasses();

      // ── 2. 何静 (head of 民政's bad reviews): 差评整改 → the item, the comment, the masked name.
      await switchRole(HEAD.userId, HEAD.name);
      await (await see('.nav-row', '差评整改')).click();
      await see('.item-row__name', '最低生活保障申请');
      await see('.rv-text', COMMENT);
      await see('.muted', '评价人 王*英');
      await see('.at-button', '登记核实');
      const headPage = (await kit.page.locator('body').textContent()) ?? '';
      expect(headPage).not.toContain(VILLAGER.name);
      await screenshot('head-rectification');
      aMinutePasses();

      // ── 3. The 民政 window's pad: the next finished case, masked; one tap on 非常满意.
      const next = await finishedCase('李春明');
      await switchRole(PAD.userId, PAD.name);
      await (await see('.nav-row', '开始评价')).click();
      await see('.pad__big', '请您为这次服务评价');
      await see('.pad__line', '李*明');
      // All five faces fit the pad's page on a phone's width, in one row, happy to unhappy (the fifth
      // was cut off): measured in one go inside the page, so a page transition cannot skew it.
      await see('.face-btn--very_unsatisfied');
      await screenshot('pad-matter');
      const fit = (await kit.page.evaluate(`(() => {
        const pad = [...document.querySelectorAll('.pad')].find((e) => e.getBoundingClientRect().width > 0).getBoundingClientRect();
        return [...document.querySelectorAll('.pad .face-btn')].filter((e) => e.getBoundingClientRect().width > 0).map((e) => {
          const r = e.getBoundingClientRect();
          return { label: e.getAttribute('aria-label'), inside: r.left >= pad.left - 1 && r.right <= pad.right + 1, top: Math.round(r.top) };
        });
      })()`)) as Array<{ label: string; inside: boolean; top: number }>;
      expect(fit.map((f) => f.label)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
      expect(fit.filter((f) => !f.inside)).toEqual([]);
      expect(new Set(fit.map((f) => f.top)).size).toBe(1);
      await byRole('非常满意').click();
      await see('.pad__big', '谢谢您的评价');
      await screenshot('pad-thanks');
      expect(await host.store.get('ratings', `rating:${next}`)).toMatchObject({ level: 'very_satisfied', channel: 'pad', padId: PAD.userId });
      // Back to waiting: nothing left to rate at the window.
      await see('.pad__big', '您好,欢迎办事');
      await screenshot('pad-waiting');
      await goHome();
    },
    TEST_TIMEOUT,
  );
});
