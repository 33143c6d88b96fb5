/**
 * What the browser tests share: the built H5 app served by an in-process test host over a
 * seeded temporary store, Debian's Chromium in a fresh profile, and lookups that wait only for
 * visible elements. Each test file makes its own kit (its own host, store and browser).
 *
 * Needs Debian's Chromium at /usr/bin/chromium (`apt-get install -y chromium`); a suite using
 * the kit fails, never skips, when it is missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dateLabel } from '../../shared/domain/time';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ensureH5Build, H5_DIR } from '../../scripts/h5-build';
import { WorkCalendar } from '../../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../../shared/domain/official-calendar';
import { addDays, shanghaiDate, shanghaiInstant } from '../../shared/domain/time';
import { startTestHost, type TestHost } from '../helpers/host';

export const CHROMIUM = '/usr/bin/chromium';
export const WAIT = 20_000;
export const CENTER_NAME = '白沙镇便民服务中心';
/** Generous: the first run (or one after a source change) builds the H5 app, ~40 s. */
export const START_TIMEOUT = 240_000;

const LOCK = path.join(path.dirname(H5_DIR), '.h5-build.lock');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * ensureH5Build under a lock: jest runs the browser test files in parallel workers, and two
 * builds writing the same output folder at once would leave it broken. The second worker waits,
 * then finds the build fresh. A lock left by a process that died is taken over.
 */
async function buildH5Locked(): Promise<void> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + START_TIMEOUT;
  for (;;) {
    try {
      fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(LOCK, 'utf8').trim());
      if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
        fs.rmSync(LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Waited too long for the H5 build held by process ${holder} (${LOCK}).`);
      await new Promise((r) => setTimeout(r, 250)); // polling another process's lock, not the page
    }
  }
  try {
    ensureH5Build();
  } finally {
    fs.rmSync(LOCK, { force: true });
  }
}

/** A booking made through the API for the server's today (see bookOnServerToday). */
export interface ServerTodayBooking {
  date: string;
  start: string;
  booking: { id: string; number: string };
}

/**
 * Books `itemId` as `userId` through the API, for a slot of the server's today. When today has
 * no free slot left (evening, weekend, holiday), the server's clock moves to 09:00 Shanghai of
 * the next working day and that day is booked; the browser keeps real time, so a clerk then
 * picks the date on the day board as they would (kit.pickDate).
 */
export async function bookOnServerToday(host: TestHost, opts: { userId: string; itemId: string; requestId: string }): Promise<ServerTodayBooking> {
  type Day = { date: string; slots: Array<{ start: string; left: number }> };
  const freeSlotToday = async (token: string) => {
    const r = await host.call('booking', { action: 'options', input: { itemId: opts.itemId } }, token);
    expect(r.status).toBe(200);
    const days = (r.body.data as { days: Day[] }).days;
    const today = shanghaiDate(host.clock.now());
    return days.find((d) => d.date === today)?.slots.find((s) => s.left > 0) ?? null;
  };
  let token = await host.login(opts.userId);
  let slot = await freeSlotToday(token);
  if (!slot) {
    const next = new WorkCalendar(OFFICIAL_SCHEDULE).nextWorkingDays(addDays(shanghaiDate(host.clock.now()), 1), 1)[0]!;
    host.clock.set(shanghaiInstant(next, '09:00'));
    token = await host.login(opts.userId);
    slot = await freeSlotToday(token);
  }
  expect(slot).not.toBeNull();
  const date = shanghaiDate(host.clock.now());
  const made = await host.call('booking', { action: 'create', input: { itemId: opts.itemId, date, start: slot!.start }, requestId: opts.requestId }, token);
  expect(made.status).toBe(200);
  const booking = (made.body.data as { booking: { id: string; number: string } }).booking;
  return { date, start: slot!.start, booking };
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
   * Sets the date on a page's date picker (Taro H5's wheel picker) by dragging each column
   * (year, month, day) the way a thumb would, then taps 确定.
   */
  pickDate(field: Locator, date: string): Promise<void>;
  /**
   * As the staff member already signed in: 我的 → 今日预约 → `date` → the booking's row →
   * 登记到达, which opens the new case; returns the row's text before the tap.
   */
  checkInOnBoard(windowName: string, date: string, bookingNumber: string): Promise<string>;
}

export function browserKit(): BrowserKit {
  let testHost: TestHost | undefined;
  let context: BrowserContext | undefined;
  let profileDir: string | undefined;
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
    const l = shown(selector, text);
    await l.waitFor({ state: 'visible', timeout: WAIT });
    return l;
  };

  const pageWith = (selector: string): Locator =>
    page().locator('.taro_page').filter({ has: page().locator(selector) }).filter({ visible: true }).first();

  const goHome = async (): Promise<void> => {
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
      await buildH5Locked();
      if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
        throw new Error(
          `The H5 build in ${H5_DIR} has no index.html, so the app cannot be opened: Taro emits index.html only from the page template client/src/index.html, which is missing.`,
        );
      }
      testHost = await startTestHost({ staticDir: H5_DIR });
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
    },

    async stop() {
      await context?.close();
      await testHost?.close();
      if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
    },

    async freshStart() {
      if (!context) throw new Error('The browser is not started: call start() in beforeAll.');
      for (const p of context.pages()) await p.close();
      current = await context.newPage();
      await current.goto(base());
      await current.evaluate('localStorage.clear()'); // a string: the tests compile without the DOM lib
      await current.goto('about:blank');
      await current.goto(`${base()}#/pages/login/index`);
      await see('.role-choice');
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
          await page().mouse.move(x, y);
          await page().mouse.down();
          await page().mouse.move(x, y - rows * ROW, { steps: 6 });
          await page().mouse.up();
          // The wheel re-renders on an animation frame: check once per frame until it has moved.
          const deadline = Date.now() + WAIT;
          while ((await indexNow()) !== now + rows) {
            if (Date.now() > deadline) throw new Error(`The date picker's column ${col} did not move to row ${now + rows}.`);
            await page().evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
          }
        }
      }
      await picker.locator('.weui-picker__action', { hasText: '确定' }).click();
      await picker.waitFor({ state: 'hidden', timeout: WAIT });
    },

    async checkInOnBoard(windowName, date, bookingNumber) {
      await kit.openMe();
      await (await see('.nav-row', '今日预约(窗口接待)')).click();
      await see('.field__input', `窗口:${windowName}`);
      await kit.pickDate(await see('.field__input', /日期:/), date);
      await see('.field__input', `日期:${dateLabel(date)}`);
      const row = await see('.board-row', bookingNumber);
      const text = (await row.textContent()) ?? '';
      await row.locator('.at-button', { hasText: '登记到达' }).click();
      return text;
    },
  };
  return kit;
}
