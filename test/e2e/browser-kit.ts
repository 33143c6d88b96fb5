/**
 * What the browser tests share: the built H5 app served by an in-process test host over a
 * seeded temporary store, Debian's Chromium in a fresh profile, and lookups that wait only for
 * visible elements. Each test file makes its own kit (its own host, store and browser), or one
 * per instant (FLOW_INSTANTS). The server's clock and the browser's stand at the same fixed
 * instant, so no test depends on the day or hour it runs (issue 8).
 *
 * Needs Debian's Chromium at /usr/bin/chromium (`apt-get install -y chromium`); a suite using
 * the kit fails, never skips, when it is missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ensureH5Build, H5_DIR } from '../../scripts/h5-build';
import { dateLabel, shanghaiDate, shanghaiInstant } from '../../shared/domain/time';
import { withFileLock } from '../helpers/file-lock';
import { startTestHost, type TestHost } from '../helpers/host';
import { TEST_NOW } from '../helpers/temp';

export const CHROMIUM = '/usr/bin/chromium';
export const WAIT = 20_000;
export const CENTER_NAME = '白沙镇便民服务中心';
/** Generous: the first run (or one after a source change) builds the H5 app, ~40 s. */
export const START_TIMEOUT = 240_000;

const LOCK = path.join(path.dirname(H5_DIR), '.h5-build.lock');

/**
 * ensureH5Build under a lock: jest runs the browser test files in parallel workers, and two
 * builds writing the same output folder at once would leave it broken. The second worker waits,
 * then finds the build fresh. A lock left by a process that died is taken over. Still under the
 * lock, the build is copied to a folder of this kit's own, which it serves: a later rebuild (a
 * source changed meanwhile) never rewrites the files under a running test.
 */
async function buildH5Locked(): Promise<string> {
  return withFileLock(LOCK, START_TIMEOUT, () => {
    ensureH5Build();
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-h5-'));
    fs.cpSync(H5_DIR, copy, { recursive: true });
    return copy;
  });
}

/**
 * The instants the date-sensitive flows run at (issue 8): whatever day the machine's clock shows,
 * the server and the browser both stand at `now`. `firstDay` is the first day the villager is
 * offered (R-BOOK-1): today while a slot is left, else the next working day.
 */
export interface FlowInstant {
  name: string;
  now: string;
  firstDay: string;
}

export const FLOW_INSTANTS: readonly FlowInstant[] = [
  { name: "a month's last working day (Mon 2026-11-30 10:00)", now: '2026-11-30T10:00:00+08:00', firstDay: '2026-11-30' },
  // chinese-days does not know 2027 yet, so 2026's Spring Festival: 除夕 is 02-16, the holiday runs
  // 02-15..02-23, and its last working day before is Saturday 02-14, an adjusted working day (调休).
  { name: 'the last working day before Spring Festival (Sat 2026-02-14 10:00, 调休上班)', now: '2026-02-14T10:00:00+08:00', firstDay: '2026-02-14' },
  // After 17:00 on a Friday no slot is left today: the first day offered is Monday.
  { name: 'a Friday after 17:00 (Fri 2026-11-27 18:30)', now: '2026-11-27T18:30:00+08:00', firstDay: '2026-11-30' },
  { name: '31 December (Thu 2026-12-31 10:00)', now: '2026-12-31T10:00:00+08:00', firstDay: '2026-12-31' },
];

/** A booking made through the API (see bookFirstFreeSlot). */
export interface ApiBooking {
  date: string;
  start: string;
  booking: { id: string; number: string };
}

/**
 * Books `itemId` as `userId` through the API, in the first free slot of the first day the server
 * offers (today while a slot is left, else the next working day). The clock is not moved.
 */
