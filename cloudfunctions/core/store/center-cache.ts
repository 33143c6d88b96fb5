/**
 * A per-container cache of a center's small read-mostly data (issue 12): the center, its
 * windows, its service items, its calendar entries and its A/B posts. On CloudBase every read
 * is a network round trip; these change a few times a year and are read by almost every action.
 *
 * Correctness: each use starts with one read of the cache version (store/cache-version.ts),
 * which both adapters change in the same atomic step as any write to these collections. The
 * version is read BEFORE the data it guards, so data loaded after it is at least that new: a
 * write that lands in between makes the next request see a new version and reload. So an
 * admin's change (a window's schedule, a holiday) is seen by the next request of every
 * container, and nothing is served that is older than the last committed change.
 *
 * One cache per Store object (a container holds one), kept in a WeakMap.
 */
import { WorkCalendar } from '../../../shared/domain/calendar';
import type { ServiceItem } from '../../../shared/domain/catalog';
import type { Center, ServiceWindow } from '../../../shared/domain/org';
import type { Post } from '../../../shared/domain/posts';
import { OFFICIAL_SCHEDULE } from '../../../shared/domain/official-calendar';
import { CACHE_VERSION_ID } from './cache-version';
import type { CalendarDoc } from './collections';
import type { Store } from './port';

export interface CenterData {
  center: Center | null;
  /** By `sort`, as the home page lists them. */
  windows: ServiceWindow[];
  /** By `code`, as the catalog lists them. */
  items: ServiceItem[];
  calendarEntries: CalendarDoc[];
  posts: Post[];
  cal: WorkCalendar;
  window(id: string): ServiceWindow | undefined;
  item(id: string): ServiceItem | undefined;
  post(id: string): Post | undefined;
}

interface ContainerCache {
  /** The version the entries were loaded under; null before the first load. */
  version: string | null;
  centers: Map<string, Promise<CenterData>>;
  /** The entries that have loaded, for a look without waiting (peekItem). */
  loaded: Map<string, CenterData>;
}

const caches = new WeakMap<Store, ContainerCache>();

function cacheOf(store: Store): ContainerCache {
  let c = caches.get(store);
  if (!c) {
    c = { version: null, centers: new Map(), loaded: new Map() };
    caches.set(store, c);
  }
  return c;
}

/** The current cache version: one round trip. */
export async function readCacheVersion(store: Store): Promise<string> {
  return (await store.get('meta', CACHE_VERSION_ID))?.value ?? '';
}

async function load(store: Store, centerId: string): Promise<CenterData> {
  const [center, windows, items, calendarEntries, posts] = await Promise.all([
    store.get('centers', centerId),
    store.find('windows', { where: { centerId }, orderBy: [['sort', 'asc']] }),
    store.find('items', { where: { centerId }, orderBy: [['code', 'asc']] }),
    store.find('calendar', { where: { centerId } }),
    store.find('posts', { where: { centerId } }),
  ]);
  const windowsById = new Map(windows.map((w) => [w.id, w]));
  const itemsById = new Map(items.map((i) => [i.id, i]));
  const postsById = new Map(posts.map((p) => [p.id, p]));
  return {
    center,
    windows,
    items,
    calendarEntries,
    posts,
    cal: new WorkCalendar(OFFICIAL_SCHEDULE, calendarEntries),
    window: (id) => windowsById.get(id),
    item: (id) => itemsById.get(id),
    post: (id) => postsById.get(id),
  };
}

/**
 * A center's cached data, checked against the current version: one round trip when the
 * container has it, two when it (re)loads. `version` lets a caller that already started the
 * version read (in parallel with its own reads) pass it in.
 *
 * What it returns is shared between requests: callers must not change it.
 */
export async function centerData(store: Store, centerId: string, version: Promise<string> = readCacheVersion(store)): Promise<CenterData> {
  const cache = cacheOf(store);
  const v = await version;
  if (cache.version !== v) {
    cache.version = v;
    cache.centers.clear();
    cache.loaded.clear();
  }
  let entry = cache.centers.get(centerId);
  if (!entry) {
    const loading = load(store, centerId);
    entry = loading;
    cache.centers.set(centerId, loading);
    loading.then(
      (data) => {
        if (cache.centers.get(centerId) === loading) cache.loaded.set(centerId, data);
      },
      () => undefined,
    );
    // A failed load is not kept: the next request tries again.
    entry.catch(() => {
      if (cache.centers.get(centerId) === entry) cache.centers.delete(centerId);
    });
  }
  return entry;
}

/**
 * An item as this container last loaded it, without any round trip and NOT checked against the
 * version: only a hint, for reads a caller may start early and must check afterwards.
 */
export function peekItem(store: Store, itemId: string): ServiceItem | undefined {
  for (const data of caches.get(store)?.loaded.values() ?? []) {
    const item = data.item(itemId);
    if (item) return item;
  }
  return undefined;
}

/**
 * The center an item belongs to, when this container has it cached (not yet checked against
 * the version: the caller confirms with centerData, which does).
 */
export async function cachedCenterOfItem(store: Store, itemId: string): Promise<string | null> {
  const cache = caches.get(store);
  if (!cache) return null;
  for (const [centerId, entry] of cache.centers) {
    const data = await entry.catch(() => null);
    if (data?.item(itemId)) return centerId;
  }
  return null;
}

/**
 * An item with its center's cached data. When the container knows the item's center: one
 * round trip (the version check). Otherwise the item is read together with the version, then
 * the center is loaded once for this and later requests.
 */
export async function itemWithCenter(store: Store, itemId: string): Promise<{ item: ServiceItem; data: CenterData } | null> {
  const known = await cachedCenterOfItem(store, itemId);
  if (known) {
    const data = await centerData(store, known);
    const item = data.item(itemId);
    if (item) return { item, data };
  }
  const version = readCacheVersion(store);
  const [item] = await Promise.all([store.get('items', itemId), version]);
  if (!item) return null;
  const data = await centerData(store, item.centerId, version);
  // The item as loaded under the version (the one just read may be older or newer).
  return { item: data.item(itemId) ?? item, data };
}
