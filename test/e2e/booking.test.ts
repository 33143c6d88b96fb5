/**
 * End-to-end booking in the built H5 app (R-BOOK-1..4, R-CASE-1): a villager books and
 * cancels, an agent books only for a resident whose authorisation is in force, and a clerk
 * checks a villager in. Each step is a tap on a visible element; the store is checked too.
 * The flows depend on the day, so they run at each of FLOW_INSTANTS (a month's last working day,
 * the eve of Spring Festival, a Friday evening, 31 December), the server and the browser both
 * standing at that instant; one host and browser per instant. The launch and the waiting lookups
 * are in ./browser-kit.
 */
import { SEED_ITEMS } from '../../cloudfunctions/core/seed/catalog-items';
import { addDays, dateLabel, dayLabel, shanghaiDate, shanghaiTime } from '../../shared/domain/time';
import { bookFirstFreeSlot, browserKit, FLOW_INSTANTS, START_TIMEOUT, type BrowserKit } from './browser-kit';

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

/** Home → search 低保 → the guide of MZ-001 → 预约办理: the booking page. */
async function openBookingPage({ see }: BrowserKit): Promise<void> {
  const input = await see('.search-box input');
  await input.click();
  await input.fill('低保');
  await (await see('.search-box__go', '搜索')).click();
  await (await see('.item-row', MZ001.name)).click();
  await see('.guide-name', MZ001.name);
  await (await see('.at-button--primary', '预约办理')).click();
  await see('.hero', MZ001.name);
  await see('.day-tab--on');
}

/** Picks the first slot with places left on the first listed day, `firstDay`; returns its start time. */
async function pickFirstFreeSlot({ see }: BrowserKit, firstDay: string): Promise<{ start: string; day: string }> {
  const firstTab = await see('.day-tab');
  // R-BOOK-1: today while a slot is left, else the next working day. The chip says 今天 / 明天 /
  // 下周一 over the short date; the full date is there for a screen reader (issue 11).
  expect(await firstTab.textContent()).toContain(dateLabel(firstDay));
  const day = dayLabel(firstDay);
  await firstTab.click();
  expect(await (await see('.day-tab--on')).textContent()).toContain(dateLabel(firstDay));
  const slot = await see('.slot:not(.slot--full)');
  const start = (((await slot.textContent()) ?? '').match(/\d{2}:\d{2}/) ?? [''])[0];
  expect(start).toMatch(/^\d{2}:\d{2}$/);
  await slot.click();
  await see('.slot--on', start);
  return { start, day };
}

/** Taps 确认预约 and waits for the booking page; returns the booking number shown. */
async function confirmBooking({ see }: BrowserKit, slot: { start: string; day: string }): Promise<string> {
  await (await see('.at-button--primary', `确认预约 ${slot.day} ${slot.start}`)).click();
  await see('.card.success', '预约成功');
  const number = ((await (await see('.booking-number')).textContent()) ?? '').trim();
  expect(number).toMatch(BOOKING_NUMBER);
  return number;
}

