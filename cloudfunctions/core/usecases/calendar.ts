import type { WorkCalendar } from '../../../shared/domain/calendar';
import type { Ctx } from '../context';
import { centerData } from '../store/center-cache';

/**
 * The center's working-day calendar: the official schedule plus the admin's entries, from the
 * container's cache checked against the cache version (store/center-cache.ts, issue 12).
 */
export async function centerCalendar(ctx: Ctx, centerId: string): Promise<WorkCalendar> {
  return (await centerData(ctx.store, centerId)).cal;
}
