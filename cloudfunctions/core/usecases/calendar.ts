import { WorkCalendar } from '../../../shared/domain/calendar';
import { OFFICIAL_SCHEDULE } from '../../../shared/domain/official-calendar';
import type { Ctx } from '../context';

/** The center's working-day calendar: the official schedule plus the admin's entries. */
export async function centerCalendar(ctx: Ctx, centerId: string): Promise<WorkCalendar> {
  const entries = await ctx.store.find('calendar', { where: { centerId } });
  return new WorkCalendar(OFFICIAL_SCHEDULE, entries);
}
