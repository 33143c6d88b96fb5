/** The official PRC schedule shipped with chinese-days (2004 to the last year it knows). */
import data from 'chinese-days/dist/chinese-days.json';
import type { OfficialSchedule } from './calendar';

export const OFFICIAL_SCHEDULE: OfficialSchedule = {
  holidays: (data as { holidays: Record<string, string> }).holidays,
  workdays: (data as { workdays: Record<string, string> }).workdays,
};
