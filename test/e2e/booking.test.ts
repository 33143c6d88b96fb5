/**
 * End-to-end booking in the built H5 app (R-BOOK-1..4, R-CASE-1): a villager books and
 * cancels, an agent books only for a resident whose authorisation is in force, and a clerk
 * checks a villager in. Each step is a tap on a visible element; the store is checked too.
 * The launch and the waiting lookups are in ./browser-kit.
 */
import type { Locator } from 'playwright-core';
import { SEED_ITEMS } from '../../cloudfunctions/core/seed/catalog-items';
import { WorkCalendar } from '../../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';
import { addDays, dateLabel, shanghaiDate, shanghaiInstant } from '../../shared/domain/time';
import { browserKit, START_TIMEOUT, WAIT } from './browser-kit';

const VILLAGER = 'u-baisha-villager';
const AGENT = 'u-baisha-agent';
const STAFF_MZ = 'u-baisha-staff-mz';
const MZ001 = SEED_ITEMS.find((i) => i.code === 'MZ-001')!;
const MZ001_ID = 'item-baisha-mz-001';
const WINDOW_NAME = '民政窗口';
/** 20261127-MZ-001: date, window, the day's sequence at that window. */
const BOOKING_NUMBER = /^\d{8}-MZ-\d{3}$/;
/** Each test walks a dozen pages; generous for a loaded 2-core machine (waits are per step). */
const TEST_TIMEOUT = 60_000;

const kit = browserKit();
const { see, shown, freshStart, chooseRole, goHome, openMe } = kit;

beforeAll(() => kit.start(), START_TIMEOUT);
afterAll(() => kit.stop());

/** Home → search 低保 → the guide of MZ-001 → 预约办理: the booking page. */
async function openBookingPage(): Promise<void> {
  const input = await see('.at-search-bar input');
  await input.click();
  await input.fill('低保');
  await (await see('.at-search-bar__action', '搜索')).click();
  await (await see('.item-row', MZ001.name)).click();
  await see('.guide-name', MZ001.name);
  await (await see('.at-button--primary', '预约办理')).click();
  await see('.hero', MZ001.name);
  await see('.day-tab--on');
}

/** Picks the first slot with places left on the first listed day; returns its start time. */
async function pickFirstFreeSlot(): Promise<{ start: string; day: string }> {
  const firstDay = await see('.day-tab');
  const day = ((await firstDay.textContent()) ?? '').trim();
  await firstDay.click();
  await see('.day-tab--on', day);
  const slot = await see('.slot:not(.slot--full)');
  const start = (((await slot.textContent()) ?? '').match(/\d{2}:\d{2}/) ?? [''])[0];
  expect(start).toMatch(/^\d{2}:\d{2}$/);
  await slot.click();
  await see('.slot--on', start);
  return { start, day };
}

/** Taps 确认预约 and waits for the booking page; returns the booking number shown. */
async function confirmBooking(slot: { start: string; day: string }): Promise<string> {
  await (await see('.at-button--primary', `确认预约 ${slot.day} ${slot.start}`)).click();
  await see('.card.success', '预约成功');
  const number = ((await (await see('.booking-number')).textContent()) ?? '').trim();
  expect(number).toMatch(BOOKING_NUMBER);
  return number;
}

const bookingsOf = (where: Record<string, string>) => kit.host.store.find('bookings', { where });

/**
 * Sets the date on the page's date picker (Taro H5's wheel picker) by dragging each column
 * (year, month, day) the way a thumb would, then taps 确定.
 */
