/**
 * The `reports` cloud function (R-RATE-3, issue 10.4 and 10.7): the month's picture per window and
 * per staff member for the office, leaders and admin, the 12-month trend, the admin's thresholds
 * for 红旗窗口 and 优秀窗口, and the office's CSV export of a month's records.
 */
import { z } from 'zod';
import { action } from './define';
import { isMonth } from '../domain/duty';
import { HONOURS, thresholdsSchema } from '../domain/report';

const monthField = () => z.string({ error: '请选择月份' }).refine(isMonth, '月份格式应为 年-月,例如 2026-03');

const count = z.number().int();
const rate = z.number().nullable();
/** The counts and the rates derived from them (null: nothing to divide). */
export const figuresView = z.object({
  ratings: count,
  excluded: count,
  satisfied: count,
  bad: count,
  rectified: count,
  completed: count,
  onTime: count,
  substantiated: count,
  satisfactionRate: rate,
  rectificationRate: rate,
  onTimeRate: rate,
});
export type FiguresView = z.infer<typeof figuresView>;

const unitRow = z.object({
  id: z.string(),
  name: z.string(),
  figures: figuresView,
  /** 1 = first; null when too few ratings to be ranked. */
  rank: z.number().int().nullable(),
});
export const windowRowView = unitRow.extend({
  honour: z.enum(HONOURS).nullable(),
  bottom: z.boolean(),
  interview: z.boolean(),
  /** The row's marks in words (红旗窗口, 优秀窗口, 排名末位, 约谈): never colour alone. */
  marks: z.array(z.string()),
});
export type WindowRowView = z.infer<typeof windowRowView>;
export const staffRowView = unitRow.extend({ windowName: z.string() });

export const EXPORT_KINDS = ['cases', 'complaints', 'ratings', 'rectifications'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = {
  cases: '办件台账',
  complaints: '投诉登记',
  ratings: '好差评',
  rectifications: '差评整改',
};

export const reportsContract = {
  month: action({
    summary: "The month's picture: per window and staff member ratings, satisfaction, bad reviews rectified, cases on time, substantiated complaints; ranking, 红旗/优秀窗口, 约谈 (R-RATE-3).",
    roles: ['office', 'leader', 'admin'],
    /** Without a month: the center's current month (the server's clock, also a demo clock). */
    input: z.object({ month: monthField().optional() }).strict(),
    output: z.object({
      month: z.string(),
      /** The center's current month, for the month choices, and today's date (a report's date). */
      thisMonth: z.string(),
      today: z.string(),
      monthLabel: z.string(),
      centerName: z.string(),
      /** The month before, whose bottom window decides 约谈. */
      previousMonth: z.string(),
      /** Whether the month is still running (its figures still move). */
      current: z.boolean(),
      thresholds: thresholdsSchema,
      center: figuresView,
      windows: z.array(windowRowView),
      staff: z.array(staffRowView),
    }),
  }),
  trend: action({
    summary: 'The center-wide figures of the 12 months ending with the given month (default: the current one), oldest first.',
    roles: ['office', 'leader', 'admin'],
    input: z.object({ month: monthField().optional() }).strict(),
    output: z.object({ months: z.array(z.object({ month: z.string(), label: z.string(), figures: figuresView })) }),
  }),
  thresholds: action({
    summary: 'Admin: the marks for 红旗窗口 and 优秀窗口 and the fewest ratings to be ranked (defaults until saved).',
    roles: ['admin'],
    input: z.object({}).strict(),
    output: z.object({ thresholds: thresholdsSchema, saved: z.boolean() }),
  }),
  saveThresholds: action({
    summary: 'Admin saves the marks (红旗 not below 优秀); they apply to every month shown afterwards.',
    roles: ['admin'],
    input: thresholdsSchema,
    output: z.object({ thresholds: thresholdsSchema, saved: z.boolean() }),
  }),
  exportMonth: action({
    summary: "Office: one kind of a month's records (cases, complaints, ratings, rectifications) as a CSV file, UTF-8 with BOM, names, ID numbers and phones masked.",
    roles: ['office'],
    input: z.object({ month: monthField(), kind: z.enum(EXPORT_KINDS, { error: '请选择要导出的内容:办件、投诉、评价或整改' }) }).strict(),
    output: z.object({ kind: z.enum(EXPORT_KINDS), label: z.string(), fileName: z.string(), rows: z.number().int(), csv: z.string() }),
  }),
} as const;