describe.each(FLOW_INSTANTS)('booking in the H5 app at $name', (instant) => {
  const kit = browserKit({ now: instant.now });
  const { see, shown, freshStart, chooseRole, goHome, openMe } = kit;

  beforeAll(() => kit.start(), START_TIMEOUT);
  afterAll(() => kit.stop());

  const bookingsOf = (where: Record<string, string>) => kit.host.store.find('bookings', { where });

  test('a villager books, sees the booking, cancels', async () => {
    expect(MZ001.name).toBe('最低生活保障申请');
    await freshStart();
    await chooseRole(VILLAGER, '王秀英');
    // The host runs on a clock of its own: every page says so, with its time (issue 8.2).
    await see('.demo-clock', `演示时间:${dateLabel(shanghaiDate(new Date(instant.now)))} ${shanghaiTime(new Date(instant.now))}(非真实时间)`);
    await openBookingPage(kit);
    const slot = await pickFirstFreeSlot(kit, instant.firstDay);
    const number = await confirmBooking(kit, slot);

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
    // The app's own large dialog, worded as the act (issue 11).
    await see('.erase-dialog__title', `${slot.start}的预约`);
    await (await see('.erase-dialog .at-button', '确定取消预约')).click();
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
    await openBookingPage(kit);

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
    const slot = await pickFirstFreeSlot(kit, instant.firstDay);
    const number = await confirmBooking(kit, slot);
    await see('.guide-facts', '办事人:张桂英');
    await see('.guide-facts', '由村代办员代为预约');

    const stored = await bookingsOf({ agentId: AGENT });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ number, residentId: 'res-baisha-zhanggy', agentId: AGENT, status: 'booked', applicantName: '张桂英' });
  }, TEST_TIMEOUT);

  test("the day board's date choice reaches any day by its name: the next month's last, then today again", async () => {
    const today = shanghaiDate(new Date(instant.now));
    const [y, m] = today.split('-').map(Number) as [number, number];
    // The next month's last day: the wheel's last rows, and across the year in December.
    const nextMonth = `${m === 12 ? y + 1 : y}-${String((m % 12) + 1).padStart(2, '0')}-01`;
    const target = addDays(`${addDays(nextMonth, 31).slice(0, 7)}-01`, -1);
    await freshStart();
    await chooseRole(STAFF_MZ, '陈丽');
    await openMe();
    await (await see('.nav-row', '今日预约(窗口接待)')).click();
    await see('.chips__chosen', `日期:${dateLabel(today)}`); // the board opens on the server's today
    // Today's chip is named by its full date and checked (issue 11: state, not colour alone).
    await expect(kit.page.getByRole('radio', { name: new RegExp(`^${dateLabel(today)}\\(今天\\)`) }).getAttribute('aria-checked')).resolves.toBe('true');
    await kit.chooseDate('日期', target); // through 其他日期 and the month grid
    await see('.card', '当天该窗口没有预约。');
    await kit.chooseDate('日期', today);
    await see('.chips__chosen', `日期:${dateLabel(today)}`);
  }, TEST_TIMEOUT);

  test('staff check a villager in and become the first-ask person', async () => {
    const host = kit.host;
    // The first free slot offered: today's, or after 17:00 the next working day's, which the
    // clerk can check in only once that day has come (kit.checkInOnBoard).
    const made = await bookFirstFreeSlot(host, { userId: VILLAGER, itemId: MZ001_ID, requestId: 'e2e-check-in' });
    expect(made.date).toBe(instant.firstDay);
    const { booking } = made;

    await freshStart();
    await chooseRole(STAFF_MZ, '陈丽');
    expect(await kit.checkInOnBoard(WINDOW_NAME, made, { userId: STAFF_MZ, name: '陈丽' })).toContain('王秀英');
    expect(shanghaiDate(host.clock.now())).toBe(made.date);

    // Arrival opens the case: its page names the clerk as the first-ask person (R-CASE-1).
    await see('.guide-facts', '首问责任人:陈丽');
    await see('.guide-facts', '办事人:王秀英');
    await see('.hero', MZ001.name);

    const stored = await host.store.get('bookings', booking.id);
    expect(stored).toMatchObject({ status: 'arrived', receivedBy: STAFF_MZ, receivedByName: '陈丽' });
    const cases = await host.store.find('cases', { where: { bookingId: booking.id } });
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ firstAskId: STAFF_MZ, firstAskName: '陈丽', applicantName: '王秀英' });

    // Back on the board, the booking shows as arrived with its receiver. The case page's own back
    // button, by its name: while the case page slides in, the board's hidden one still matches '.back-bar'.
    await kit.pageWith('.guide-facts').getByRole('button', { name: '返回上一页' }).click();
    const arrived = await see('.board-row', booking.number);
    await expect(arrived.locator('.muted', { hasText: '首问责任人' }).textContent()).resolves.toContain('陈丽');
    await expect(arrived.locator('.tag').textContent()).resolves.toBe('已到窗口');
  }, TEST_TIMEOUT);
});
