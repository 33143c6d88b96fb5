import { z } from 'zod';
import { action } from './define';
import { dateField, idField } from './common';
import { isMonth, ROSTER_STATUSES } from '../domain/duty';


const monthField = () => z.string({ error: '请选择月份' }).refine(isMonth, '月份格式应为 年-月,例如 2026-03');
const shortText = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(2, `请填写${label},至少2个字`).max(max, `${label}请不超过${max}个字`);

const leaderView = z.object({ id: z.string(), name: z.string() });
const dayView = z.object({ date: z.string(), leaders: z.array(leaderView) });
const problemView = z.object({ kind: z.string(), date: z.string(), field: z.string(), message: z.string() });
const draftView = z.object({
  status: z.enum(ROSTER_STATUSES),
  updatedAt: z.string(),
  days: z.array(dayView),
  /** What still stands between this version and its publication (R-DUTY-1). */
  problems: z.array(problemView),
});
const rosterView = z.object({
  month: z.string(),
  /** The working days the roster must cover, on the center's calendar. */
  workingDays: z.array(z.string()),
  /** The published roster (公示), or null before the first publication. */
  published: z.object({ publishedAt: z.string(), days: z.array(dayView) }).nullable(),
  /** The admin's latest saved version and the leaders to choose from (admin of the center only). */
  draft: draftView.nullable(),
  leaders: z.array(leaderView).nullable(),
});
const receptionView = z.object({ at: z.string(), visitorName: z.string().optional(), matter: z.string(), outcome: z.string() });
const recordView = z.object({ date: z.string(), leaderId: z.string(), leaderName: z.string(), presentAt: z.string(), receptions: z.array(receptionView) });

/** The `duty` cloud function: leaders on duty (领导带班值班, R-DUTY-1..2). */
export const dutyContract = {
  draftRoster: action({
    summary: "Admin saves a month's roster as a draft: one or more leaders per working day; days may still be open, non-leaders are refused.",
    roles: ['admin'],
    input: z
      .object({
        month: monthField(),
        entries: z
          .array(
            z
              .object({
                date: dateField(),
                leaderIds: z.array(idField('带班领导'), { error: '请选择带班领导' }).max(5, '每天最多安排5位带班领导'),
              })
              .strict(),
            { error: '请为每个工作日选择带班领导' },
          )
          .max(31, '一个月最多31天,请检查排班'),
      })
      .strict(),
    output: z.object({ roster: rosterView }),
  }),
  publishRoster: action({
    summary: "Admin publishes the month's saved roster (公示); refused, naming the days, while a working day has no leader or a non-leader is named.",
    roles: ['admin'],
    input: z.object({ month: monthField() }).strict(),
    output: z.object({ roster: rosterView }),
  }),
  roster: action({
    summary: "A month's published roster with the leaders' names (公示); the center's admin also gets the draft and the leaders.",
    roles: 'public',
    input: z.object({ centerId: idField('服务中心'), month: monthField() }).strict(),
    output: z.object({ roster: rosterView }),
  }),
  today: action({
    summary: "Today's leaders on duty of a center, from its published roster (R-DUTY-2).",
    roles: 'public',
    input: z.object({ centerId: idField('服务中心') }).strict(),
    output: z.object({ date: z.string(), workingDay: z.boolean(), published: z.boolean(), leaders: z.array(leaderView) }),
  }),
  recordDuty: action({
    summary: 'The leader on duty records that they are present today, and optionally one person received (带班值班接访记录).',
    roles: ['leader'],
    input: z
      .object({
        reception: z
          .object({
            visitorName: z.string({ error: '来访人姓名请填写文字' }).trim().max(20, '来访人姓名请不超过20个字').optional(),
            matter: shortText('来访事项', 200),
            outcome: shortText('处理结果', 200),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.object({ record: recordView }),
  }),
  records: action({
    summary: "A month's duty records of the center: who was present on which day and whom they received.",
    roles: ['office', 'leader', 'admin'],
    input: z.object({ month: monthField() }).strict(),
    output: z.object({ records: z.array(recordView) }),
  }),
} as const;
