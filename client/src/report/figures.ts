/**
 * What the month's charts and tables show (R-RATE-3), pure so that the dashboard, the A4 report
 * and the tests read the same rows: every number of a chart is also a cell of its table.
 */
import type { FiguresView } from '@shared/contracts/reports';
import { percentLabel, type Thresholds } from '@shared/domain/report';

export { percentLabel };

/** A bar's length as a CSS percentage of its track (0% without a rate: the table says "—"). */
export const barWidth = (rate: number | null): string => `${rate === null ? 0 : Math.round(rate * 1000) / 10}%`;

/**
 * The columns of every figures table, in order: a header and the cell's lines — the counts, then
 * the rate — so that a table fits a phone's width without scrolling and still holds every number.
 */
export const FIGURE_COLUMNS: ReadonlyArray<{ key: string; label: string; cell: (f: FiguresView) => string[] }> = [
  { key: 'satisfaction', label: '满意/评价', cell: (f) => [`${f.satisfied}/${f.ratings}`, percentLabel(f.satisfactionRate)] },
  { key: 'bad', label: '差评(已整改)', cell: (f) => [`${f.bad}(${f.rectified})`, percentLabel(f.rectificationRate)] },
  { key: 'onTime', label: '按期/办结', cell: (f) => [`${f.onTime}/${f.completed}`, percentLabel(f.onTimeRate)] },
  { key: 'substantiated', label: '属实投诉', cell: (f) => [String(f.substantiated)] },
];

/** "2026-11" → "11月": the trend's axis labels (the table carries the year). */
export const shortMonth = (month: string): string => `${Number(month.slice(5, 7))}月`;

/** Why a row has no rank, in words. */
export const unrankedNote = (minRatings: number): string => `评价不足${minRatings}条,未排名`;

/** Upheld appeals, said once under a table when there are any (the record stays). */
export const excludedNote = (excluded: number): string | null =>
  excluded > 0 ? `另有${excluded}条评价经申诉成立,不计入统计(评价记录保留)。` : null;

/** A table row of a ranked window or person: the rank before the name, the marks in words. */
export const tableRow = (r: { id: string; name: string; rank: number | null; figures: FiguresView; marks?: readonly string[] }) => ({
  key: r.id,
  name: r.rank === null ? r.name : `${r.rank}. ${r.name}`,
  figures: r.figures,
  marks: r.marks ?? [],
});

/** The admin's marks in one sentence, under the verdicts and on the A4 report. */
export const thresholdsText = (t: Thresholds): string =>
  `评比标准:满意率不低于${t.redFlagSatisfaction}%且按期办结率不低于${t.redFlagOnTime}%为红旗窗口;不低于${t.excellentSatisfaction}%且${t.excellentOnTime}%为优秀窗口;当月有经查属实投诉的不参评;评价不足${t.minRatings}条的不排名。`;
