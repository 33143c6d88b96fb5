/**
 * The version of the small read-mostly data that containers cache (issue 12): centers, their
 * windows, service items, calendar entries and A/B posts. Every write to one of these
 * collections also writes a new random value to one `meta` document, in the same atomic step;
 * a cache (store/center-cache.ts) keeps what it loaded under the value it read first and
 * reloads when the value differs. Both adapters do this themselves, so no writer — use case,
 * seed, script or test — can forget it.
 */
import crypto from 'node:crypto';
import type { CollectionName } from './collections';

export const CACHE_VERSION_ID = 'cache:center-data';

export const CACHED_COLLECTIONS: ReadonlySet<CollectionName> = new Set<CollectionName>(['centers', 'windows', 'items', 'calendar', 'posts']);

export const isCached = (col: CollectionName): boolean => CACHED_COLLECTIONS.has(col);

export const newCacheVersion = (): { id: string; value: string } => ({ id: CACHE_VERSION_ID, value: crypto.randomUUID() });