export async function bookFirstFreeSlot(host: TestHost, opts: { userId: string; itemId: string; requestId: string }): Promise<ApiBooking> {
  type Day = { date: string; slots: Array<{ start: string; left: number }> };
  const token = await host.login(opts.userId);
  const r = await host.call('booking', { action: 'options', input: { itemId: opts.itemId } }, token);
  expect(r.status).toBe(200);
  const day = (r.body.data as { days: Day[] }).days[0];
  const slot = day?.slots.find((s) => s.left > 0);
  expect({ day: day?.date, slot: slot?.start ?? null }).toEqual({ day: expect.any(String), slot: expect.any(String) });
  const made = await host.call('booking', { action: 'create', input: { itemId: opts.itemId, date: day!.date, start: slot!.start }, requestId: opts.requestId }, token);
  expect(made.status).toBe(200);
  const booking = (made.body.data as { booking: { id: string; number: string } }).booking;
  return { date: day!.date, start: slot!.start, booking };
}

/** The little of the DOM the in-page functions below use (the tests compile without the DOM lib). */
interface DomRect {
  left: number;
  top: number;
  width: number;
  height: number;
}
interface DomElement {
  getBoundingClientRect(): DomRect;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getAnimations(): Array<{ finished: Promise<unknown> }>;
  textContent: string | null;
}

/** A row of a picker column as a person sees it: its text and where it is on screen. */
interface WheelRow {
  text: string;
  x: number;
  y: number;
}
interface WheelView {
  /** The row in the selection band. */
  chosen: WheelRow | null;
  /** The rows inside the column's visible box, top to bottom. */
  rows: WheelRow[];
}

/** Waits until the column's wheel has stopped (its transition finished), then reads it. */
async function readWheel(group: Locator): Promise<WheelView> {
  return group.evaluate(async (node) => {
    const el = node as unknown as DomElement;
    const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): number }).requestAnimationFrame;
    // The wheel re-renders on an animation frame after a gesture, then glides (a CSS transition).
    await new Promise<void>((done) => raf(() => raf(() => done())));
    const content = el.querySelector('.weui-picker__content');
    if (content) await Promise.all(content.getAnimations().map((a) => a.finished.catch(() => null)));
    const box = el.getBoundingClientRect();
    const band = el.querySelector('.weui-picker__indicator')?.getBoundingClientRect();
    const bandY = band ? band.top + band.height / 2 : box.top + box.height / 2;
    const rows: WheelRow[] = [];
    let chosen: WheelRow | null = null;
    for (const item of Array.from(el.querySelectorAll('.weui-picker__item'))) {
      const r = item.getBoundingClientRect();
      const row = { text: (item.textContent ?? '').trim(), x: r.left + r.width / 2, y: r.top + r.height / 2 };
      if (r.top <= bandY && bandY < r.top + r.height) chosen = row;
      if (r.top >= box.top - 1 && r.top + r.height <= box.top + box.height + 1) rows.push(row);
    }
    return { chosen, rows };
  });
}

export interface BrowserKit {
  /** The test host; only after start(). */
  readonly host: TestHost;
  /** The current tab; only after freshStart(). */
  readonly page: Page;
  start(): Promise<void>;
  stop(): Promise<void>;
  base(): string;
  /** The first visible element matching, without waiting. */
  shown(selector: string, text?: string | RegExp): Locator;
  /** Waits for the first visible element matching and returns it. */
  see(selector: string, text?: string | RegExp): Promise<Locator>;
  /** The visible page (Taro keeps earlier pages hidden in the DOM) that contains `selector`. */
  pageWith(selector: string): Locator;
  /** A fresh tab with empty storage, on the role picker. */
  freshStart(): Promise<void>;
  /**
   * A picture of the whole visible page, once its slide-in has finished, to `file` (for a person
   * to look at; nothing reads it). The H5 page scrolls inside its own box, so the viewport is
   * stretched to the page's height for the picture, then restored.
   */
  screenshot(file: string): Promise<void>;
  chooseRole(userId: string, name: string): Promise<void>;
  goHome(): Promise<void>;
  /** Home → 我的. */
  openMe(): Promise<void>;
  /** The input of the form field labelled exactly `label`, once the field is on screen. */
  fieldInput(label: string): Promise<Locator>;
  /** Waits until the edit form has loaded the item (some input shows `value`). */
  formLoaded(value: string): Promise<void>;
  /** Home → 我的 → 切换演示身份 → the role picker → `name`: back on home as them. */
  switchRole(userId: string, name: string): Promise<void>;
  /**
   * Sets the date on a page's date picker (Taro H5's wheel picker) by what a person sees: in
   * each column (year, month, day) it taps the wanted number when it is on screen, else drags the
   * outermost row towards it into the selection band, until the band shows it; then taps 确定.
   */
  pickDate(field: Locator, date: string): Promise<void>;
  /**
   * Chooses `date` on a page's date chips named `label` (issue 11) by accessible names only: the
   * chip whose name begins with the written-out date, else 其他日期 → the month grid, 上个月/下个月
   * until that day is shown, then the day. Waits until the page says the date is chosen.
   */
  chooseDate(label: string, date: string): Promise<void>;
  /**
   * As `clerk`, already signed in: 我的 → 今日预约 (which opens on the server's today) →
   * the booking's row → 登记到达, which opens the new case; returns the row's text before the tap.
   * A booking of a later day is first picked on the board and refused (arrival is registered on
   * its day, nothing changes); then the clock moves to the slot's start and the clerk checks in.
   */
  checkInOnBoard(windowName: string, made: ApiBooking, clerk: { userId: string; name: string }): Promise<string>;
}

