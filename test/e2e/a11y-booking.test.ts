/**
 * A booking made by keyboard and accessible names only (issue 11; R-BOOK-1..4, R-UX-2): in 长辈模式
 * on a 320 px wide screen a villager goes home → 民政窗口 → 最低生活保障申请 → 预约办理, picks a day
 * (a tab) and a slot (a radio), and confirms — every control found by its role and name
 * (getByRole, no CSS selector) and worked with Tab, Enter and Space, as a screen-reader or
 * keyboard user would. The chosen slot is told by its state (aria-checked), the chosen day by
 * aria-selected, and the confirm bar stays on screen when a slot far down the list is chosen. Back
 * on the guide, the booking just made is shown before another is started (您已预约 … 改约).
 * The server and the browser stand at Monday 2026-11-30 10:00 (fixed clock).
 */
import { SEED_ITEMS } from '../../cloudfunctions/core/seed/catalog-items';
import { dateLabel, dayLabel } from '../../shared/domain/time';
import { browserKit, START_TIMEOUT } from './browser-kit';
import type { Locator, Page } from 'playwright-core';

const NOW = '2026-11-30T10:00:00+08:00';
const TODAY = '2026-11-30';
const TOMORROW = '2026-12-01';
const VILLAGER = 'u-baisha-villager';
const MZ001 = SEED_ITEMS.find((i) => i.code === 'MZ-001')!;
const SHOTS = '/tmp/a11y-b-shots';
const TEST_TIMEOUT = 90_000;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Focuses `target` and presses `key` on it: the keyboard's way to work a control. */
async function press(target: Locator, key: 'Enter' | 'Space'): Promise<void> {
  await target.waitFor({ state: 'visible' });
  await target.focus();
  await target.press(key === 'Space' ? ' ' : 'Enter');
}

/** Presses Tab until `target` has the focus (at most `max` times); fails if Tab never reaches it. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<number> {
  for (let n = 1; n <= max; n += 1) {
    await page.keyboard.press('Tab');
    const focused = await target.evaluate((el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
    if (focused) return n;
  }
  const at = await page.evaluate('(() => { const a = document.activeElement; return a ? `${a.tagName} ${a.getAttribute("role")} ${a.getAttribute("aria-label") || a.textContent}` : "none"; })()');
  throw new Error(`Tab did not reach ${String(target)} in ${max} presses; the focus is on ${String(at)}`);
}

/** Whether the whole of `target` is inside the 320×640 viewport. */
async function onScreen(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width;
}

