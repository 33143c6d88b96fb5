/**
 * End-to-end: the built H5 app in a real (headless) Chromium against the local host over a
 * seeded temporary store. Each test walks the app the way its user would: by tapping.
 * The launch and the waiting lookups are in ./browser-kit.
 */
import type { Locator } from 'playwright-core';
import { SEED_ITEMS, SEED_WINDOWS } from '../../cloudfunctions/core/seed/catalog-items';
import { browserKit, START_TIMEOUT } from './browser-kit';

const VILLAGER = 'u-baisha-villager';
const ADMIN = 'u-baisha-admin';
const itemId = (code: string) => `item-baisha-${code.toLowerCase()}`;

const kit = browserKit();
const { see, freshStart, chooseRole, goHome, fieldInput, formLoaded } = kit;

beforeAll(() => kit.start(), START_TIMEOUT);
afterAll(() => kit.stop());

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

    const input = await see('.search-box input');
    await input.click();
    await input.fill('低保');
    await (await see('.search-box__go', '搜索')).click();

    await see('.title', '“低保”的查找结果');
    await (await see('.item-row', seed.name)).click();

    await see('.guide-name', seed.name);
    const guide = kit.pageWith('.guide-name');
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
    const store = kit.host.store;
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
