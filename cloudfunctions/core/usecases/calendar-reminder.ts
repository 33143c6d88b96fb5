/**
 * The admin is reminded to enter the year's official arrangement (R-BOOK-1). chinese-days knows
 * the holidays up to 2026; for later years the calendar has only the days off by law
 * (statutory-holidays.ts), not the bridging days and adjusted working weekends the State Council
 * publishes each winter. So from 1 November, while next year's arrangement is not entered, and on
 * any day the current year's is missing, the deadline sweep tells the center's admins, once a
 * week (the key holds the week's Monday) until it is entered: an inbox notice and a WeChat push
 * that opens the calendar at that year.
 */
import { addDays, weekday } from '../../../shared/domain/time';
import type { Ctx } from '../context';
import { centerCalendar } from './calendar';
import { notify } from './notify';

/** The year whose arrangement the admin should enter now, or null. */
export function missingYear(today: string, yearKnown: (year: number) => boolean): number | null {
  const year = Number(today.slice(0, 4));
  if (!yearKnown(year)) return year;
  return Number(today.slice(5, 7)) >= 11 && !yearKnown(year + 1) ? year + 1 : null;
}

/** Reminds the admins of every center (or of one) that lacks the arrangement; returns the notices written. */
export async function calendarReminders(ctx: Ctx, today: string, at: string, centerId?: string): Promise<number> {
  const centers = centerId ? [centerId] : (await ctx.store.find('centers')).map((c) => c.id);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  let sent = 0;
  for (const id of centers) {
    const cal = await centerCalendar(ctx, id);
    const year = missingYear(today, (y) => cal.yearKnown(y));
    if (year === null) continue;
    const admins = await ctx.store.find('users', { where: { centerId: id, role: 'admin' } });
    if (admins.length === 0) continue;
    sent += await ctx.store.transaction((tx) =>
      notify(
        tx,
        admins.map((u) => u.id),
        {
          centerId: id,
          kind: 'deadline',
          key: `cal-rem:${id}:${year}:${monday}`,
          title: `请录入${year}年节假日安排`,
          body: `${year}年的放假和调休安排还没有录入本中心的工作日历。目前系统只按法定节日当天放假计算(元旦、春节除夕至初三、清明、劳动节、端午、中秋、国庆),连休和调休上班日未计入,预约时段和办结期限可能因此不准。请按国务院办公厅的通知逐日录入,谢谢。`,
          link: `/admin/calendar/index?year=${year}`,
        },
        at,
      ),
    );
  }
  return sent;
}
