/** The official PRC schedule shipped with chinese-days (2004 to the last year it knows). */
import data from 'chinese-days/dist/chinese-days.json';
import type { OfficialSchedule } from './calendar';
import { STATUTORY_HOLIDAYS } from './statutory-holidays';

/**
 * The library's years as published, and for the years after them the days off by law (元旦, 春节,
 * 清明, 劳动节, 端午, 中秋, 国庆): until the admin enters a new year's arrangement, nobody books on
 * New Year's Day and no promised time limit counts the Spring Festival as working days.
 */
export const OFFICIAL_SCHEDULE: OfficialSchedule = {
  holidays: (data as { holidays: Record<string, string> }).holidays,
  workdays: (data as { workdays: Record<string, string> }).workdays,
  provisional: Object.assign({}, ...Object.values(STATUTORY_HOLIDAYS)) as Record<string, string>,
};
