/**
 * End-to-end: the built H5 app in a real (headless) Chromium against the local host over a
 * seeded temporary store. Each test walks the app the way its user would: by tapping.
 *
 * Needs Debian's Chromium at /usr/bin/chromium (`apt-get install -y chromium`); the suite fails,
 * never skips, when it is missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ensureH5Build, H5_DIR } from '../../scripts/h5-build';
import { SEED_ITEMS, SEED_WINDOWS } from '../../cloudfunctions/core/seed/catalog-items';
import { startTestHost, type TestHost } from '../helpers/host';

const CHROMIUM = '/usr/bin/chromium';
const WAIT = 20_000;

const VILLAGER = 'u-baisha-villager';
const ADMIN = 'u-baisha-admin';
const CENTER_NAME = '白沙镇便民服务中心';
const itemId = (code: string) => `item-baisha-${code.toLowerCase()}`;

let testHost: TestHost | undefined;
let context: BrowserContext | undefined;
let profileDir: string | undefined;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the browser tests need it. Install it with \`apt-get install -y chromium\` (never \`npx playwright install\`).`,
    );
  }
  ensureH5Build();
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
}, 240_000);

afterAll(async () => {
  await context?.close();
  await testHost?.close();
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

const base = () => `${testHost!.host.url}/`;

/**
 * Taro keeps earlier pages in the DOM (hidden) and page transitions show a blank frame, so every
 * lookup takes only visible elements and every step waits for its target, never a fixed time.
 */
const shown = (selector: string, text?: string | RegExp): Locator =>
  page.locator(selector, text === undefined ? {} : { hasText: text }).filter({ visible: true }).first();

async function see(selector: string, text?: string | RegExp): Promise<Locator> {
  const l = shown(selector, text);
  await l.waitFor({ state: 'visible', timeout: WAIT });
  return l;
}

/** A fresh tab with empty storage, on the role picker. */
async function freshStart(): Promise<void> {
  for (const p of context!.pages()) await p.close();
  page = await context!.newPage();
  await page.goto(base());
  await page.evaluate('localStorage.clear()'); // a string: the tests compile without the DOM lib
  await page.goto('about:blank');
  await page.goto(`${base()}#/pages/login/index`);
  await see('.role-choice');
}

/** The input of the form field labelled exactly `label`, once the field is on screen. */
async function fieldInput(label: string): Promise<Locator> {
  const field = page
    .locator('.field')
    .filter({ has: page.locator('.field__label', { hasText: new RegExp(`^${label}$`) }) })
    .filter({ visible: true })
    .first();
  await field.waitFor({ state: 'visible', timeout: WAIT });
  return field.locator('input');
}

/** Waits until the edit form has loaded the item (some input shows `value`). */
async function formLoaded(value: string): Promise<void> {
  await page.waitForFunction(
    `Array.from(document.querySelectorAll('.field input')).some((i) => i.value === ${JSON.stringify(value)})`,
    undefined,
    { timeout: WAIT },
  );
}

async function chooseRole(userId: string, name: string): Promise<void> {
  const row = await see(`.role-choice[data-user="${userId}"]`);
  await expect(row.textContent()).resolves.toContain(name);
  await row.click();
  await see('.home-head .hero', CENTER_NAME);
}

async function goHome(): Promise<void> {
  // A direct navigation, not a tap: it resets the page stack.
  await page.goto('about:blank');
  await page.goto(`${base()}#/pages/index/index`);
  await see('.home-head .hero', CENTER_NAME);
  await see('.window-row');
}

/** The materials section's title, e.g. 申报材料(已备齐 0/5). */
const materialsTitle = (done: number, total: number) => `申报材料(已备齐 ${done}/${total})`;

describe('the H5 app in a browser', () => {
  test('a villager searches for a service, opens its guide and finds its materials', async () => {
    const seed = SEED_ITEMS.find((i) => i.code === 'MZ-001')!;
    const total = seed.materials.length;
    expect(seed.name).toBe('最低生活保障申请');
    expect(total).toBeGreaterThan(1);

    await freshStart();
    await chooseRole(VILLAGER, '王秀英');

    const input = await see('.at-search-bar input');
    await input.click();
    await input.fill('低保');
    await (await see('.at-search-bar__action', '搜索')).click();

    await see('.title', '“低保”的查找结果');
    await (await see('.item-row', seed.name)).click();

    await see('.guide-name', seed.name);
    const guide = page.locator('.taro_page').filter({ has: page.locator('.guide-name') }).filter({ visible: true }).first();
    await see('.title', materialsTitle(0, total));
    const guideText = (await guide.textContent()) ?? '';
    for (const m of seed.materials) expect(guideText).toContain(m.name);
    for (const section of ['申报条件', '办事程序', '政策依据']) await see('.title', new RegExp(`^${section}$`));

    await (await see('.material', seed.materials[0]!.name)).click();
    await see('.title', materialsTitle(1, total));
    await see('.material--done', seed.materials[0]!.name);
  });

  test('any seeded guide is at most three taps from home', async () => {
    await freshStart();
    await chooseRole(VILLAGER, '王秀英');

    for (const w of SEED_WINDOWS) {
      const items = SEED_ITEMS.filter((i) => i.window === w.code);
      expect(items.length).toBeGreaterThan(0);
      const item = items[items.length - 1]!; // the last of the window's list: the farthest down
      let taps = 0;
      const tap = async (l: Locator) => {
        taps += 1;
        await l.click();
      };

      await goHome();
      await tap(await see('.window-row', w.name));
      await see('.card .hero', w.name);
      await tap(await see('.item-row', item.name));
      await see('.guide-name', item.name);
      await see('.title', /申报材料/);

      // The window and item are in the message when this fails.
      expect({ window: w.name, item: item.name, withinThreeTaps: taps <= 3, taps }).toMatchObject({ withinThreeTaps: true });
    }
  });

  test('an admin edits an item through the app', async () => {
    const store = testHost!.store;
    const renamed = SEED_ITEMS.find((i) => i.code === 'MZ-002')!;
    const guarded = SEED_ITEMS.find((i) => i.code === 'RS-001')!;
    const newName = `${renamed.name}(测试修改)`;

    await freshStart();
    await chooseRole(ADMIN, '赵磊');

    // 我的 → 事项目录维护 → the item.
    await (await see('.home-head .link')).click();
    await (await see('.row', '事项目录维护')).click();
    await (await see('.row', renamed.name)).click();

    const input = await fieldInput('事项名称');
    await formLoaded(renamed.name);
    expect(await input.inputValue()).toBe(renamed.name);
    await input.fill(newName);
    await (await see('.at-button--primary', '保存')).click();

    // Back on the list, the new name shows; the store has it too.
    await see('.row', newName);
    await see('.at-button--primary', '新增事项');
    expect((await store.get('items', itemId(renamed.code)))?.name).toBe(newName);

    // A catch-all material is refused courteously and nothing is saved.
    const before = await store.get('items', itemId(guarded.code));
    expect(before).not.toBeNull();
    await (await see('.row', guarded.name)).click();
    const material = await fieldInput('材料1名称');
    await formLoaded(guarded.materials[0]!.name);
    expect(await material.inputValue()).toBe(guarded.materials[0]!.name);
    await material.fill('其他材料');
    await (await see('.at-button--primary', '保存')).click();

    await see('.field__error', /兜底/);
    await see('.card.error');
    await see('.field__label', '材料1名称'); // still on the edit page
    expect(await store.get('items', itemId(guarded.code))).toEqual(before);
  });
});
