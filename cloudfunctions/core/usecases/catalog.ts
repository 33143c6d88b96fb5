/** Service catalog use cases (R-CAT-1..3). */
import crypto from 'node:crypto';
import type { catalogContract } from '../../../shared/contracts/catalog';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import { searchScore, toSummary, type ServiceItem } from '../../../shared/domain/catalog';
import { AppError } from '../../../shared/domain/errors';
import type { Center } from '../../../shared/domain/org';
import { nowIso, type Ctx } from '../context';
import { centerData, itemWithCenter, type CenterData } from '../store/center-cache';
import { appendAudit } from './audit';
import { requireCaller, requireSameCenter } from './guards';

type C = typeof catalogContract;
type In<A extends keyof C> = ActionParsedInput<C[A]>;
type Out<A extends keyof C> = ActionOutput<C[A]>;

const CENTER_NOT_FOUND = '对不起,没有找到该便民服务中心,请返回首页重新选择您所在的中心。';

async function loadCenter(ctx: Ctx, centerId: string): Promise<Center> {
  const center = await ctx.store.get('centers', centerId);
  if (!center) throw new AppError('NOT_FOUND', CENTER_NOT_FOUND);
  return center;
}

/**
 * A center with its windows and items, from the container's cache checked against the cache
 * version (store/center-cache.ts): one round trip where there were two or three (issue 12).
 */
async function catalogOf(ctx: Ctx, centerId: string): Promise<CenterData & { center: Center }> {
  const data = await centerData(ctx.store, centerId);
  if (!data.center) throw new AppError('NOT_FOUND', CENTER_NOT_FOUND);
  return { ...data, center: data.center };
}

const WINDOW_NOT_FOUND = '对不起,本中心没有这个窗口,请返回事项目录重新选择。';

export async function listCenters(ctx: Ctx, _input: In<'listCenters'>): Promise<Out<'listCenters'>> {
  const [districts, centers] = await Promise.all([
    ctx.store.find('districts', { orderBy: [['name', 'asc']] }),
    ctx.store.find('centers', { orderBy: [['name', 'asc']] }),
  ]);
  return {
    districts: districts.map((d) => ({
      id: d.id,
      name: d.name,
      centers: centers
        .filter((c) => c.districtId === d.id)
        .map((c) => ({ id: c.id, name: c.name, address: c.address })),
    })),
  };
}

export async function villages(ctx: Ctx, input: In<'villages'>): Promise<Out<'villages'>> {
  const center = await loadCenter(ctx, input.centerId);
  return { villages: await ctx.store.find('villages', { where: { centerId: center.id }, orderBy: [['name', 'asc']] }) };
}

export async function home(ctx: Ctx, input: In<'home'>): Promise<Out<'home'>> {
  const { center, windows, items } = await catalogOf(ctx, input.centerId);
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.windowId, (counts.get(i.windowId) ?? 0) + 1);
  return { center, windows: windows.map((w) => ({ ...w, itemCount: counts.get(w.id) ?? 0 })) };
}

export async function listItems(ctx: Ctx, input: In<'listItems'>): Promise<Out<'listItems'>> {
  const data = await catalogOf(ctx, input.centerId);
  if (input.windowId === undefined) return { items: data.items.map(toSummary), window: null };
  const window = data.window(input.windowId);
  if (!window) throw new AppError('NOT_FOUND', WINDOW_NOT_FOUND);
  return { items: data.items.filter((i) => i.windowId === window.id).map(toSummary), window };
}

export async function search(ctx: Ctx, input: In<'search'>): Promise<Out<'search'>> {
  // A center publishes tens to a few hundred items: scoring them in memory is cheap and lets
  // one pure rule (searchScore) decide relevance for both adapters.
  const { items } = await catalogOf(ctx, input.centerId);
  const ranked = items
    .map((item) => ({ item, score: searchScore(item, input.q) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.item.code.localeCompare(b.item.code));
  return { items: ranked.map((r) => toSummary(r.item)) };
}

export async function getItem(ctx: Ctx, input: In<'getItem'>): Promise<Out<'getItem'>> {
  const found = await itemWithCenter(ctx.store, input.itemId);
  if (!found) throw new AppError('NOT_FOUND', '对不起,没有找到该事项,可能已调整,请返回目录重新查找。');
  const { item, data } = found;
  const window = data.window(item.windowId);
  if (!window) throw new AppError('NOT_FOUND', WINDOW_NOT_FOUND);
  if (!data.center) throw new AppError('NOT_FOUND', CENTER_NOT_FOUND);
  return { item, window, center: data.center };
}

/** A per-center code key, inserted in the same transaction, keeps item codes unique on both stores. */
export const codeKey = (centerId: string, code: string) => `item-code:${centerId}:${code}`;

export async function saveItem(ctx: Ctx, input: In<'saveItem'>): Promise<Out<'saveItem'>> {
  const admin = requireCaller(ctx);
  const { draft } = input;
  const window = await ctx.store.get('windows', draft.windowId);
  if (!window || window.centerId !== admin.centerId) {
    throw new AppError('VALIDATION', '请选择本中心的办理窗口。', [{ field: 'draft.windowId', message: '请选择本中心的办理窗口' }]);
  }
  const at = nowIso(ctx);

  const item = await ctx.store.transaction(async (tx) => {
    const before = input.id === undefined ? null : await tx.get('items', input.id);
    if (input.id !== undefined) {
      if (!before) throw new AppError('NOT_FOUND', '对不起,没有找到要修改的事项,请返回列表刷新后再试。');
      requireSameCenter(admin, before.centerId, '事项维护');
      if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
        throw new AppError(
          'CONFLICT',
          '对不起,这个事项刚刚已被其他人修改。请返回列表重新打开,确认最新内容后再修改。',
          { currentVersion: before.version },
        );
      }
    }
    const id = before?.id ?? `item-${crypto.randomUUID()}`;
    if (!before || before.code !== draft.code) {
      const taken = await tx.get('meta', codeKey(admin.centerId, draft.code));
      if (taken) {
        throw new AppError('VALIDATION', `事项编码 ${draft.code} 已被本中心其他事项使用,请换一个编码。`, [
          { field: 'draft.code', message: '该编码已被使用' },
        ]);
      }
      await tx.insert('meta', { id: codeKey(admin.centerId, draft.code), value: id });
      if (before) await tx.remove('meta', codeKey(admin.centerId, before.code));
    }
    const next: ServiceItem = {
      ...draft,
      id,
      centerId: admin.centerId,
      version: (before?.version ?? 0) + 1,
      updatedAt: at,
      updatedBy: admin.id,
    };
    await tx.put('items', next);
    await appendAudit(tx, {
      centerId: admin.centerId,
      at,
      actorId: admin.id,
      action: before ? 'catalog.item.update' : 'catalog.item.create',
      collection: 'items',
      recordId: next.id,
      before,
      after: next,
    });
    return next;
  });
  return { item };
}