/**
 * `now`: the instant the server's clock and every tab's clock stand at (default TEST_NOW). When a
 * test moves the server's clock (host.clock.set/advance), the browser's follows before the next
 * lookup; nothing reads the machine's clock.
 */
export function browserKit(opts: { now?: string | Date } = {}): BrowserKit {
  let testHost: TestHost | undefined;
  /** The browser's clock catching up with the server's (see start()). */
  let clockSync: Promise<void> = Promise.resolve();
  let context: BrowserContext | undefined;
  let profileDir: string | undefined;
  /** This kit's copy of the H5 build. */
  let staticDir: string | undefined;
  let current: Page | undefined;

  const page = (): Page => {
    if (!current) throw new Error('No tab yet: call freshStart() first.');
    return current;
  };
  const base = () => {
    if (!testHost) throw new Error('The test host is not started: call start() in beforeAll.');
    return `${testHost.host.url}/`;
  };

  /**
   * Taro keeps earlier pages in the DOM (hidden) and page transitions show a blank frame, so every
   * lookup takes only visible elements and every step waits for its target, never a fixed time.
   */
  const shown = (selector: string, text?: string | RegExp): Locator =>
    page().locator(selector, text === undefined ? {} : { hasText: text }).filter({ visible: true }).first();

  const see = async (selector: string, text?: string | RegExp): Promise<Locator> => {
    await clockSync;
    const l = shown(selector, text);
    await l.waitFor({ state: 'visible', timeout: WAIT });
    return l;
  };

  const pageWith = (selector: string): Locator =>
    page().locator('.taro_page').filter({ has: page().locator(selector) }).filter({ visible: true }).first();

  const goHome = async (): Promise<void> => {
    await clockSync;
    // A direct navigation, not a tap: it resets the page stack.
    await page().goto('about:blank');
    await page().goto(`${base()}#/pages/index/index`);
    await see('.home-head .hero', CENTER_NAME);
    await see('.window-row');
  };

  const kit: BrowserKit = {
    get host() {
      if (!testHost) throw new Error('The test host is not started: call start() in beforeAll.');
      return testHost;
    },
    get page() {
      return page();
    },
    base,
    shown,
    see,
    pageWith,
    goHome,

    async start() {
      if (!fs.existsSync(CHROMIUM)) {
        throw new Error(
          `Chromium not found at ${CHROMIUM}: the browser tests need it. Install it with \`apt-get install -y chromium\` (never \`npx playwright install\`).`,
        );
      }
      staticDir = await buildH5Locked();
      if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
        throw new Error(
          `The H5 build in ${H5_DIR} has no index.html, so the app cannot be opened: Taro emits index.html only from the page template client/src/index.html, which is missing.`,
        );
      }
      const now = new Date(opts.now ?? TEST_NOW);
      testHost = await startTestHost({ staticDir, now });
      profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-chromium-'));
      // A persistent context is how Playwright takes a user-data dir: a fresh temporary profile.
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 390, height: 844 },
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      context.setDefaultTimeout(WAIT);
      // Every tab of the context shows the server's time: Date is fixed at it (timers still run, so
      // the app's own waits and animations work), and follows each move of the server's clock.
      const clock = context.clock;
      await clock.install({ time: now });
      await clock.setFixedTime(now);
      testHost.clock.onMove((t) => {
        clockSync = clockSync.then(() => clock.setFixedTime(t));
      });
    },

    async stop() {
      await context?.close();
      await testHost?.close();
      if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
      if (staticDir) fs.rmSync(staticDir, { recursive: true, force: true });
    },

    async freshStart() {
      if (!context) throw new Error('The browser is not started: call start() in beforeAll.');
      await clockSync;
      for (const p of context.pages()) await p.close();
      current = await context.newPage();
      await current.goto(base());
      await current.evaluate('localStorage.clear()'); // a string: the tests compile without the DOM lib
      await current.goto('about:blank');
      await current.goto(`${base()}#/pages/login/index`);
      await see('.role-choice');
    },

    async screenshot(file) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await page().evaluate('Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))');
      const height = (await page().evaluate(
        'Math.max(0, ...Array.from(document.querySelectorAll(".taro_page")).filter((e) => e.getBoundingClientRect().width > 0 && getComputedStyle(e).display !== "none").map((e) => e.scrollHeight))',
      )) as number;
      const size = page().viewportSize() ?? { width: 390, height: 844 };
      await page().setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 6000) });
      await page().screenshot({ path: file });
      await page().setViewportSize(size);
    },

    async chooseRole(userId, name) {
      const row = await see(`.role-choice[data-user="${userId}"]`);
      await expect(row.textContent()).resolves.toContain(name);
      await row.click();
      await see('.home-head .hero', CENTER_NAME);
    },

    async openMe() {
      await (await see('.home-head .link')).click();
      await see('.title', '显示设置');
    },

    async fieldInput(label) {
      const field = page()
        .locator('.field')
        .filter({ has: page().locator('.field__label', { hasText: new RegExp(`^${label}$`) }) })
        .filter({ visible: true })
        .first();
      await field.waitFor({ state: 'visible', timeout: WAIT });
      return field.locator('input');
    },

    async formLoaded(value) {
      await page().waitForFunction(
        `Array.from(document.querySelectorAll('.field input')).some((i) => i.value === ${JSON.stringify(value)})`,
        undefined,
        { timeout: WAIT },
      );
    },

    async switchRole(userId, name) {
      await goHome();
      await (await see('.home-head .link')).click();
      await see('.title', '显示设置');
      await (await see('.at-button', '切换演示身份')).click();
      await see('.role-choice');
      const row = await see(`.role-choice[data-user="${userId}"]`);
      await expect(row.textContent()).resolves.toContain(name);
      await row.click();
      await see('.home-head .hero', CENTER_NAME);
    },

    async pickDate(field, date) {
      await field.click();
      const picker = await see('.weui-picker');
      const wanted = date.split('-').map(Number);
      const numberOf = (row: WheelRow | null) => (row ? Number(row.text.replace(/\D/g, '')) : Number.NaN);
      for (let col = 0; col < 3; col += 1) {
        const group = picker.locator('.weui-picker__group').nth(col);
        const want = wanted[col]!;
        for (let gesture = 0; ; gesture += 1) {
          const wheel = await readWheel(group);
          const chosen = wheel.chosen;
          if (numberOf(chosen) === want) break;
          if (!chosen || wheel.rows.length === 0 || gesture >= 30) {
            const seen = wheel.rows.map((r) => r.text).join(' ');
            throw new Error(`The date picker's column ${col} shows ${chosen?.text ?? 'nothing'} in its band, not ${want}, after ${gesture} gestures (rows on screen: ${seen}).`);
          }
          const target = wheel.rows.find((r) => numberOf(r) === want);
          if (target) {
            // On screen: a tap brings it into the band, as a thumb would.
            await page().mouse.click(target.x, target.y);
            continue;
          }
          // Off screen: drag the outermost row on that side into the band (every column counts up).
          const edge = want > numberOf(chosen) ? wheel.rows[wheel.rows.length - 1]! : wheel.rows[0]!;
          await page().mouse.move(edge.x, edge.y);
          await page().mouse.down();
          await page().mouse.move(edge.x, chosen.y, { steps: 6 });
          await page().mouse.up();
        }
      }
      await picker.locator('.weui-picker__action', { hasText: '确定' }).click();
      await picker.waitFor({ state: 'hidden', timeout: WAIT });
    },

    async chooseDate(label, date) {
      await clockSync;
      const p = page();
      const chips = p.getByRole('radiogroup', { name: label, exact: true });
      await chips.waitFor({ state: 'visible', timeout: WAIT });
      const day = dateLabel(date);
      const chip = chips.getByRole('radio', { name: new RegExp(`^${day}`) });
      if ((await chip.count()) > 0) {
        await chip.click();
      } else {
        await chips.getByRole('radio', { name: /^其他日期/ }).click();
        const want = date.slice(0, 7);
        for (let turn = 0; ; turn += 1) {
          const grid = p.getByRole('radiogroup', { name: new RegExp(`^${label},\\d{4}年\\d{1,2}月$`) });
          await grid.waitFor({ state: 'visible', timeout: WAIT });
          const cell = grid.getByRole('radio', { name: new RegExp(`^${day}`) });
          if ((await cell.count()) > 0) {
            await cell.click();
            break;
          }
          const [y, m] = ((await grid.getAttribute('aria-label')) ?? '').replace(/^.*,/, '').match(/\d+/g)!.map(Number) as [number, number];
          const shown = `${y}-${String(m).padStart(2, '0')}`;
          if (turn >= 36) throw new Error(`The month grid of ${label} shows ${shown}, not ${want}, after ${turn} turns.`);
          await p.getByRole('button', { name: want > shown ? /^下月,/ : /^上月,/ }).click();
          await p.getByRole('radiogroup', { name: new RegExp(`^${label},${y}年${m}月$`) }).waitFor({ state: 'detached', timeout: WAIT });
        }
      }
      await see('.chips__chosen', `${label}:${day}`);
    },

    async checkInOnBoard(windowName, made, clerk) {
      const host = kit.host;
      const openBoard = async (date: string) => {
        await kit.openMe();
        await (await see('.nav-row', '今日预约(窗口接待)')).click();
        await see('.chips__chosen', `窗口:${windowName}`);
        // The board opens on the server's today: the browser's clock is the server's.
        await see('.chips__chosen', `日期:${dateLabel(date)}`);
      };
      const today = shanghaiDate(host.clock.now());
      await openBoard(today);
      if (made.date !== today) {
        // A booking of a later day: the clerk finds it on that day's board, but arrival is
        // registered on the booking's own day (R-CASE-1); the refusal says so and changes nothing.
        expect(made.date > today).toBe(true);
        await kit.chooseDate('日期', made.date);
        const early = await see('.board-row', made.booking.number);
        await early.locator('.at-button', { hasText: '登记到达' }).click();
        await see('.card', `该预约是${dateLabel(made.date)}的,今天不能登记到达`);
        expect(await host.store.get('bookings', made.booking.id)).toMatchObject({ status: 'booked' });
        expect(await host.store.find('cases', { where: { bookingId: made.booking.id } })).toHaveLength(0);
        // The day comes: at the slot's start the clerk signs in again (a sign-in lasts 12 hours)
        // and opens the board, on that day.
        host.clock.set(shanghaiInstant(made.date, made.start));
        await kit.freshStart();
        await kit.chooseRole(clerk.userId, clerk.name);
        await openBoard(made.date);
      }
      const row = await see('.board-row', made.booking.number);
      const text = (await row.textContent()) ?? '';
      await row.locator('.at-button', { hasText: '登记到达' }).click();
      return text;
    },
  };
  return kit;
}
