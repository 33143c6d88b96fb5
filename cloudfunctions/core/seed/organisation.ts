/**
 * A center's starting organisation: its villages, the five standard windows and the standard
 * catalog of complete service items (R-CAT-1..3), each item through the same schema as an
 * admin's edit. The demo seed and a real deploy's setup function (setup/index.ts) both build
 * centers with it; the admin then edits windows, slots and items in the app.
 */
import { z } from 'zod';
import { serviceItemDraftSchema, type ServiceItem } from '../../../shared/domain/catalog';
import { centerSchema, districtSchema, type Center, type ServiceWindow, type Village } from '../../../shared/domain/org';
import type { TxOps } from '../store/port';
import { codeKey } from '../usecases/catalog';
import { SEED_ITEMS, SEED_WINDOWS } from './catalog-items';

export const shortId = (centerId: string) => centerId.replace(/^c-/, '');
export const windowId = (centerId: string, code: string) => `w-${shortId(centerId)}-${code.toLowerCase()}`;

export interface CenterKit {
  villages: Village[];
  windows: ServiceWindow[];
  items: ServiceItem[];
}

export function centerKit(c: Center, villageNames: readonly string[], at: string): CenterKit {
  const villages = villageNames.map((name, i) => ({ id: `v-${shortId(c.id)}-${i + 1}`, centerId: c.id, name }));
  const windows = SEED_WINDOWS.map((w, i) => ({
    id: windowId(c.id, w.code),
    centerId: c.id,
    code: w.code,
    name: w.name,
    duties: w.duties,
    phone: `${c.phone} 转 ${w.phoneExt}`,
    sort: i + 1,
    slotMinutes: 30,
    slotCapacity: 3,
  }));
  const items = SEED_ITEMS.map((s) => {
    const { window, ...rest } = s;
    const draft = serviceItemDraftSchema.parse({ ...rest, windowId: windowId(c.id, window) });
    return { ...draft, id: `item-${shortId(c.id)}-${draft.code.toLowerCase()}`, centerId: c.id, version: 1, updatedAt: at, updatedBy: 'seed' };
  });
  return { villages, windows, items };
}

/** Writes a kit; documents that exist are replaced only where `overwrite` (the demo), else kept. */
export async function writeCenterKit(tx: TxOps, kit: CenterKit, overwrite: boolean): Promise<number> {
  let written = 0;
  const put = async (exists: boolean, write: () => Promise<void>) => {
    if (exists && !overwrite) return;
    await write();
    written += 1;
  };
  for (const v of kit.villages) await put(Boolean(await tx.get('villages', v.id)), () => tx.put('villages', v));
  for (const w of kit.windows) await put(Boolean(await tx.get('windows', w.id)), () => tx.put('windows', w));
  for (const i of kit.items) {
    await put(Boolean(await tx.get('items', i.id)), async () => {
      await tx.put('items', i);
      await tx.put('meta', { id: codeKey(i.centerId, i.code), value: i.id });
    });
  }
  return written;
}

/** What a county's IT person gives the setup function: the district and its centers. */
export const organisationSchema = z
  .object({
    district: districtSchema,
    centers: z
      .array(
        centerSchema.omit({ districtId: true }).extend({
          id: z.string().regex(/^c-[a-z0-9-]{2,40}$/, '中心 id 形如 c-baisha(小写字母、数字和连字符)'),
          villages: z.array(z.string().trim().min(1)).min(1, '请列出该中心的村(社区)'),
        }),
      )
      .min(1, '请至少列出一个服务中心'),
  })
  .strict();
export type Organisation = z.infer<typeof organisationSchema>;