describe('a booking with the keyboard and accessible names only, 长辈模式 at 320 px', () => {
  const kit = browserKit({ now: NOW });
  beforeAll(() => kit.start(), START_TIMEOUT);
  afterAll(() => kit.stop());

  test('home → window → item → 预约办理 → a day tab → a slot radio → 确认预约; the guide then shows 您已预约', async () => {
    await kit.freshStart();
    await kit.chooseRole(VILLAGER, '王秀英');
    const page = kit.page;
    // 长辈模式 as the villager left it (remembered preference), a small phone's width.
    await page.evaluate(`localStorage.setItem('prefs.v1', JSON.stringify({ data: { elderly: true } }))`);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('about:blank');
    await page.goto(`${kit.base()}#/pages/index/index`);

    // Home: the window is a link named by its name.
    await press(page.getByRole('link', { name: /民政窗口/ }), 'Enter');
    // The window's items: the item is a link.
    await press(page.getByRole('link', { name: new RegExp(esc(MZ001.name)) }), 'Enter');
    // The guide: the materials are checkboxes with their state; nothing held yet.
    const first = page.getByRole('checkbox', { name: new RegExp(esc(MZ001.materials[0]!.name)) });
    expect(await first.isChecked()).toBe(false);
    await press(first, 'Space');
    await page.getByRole('checkbox', { name: new RegExp(esc(MZ001.materials[0]!.name)), checked: true }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: '您已预约' }).count()).toBe(0);
    await kit.screenshot(`${SHOTS}/guide-elder-320.png`);
    await press(page.getByRole('button', { name: '预约办理' }), 'Enter');

    // The booking page: the days are tabs, today first and chosen, named with the full date.
    const days = page.getByRole('tablist', { name: '预约日期' });
    // A chip's name: what it shows (今天 11月30日), then the full date.
    const todayTab = days.getByRole('tab', { name: new RegExp(`今天\\s*11月30日\\s*,\\s*${esc(dateLabel(TODAY))}`) });
    await todayTab.waitFor();
    expect(await todayTab.getAttribute('aria-selected')).toBe('true');
    const tomorrowTab = days.getByRole('tab', { name: new RegExp(`明天\\s*12月1日\\s*,\\s*${esc(dateLabel(TOMORROW))}`) });
    expect(await tomorrowTab.getAttribute('aria-selected')).toBe('false');
    await kit.screenshot(`${SHOTS}/book-elder-320-today.png`);

    // Tomorrow, by keyboard: the tab takes the selection, today's gives it up.
    await press(tomorrowTab, 'Space');
    await days.getByRole('tab', { name: new RegExp(`明天\\s*12月1日\\s*,\\s*${esc(dateLabel(TOMORROW))}`), selected: true }).waitFor();
    expect(await todayTab.getAttribute('aria-selected')).toBe('false');

    // Slots are radios in groups 上午 and 下午; none chosen yet, so the confirm button is disabled.
    const morning = page.getByRole('radiogroup', { name: '上午时段' });
    const afternoon = page.getByRole('radiogroup', { name: '下午时段' });
    expect(await morning.getByRole('radio').count()).toBe(6); // 09:00 … 11:30
    expect(await afternoon.getByRole('radio').count()).toBe(10); // 12:00 … 16:30
    const waiting = page.getByRole('button', { name: '请先选择时段' });
    expect(await waiting.getAttribute('aria-disabled')).toBe('true');

    // The last free slot of the afternoon, far down the list: Space chooses it, its state says so.
    const slot = afternoon.getByRole('radio', { name: /^16:30\s*余3个\s*,\s*下午16:30至17:00/ });
    expect(await slot.getAttribute('aria-disabled')).toBeNull();
    await press(slot, 'Space');
    const chosen = afternoon.getByRole('radio', { name: /^✓\s*16:30\s*已选\s*,\s*下午16:30至17:00/, checked: true });
    await chosen.waitFor();
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(1);

    // The confirm bar is on screen with the chosen slot, though the list scrolled down to it.
    const confirm = page.getByRole('button', { name: `确认预约 ${dayLabel(TOMORROW)} 16:30` });
    await confirm.waitFor();
    expect(await onScreen(page, confirm)).toBe(true);
    await kit.screenshot(`${SHOTS}/book-elder-320-chosen.png`);
    await page.screenshot({ path: `${SHOTS}/book-elder-320-viewport.png` });

    // Tab from the chosen slot reaches the confirm button; Enter books.
    await tabTo(page, confirm);
    await page.keyboard.press('Enter');
    await page.getByText('预约成功', { exact: false }).first().waitFor();
    const number = page.getByText(/^\d{8}-MZ-\d{3}$/);
    await number.waitFor();
    await kit.screenshot(`${SHOTS}/booking-elder-320.png`);

    const stored = await kit.host.store.find('bookings', { where: { bookedBy: VILLAGER } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ date: TOMORROW, start: '16:30', status: 'booked', number: ((await number.textContent()) ?? '').trim() });

    // Back on the guide: the booking is shown before another is started, with 查看预约 and 改约.
    await page.goto('about:blank');
    await page.goto(`${kit.base()}#/pages/guide/index?id=item-baisha-mz-001`);
    const held = page.getByRole('status').filter({ hasText: '您已预约' });
    await held.waitFor();
    expect(await held.textContent()).toContain(`${dateLabel(TOMORROW)} 16:30–17:00`);
    await page.getByRole('button', { name: `改约${dateLabel(TOMORROW)} 16:30的预约` }).waitFor();
    await page.getByRole('button', { name: `查看${dateLabel(TOMORROW)} 16:30的预约` }).waitFor();
    await kit.screenshot(`${SHOTS}/guide-held-elder-320.png`);
    // 改约 says which booking it moves (outside review).
    await press(page.getByRole('button', { name: `改约${dateLabel(TOMORROW)} 16:30的预约` }), 'Enter');
    await page.getByText(`原预约:${dateLabel(TOMORROW)} 16:30–17:00`).first().waitFor();
  }, TEST_TIMEOUT);
});
