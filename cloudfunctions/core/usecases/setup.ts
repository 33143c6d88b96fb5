/**
 * The first deploy's setup (run once from the CLI, or by an admin; idempotent): creates every
 * collection, lists the indexes to add in the CloudBase console, and — when given — loads the
 * county's organisation: its district and centers, each with its villages, the five standard
 * windows and the standard catalog of complete guides. Documents that exist are kept, so a
 * second run changes nothing an admin has edited since.
 */
import { AppError } from '../../../shared/domain/errors';
import type { Clock } from '../clock';
import { COLLECTION_INDEXES, type CollectionName } from '../store/collections';
import type { Store } from '../store/port';
import { centerKit, organisationSchema, writeCenterKit } from '../seed/organisation';
import { zodIssues } from '../dispatch';

export interface SetupResult {
  collections: { created: CollectionName[]; existing: CollectionName[] };
  /** Composite indexes to add in the console ("数据库 → 索引管理"), one line each. */
  indexes: string[];
  organisation: { centers: number; written: number } | null;
}

export const indexList = (): string[] =>
  (Object.keys(COLLECTION_INDEXES) as CollectionName[]).flatMap((col) => COLLECTION_INDEXES[col].map((fields) => `${col}: ${fields.join(' + ')}`));

export async function runSetup(store: Store, clock: Clock, organisation: unknown): Promise<SetupResult> {
  const collections = await store.ensureCollections();
  let loaded: SetupResult['organisation'] = null;
  if (organisation !== undefined) {
    const org = organisationSchema.safeParse(organisation);
    if (!org.success) throw new AppError('VALIDATION', '组织信息格式不正确,请按 README 中的示例核对后重试。', zodIssues(org.error.issues));
    const at = clock.now().toISOString();
    let written = 0;
    await store.transaction(async (tx) => {
      if (!(await tx.get('districts', org.data.district.id))) await tx.put('districts', org.data.district);
    });
    // One transaction per center keeps each within CloudBase's transaction limits.
    for (const { villages, ...c } of org.data.centers) {
      const center = { ...c, districtId: org.data.district.id };
      written += await store.transaction(async (tx) => {
        let n = 0;
        if (!(await tx.get('centers', center.id))) {
          await tx.put('centers', center);
          n += 1;
        }
        return n + (await writeCenterKit(tx, centerKit(center, villages, at), false));
      });
    }
    loaded = { centers: org.data.centers.length, written };
  }
  return { collections, indexes: indexList(), organisation: loaded };
}
