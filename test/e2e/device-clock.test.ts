/**
 * The center's clock, not the phone's (outside review, 2026-11-27): a phone two days behind the
 * server — a wrong phone clock, or the local demo host's DEMO_NOW — must still call the center's
 * Monday 今天. The server stands at Mon 2026-11-30 10:00; the browser at Sat 2026-11-28 21:30.
 * Before the fix the booking page named Monday 后天 and Tuesday 下周二, the day board opened on
 * Saturday, and an agent's authorisation defaulted to a Saturday.
 */
import { browserKit, START_TIMEOUT } from './browser-kit';

const SERVER_NOW = '2026-11-30T10:00:00+08:00';
const PHONE_NOW = '2026-11-28T21:30:00+08:00';
const TEST_TIMEOUT = 120_000;

describe('a phone whose clock is two days behind the center (Mon 2026-11-30 10:00)', () => {
  const kit = browserKit({ now: SERVER_NOW });
  beforeAll(() => kit.start(), START_TIMEOUT);
  afterAll(() => kit.stop());

  /** Opens a route on a fresh load with the phone's own (wrong) clock. */
  const open = async (route: string) => {
    await kit.page.context().clock.setFixedTime(PHONE_NOW);
    await kit.page.goto('about:blank');
    await kit.page.goto(`${kit.base()}#/${route}`);
  };

  test("the villager's booking days, the clerk's day board and the agent's authorisation date are the center's", async () => {
    await kit.freshStart();
    await kit.chooseRole('u-baisha-villager', '王秀英');
    await open('pages/book/index?itemId=item-baisha-mz-001');
    const days = kit.page.getByRole('tablist', { name: '预约日期' });
    await days.getByRole('tab', { name: /今天\s*11月30日/ }).waitFor();
    await days.getByRole('tab', { name: /明天\s*12月1日/ }).waitFor();
    expect(await days.getByRole('tab', { name: /后天\s*11月30日|下周二\s*12月1日/ }).count()).toBe(0);

    await kit.switchRole('u-baisha-staff-mz', '陈丽');
    await open('staff/day-board/index');
    await kit.page.getByRole('radio', { name: '2026年11月30日 周一(今天)', checked: true }).first().waitFor();

    await kit.switchRole('u-baisha-agent', '李建国');
    await open('agent/resident-new/index');
    await kit.page.getByRole('radio', { name: '2026年11月30日 周一(今天)', checked: true }).first().waitFor();
    expect(await kit.page.getByRole('radio', { name: /11月28日 周六\(今天\)/ }).count()).toBe(0);
  }, TEST_TIMEOUT);
});
