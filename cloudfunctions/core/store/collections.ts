/**
 * Every collection the product stores, its document type, and the indexes its queries need.
 * The SQLite adapter creates tables and expression indexes from this; the CloudBase adapter
 * creates the collections, and README lists the same indexes for the CloudBase console.
 */
import type { ServiceItem } from '../../../shared/domain/catalog';
import type { Center, District, ServiceWindow, User, Village } from '../../../shared/domain/org';

export interface AuditEntry {
  id: string;
  centerId: string;
  at: string;
  actorId: string;
  action: string;
  collection: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

/** Small bookkeeping documents: seed version and the like. */
export interface MetaDoc {
  id: string;
  value: string;
}

export interface Collections {
  districts: District;
  centers: Center;
  villages: Village;
  windows: ServiceWindow;
  items: ServiceItem;
  users: User;
  audit: AuditEntry;
  meta: MetaDoc;
}

export type CollectionName = keyof Collections;

/** Indexes, each a list of fields (dotted paths allowed). `id` is always the primary key. */
export const COLLECTION_INDEXES: { readonly [C in CollectionName]: ReadonlyArray<ReadonlyArray<string>> } = {
  districts: [],
  centers: [['districtId']],
  villages: [['centerId']],
  windows: [['centerId', 'sort']],
  items: [['centerId', 'windowId', 'code'], ['centerId', 'code']],
  users: [['openId'], ['inviteCode'], ['centerId', 'role']],
  audit: [['centerId', 'at'], ['recordId']],
  meta: [],
};

export const COLLECTION_NAMES = Object.keys(COLLECTION_INDEXES) as CollectionName[];