async function pickDate(field: Locator, date: string): Promise<void> {
  const ROW = 34; // the wheel's row height (px), as Taro's picker computes it
  const TOP = 102; // the wheel's offset of row 0 (px)
  await field.click();
  const picker = await see('.weui-picker');
  const wanted = date.split('-').map(Number);
  for (let col = 0; col < 3; col += 1) {
    const group = picker.locator('.weui-picker__group').nth(col);
    const indexNow = async () => {
      const style = (await group.locator('.weui-picker__content').getAttribute('style')) ?? '';
      const y = Number((style.match(/translate3d\(0(?:px)?,\s*(-?[\d.]+)px/) ?? [])[1]);
      return Math.round((TOP - y) / ROW);
    };
    const texts = await group.locator('.weui-picker__item').allTextContents();
    const target = texts.findIndex((t) => Number(t.replace(/\D/g, '')) === wanted[col]);
    expect({ column: col, texts: texts.slice(0, 3), found: target >= 0 }).toMatchObject({ found: true });
    for (let now = await indexNow(); now !== target; now = await indexNow()) {
      // At most three rows per stroke, so the pointer stays on the column.
      const rows = Math.max(-3, Math.min(3, target - now));
      const box = (await group.boundingBox())!;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await kit.page.mouse.move(x, y);
      await kit.page.mouse.down();
      await kit.page.mouse.move(x, y - rows * ROW, { steps: 6 });
      await kit.page.mouse.up();
      // The wheel re-renders on an animation frame: check once per frame until it has moved.
      const deadline = Date.now() + WAIT;
      while ((await indexNow()) !== now + rows) {
        if (Date.now() > deadline) throw new Error(`The date picker's column ${col} did not move to row ${now + rows}.`);
        await kit.page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
      }
    }
  }
  await picker.locator('.weui-picker__action', { hasText: '确定' }).click();
  await picker.waitFor({ state: 'hidden', timeout: WAIT });
}

describe('booking in the H5 app', () => {
  test('a villager books, sees the booking, cancels', async () => {
    expect(MZ001.name).toBe('最低生活保障申请');
    await freshStart();
    await chooseRole(VILLAGER, '王秀英');
    await openBookingPage();
    const slot = await pickFirstFreeSlot();
    const number = await confirmBooking(slot);

    // The booking page: number, window, time, and every material of the item (one notice).
    const detail = kit.pageWith('.booking-number');
    await see('.guide-facts', `窗口:${WINDOW_NAME}`);
    await see('.guide-facts', `${slot.start}–`);
    await see('.tag', '已预约');
    const text = (await detail.textContent()) ?? '';
    for (const m of MZ001.materials) expect(text).toContain(m.name);
    await see('.title', `请带齐以下材料(共${MZ001.materials.length}项)`);

    // 我的 → 我的预约和上门服务 → the booking → 取消预约 → confirm.
    await goHome();
    await openMe();
    await (await see('.nav-row', '我的预约和上门服务')).click();
    await (await see('.booking-row', number)).click();
    await see('.booking-number', number);
    await (await see('.at-button', '取消预约')).click();
    await see('.taro-modal__text', `${slot.start}的预约`);
    await (await see('.taro-model__confirm', '确定取消')).click();
    await see('.tag', '已取消');
    await see('.card', '预约已取消');
    expect(await shown('.at-button', '取消预约').count()).toBe(0);

    const stored = await bookingsOf({ bookedBy: VILLAGER });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ number, itemId: MZ001_ID, status: 'cancelled', applicantName: '王秀英' });
    expect(await kit.host.store.find('bookings')).toHaveLength(1);
  }, TEST_TIMEOUT);

  test('an agent books for an authorised resident and is refused for an unauthorised one', async () => {
    await freshStart();
    await chooseRole(AGENT, '李建国');
    await openBookingPage();

    await see('.title', '第一步:选择代办的群众');
    const zhang = await see('.choice', '张桂英');
    await expect(zhang.textContent()).resolves.toContain('授权有效');
    const liu = await see('.choice', '刘福生');
    await expect(liu.textContent()).resolves.toContain('授权已过期');

    // An expired authorisation: a courteous refusal that says why, and nothing chosen or booked.
    await liu.click();
    const refusal = await see('.card.error', '授权');
    const said = (await refusal.textContent()) ?? '';
    expect(said).toContain('刘福生');
    expect(said).toContain('请');
    expect(await shown('.choice--on').count()).toBe(0);
    expect(await bookingsOf({ bookedBy: AGENT })).toHaveLength(0);

    await zhang.click();
    await see('.choice--on', '张桂英');
    const slot = await pickFirstFreeSlot();
    const number = await confirmBooking(slot);
    await see('.guide-facts', '办事人:张桂英');
    await see('.guide-facts', '由村代办员代为预约');

    const stored = await bookingsOf({ agentId: AGENT });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ number, residentId: 'res-baisha-zhanggy', agentId: AGENT, status: 'booked', applicantName: '张桂英' });
  }, TEST_TIMEOUT);

  test('staff check a villager in and become the first-ask person', async () => {
    const host = kit.host;
    // A booking for the server's today. When today has no free slot left (evening, weekend,
    // holiday), the server's clock moves to 09:00 of the next working day; the browser keeps
    // real time, so the clerk picks the date on the board as they would.
    type Day = { date: string; slots: Array<{ start: string; left: number }> };
    const freeSlotToday = async (token: string) => {
      const r = await host.call('booking', { action: 'options', input: { itemId: MZ001_ID } }, token);
      expect(r.status).toBe(200);
      const days = (r.body.data as { days: Day[] }).days;
      const today = shanghaiDate(host.clock.now());
      return days.find((d) => d.date === today)?.slots.find((s) => s.left > 0) ?? null;
    };
    let token = await host.login(VILLAGER);
    let slot = await freeSlotToday(token);
    if (!slot) {
      const next = new WorkCalendar(OFFICIAL_SCHEDULE).nextWorkingDays(addDays(shanghaiDate(host.clock.now()), 1), 1)[0]!;
      host.clock.set(shanghaiInstant(next, '09:00'));
      token = await host.login(VILLAGER);
      slot = await freeSlotToday(token);
    }
    expect(slot).not.toBeNull();
    const date = shanghaiDate(host.clock.now());
    const made = await host.call('booking', { action: 'create', input: { itemId: MZ001_ID, date, start: slot!.start }, requestId: 'e2e-check-in' }, token);
    expect(made.status).toBe(200);
    const booking = (made.body.data as { booking: { id: string; number: string } }).booking;

    await freshStart();
    await chooseRole(STAFF_MZ, '陈丽');
    await openMe();
    await (await see('.nav-row', '今日预约(窗口接待)')).click();
    await see('.field__input', `窗口:${WINDOW_NAME}`);
    await pickDate(await see('.field__input', /日期:/), date);
    await see('.field__input', `日期:${dateLabel(date)}`);

    const row = await see('.board-row', booking.number);
    await expect(row.textContent()).resolves.toContain('王秀英');
    await row.locator('.at-button', { hasText: '登记到达' }).click();

    // Arrival opens the case: its page names the clerk as the first-ask person (R-CASE-1).
    await see('.guide-facts', '首问责任人:陈丽');
    await see('.guide-facts', '办事人:王秀英');
    await see('.hero', MZ001.name);

    const stored = await host.store.get('bookings', booking.id);
    expect(stored).toMatchObject({ status: 'arrived', receivedBy: STAFF_MZ, receivedByName: '陈丽' });
    const cases = await host.store.find('cases', { where: { bookingId: booking.id } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ firstAskId: STAFF_MZ, firstAskName: '陈丽', applicantName: '王秀英' });

    // Back on the board, the booking shows as arrived with its receiver.
    await (await see('.back-bar')).click();
    const arrived = await see('.board-row', booking.number);
    await expect(arrived.locator('.muted', { hasText: '首问责任人' }).textContent()).resolves.toContain('陈丽');
    await expect(arrived.locator('.tag').textContent()).resolves.toBe('已到窗口');
  }, TEST_TIMEOUT);
});
