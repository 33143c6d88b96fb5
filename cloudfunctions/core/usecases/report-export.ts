/**
 * The office's export of a month (issue 10.7): one CSV file per kind — cases, complaints, ratings,
 * rectifications — UTF-8 with BOM so that Excel opens the Chinese correctly. A file leaves the
 * system (a USB stick, a WeChat chat), so every name is masked (王*英), every phone and ID number
 * too (138****5678), also one typed into free text (a complaint's facts, a comment); complainants
 * of anonymous complaints stay 匿名 (R-CMP-5).
 *
 * One file per kind and per call, not a zip of four: each opens directly in Excel, each stays
 * well within what a cloud function may return, and WeChat's shareFileMessage sends one file.
 */
import { EXPORT_KIND_LABELS, type ExportKind } from '../../../shared/contracts/reports';
import { CASE_STATUS_LABELS, type Case } from '../../../shared/domain/cases';
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_CLASS_LABELS, COMPLAINT_STATE_LABELS, REPLY_MEANS_LABELS, type Complaint } from '../../../shared/domain/complaints';
import { toCsv, type CsvValue } from '../../../shared/domain/csv';
import { monthLabel } from '../../../shared/domain/duty';
import { maskName, maskNumbersInText, maskPhone } from '../../../shared/domain/personal-data';
import {
  APPEAL_STATE_LABELS,
  CALLBACK_RESULT_LABELS,
  RATING_CHANNEL_LABELS,
  RATING_LEVEL_LABELS,
  RECTIFICATION_STATE_LABELS,
  SUB_INDICATORS,
  SUB_INDICATOR_LABELS,
  type Rating,
  type Rectification,
} from '../../../shared/domain/ratings';
import { completedOnTime, monthBounds } from '../../../shared/domain/report';
import { shanghaiDate, shanghaiTime } from '../../../shared/domain/time';
import type { Ctx } from '../context';

export interface CsvFile {
  kind: ExportKind;
  label: string;
  fileName: string;
  rows: number;
  csv: string;
}

/** '2026-11-03 14:05' in Shanghai; empty when absent. */
const when = (iso: string | undefined): string => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${shanghaiDate(d)} ${shanghaiTime(d)}`;
};
const text = (s: string | undefined): string => (s ? maskNumbersInText(s) : '');
const yesNo = (b: boolean | undefined): string => (b === undefined ? '' : b ? '是' : '否');

/** Deduplicated by id, in the order of `key`. */
const union = <T extends { id: string }>(lists: ReadonlyArray<readonly T[]>, key: (x: T) => string): T[] =>
  [...new Map(lists.flat().map((x) => [x.id, x])).values()].sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));

type Sheet = { header: string[]; rows: CsvValue[][] };

async function casesSheet(ctx: Ctx, centerId: string, month: string, windowName: (id: string) => string): Promise<Sheet> {
  const b = monthBounds(month);
  const range = { $gte: b.fromInstant, $lt: b.toInstant };
  // The month's cases: received in it, and older ones finished in it.
  const [received, finished] = await Promise.all([
    ctx.store.find('cases', { where: { centerId, createdAt: range } }),
    ctx.store.find('cases', { where: { centerId, finishedAt: range } }),
  ]);
  const header = ['办件编号', '事项', '窗口', '申请人', '代办', '首问责任人', '承办人', '状态', '接待时间', '受理日期', '办结期限', '办结时间', '按期办结', '办理结果或不予受理理由'];
  const row = (c: Case): CsvValue[] => [
    c.number,
    c.itemName,
    windowName(c.windowId),
    maskName(c.applicantName),
    yesNo(Boolean(c.agentId)),
    c.firstAskName,
    c.handlerName,
    CASE_STATUS_LABELS[c.status],
    when(c.createdAt),
    c.acceptedOn ?? '',
    c.deadline ?? '',
    when(c.finishedAt),
    c.status === 'done' && c.finishedAt ? yesNo(completedOnTime({ deadline: c.deadline, finishedAt: c.finishedAt })) : '',
    text(c.result ?? c.rejectReasons?.join(';')),
  ];
  return { header, rows: union([received, finished], (c) => c.createdAt).map(row) };
}

async function complaintsSheet(ctx: Ctx, centerId: string, month: string): Promise<Sheet> {
  const b = monthBounds(month);
  const days = { $gte: b.firstDay, $lte: b.lastDay };
  // Received in the month, and older ones found substantiated or not in it.
  const [received, closed] = await Promise.all([
    ctx.store.find('complaints', { where: { centerId, receivedOn: days } }),
    ctx.store.find('complaints', { where: { centerId, 'outcome.closedOn': days } }),
  ]);
  const header = ['投诉编号', '渠道', '分类', '环节', '投诉对象', '事实经过', '诉求', '投诉人', '联系电话', '收到时间', '答复期限', '承办人', '经查属实', '核查结论', '处理措施', '核查办结日期', '答复形式', '按期答复', '投诉人评价'];
  const row = (c: Complaint): CsvValue[] => [
    c.number,
    COMPLAINT_CHANNEL_LABELS[c.channel],
    COMPLAINT_CLASS_LABELS[c.klass],
    COMPLAINT_STATE_LABELS[c.state],
    c.subject.label,
    text(c.facts),
    text(c.wants),
    c.anonymous ? '匿名' : maskName(c.complainantName ?? ''),
    c.complainantContact ? maskPhone(c.complainantContact) : '',
    when(c.receivedAt),
    c.extension?.newDate ?? c.deadline,
    c.handlerName ?? '',
    yesNo(c.outcome?.substantiated),
    text(c.outcome?.findings),
    text(c.outcome?.measure),
    c.outcome?.closedOn ?? '',
    c.reply ? `${c.reply.form === 'written' ? '书面' : '口头'}${c.reply.means ? `(${REPLY_MEANS_LABELS[c.reply.means]})` : ''}` : '',
    yesNo(c.reply?.onTime),
    c.rating === 'satisfied' ? '满意' : c.rating === 'unsatisfied' ? '不满意' : '',
  ];
  return { header, rows: union([received, closed], (c) => c.receivedAt).map(row) };
}

async function ratingsSheet(ctx: Ctx, centerId: string, month: string, windowName: (id: string) => string): Promise<Sheet> {
  const b = monthBounds(month);
  const ratings = await ctx.store.find('ratings', { where: { centerId, ratedOn: { $gte: b.firstDay, $lte: b.lastDay } }, orderBy: [['createdAt', 'asc']] });
  const header = [
    '办件编号',
    '事项',
    '窗口',
    '承办人',
    '首问责任人',
    '评价人',
    '代评',
    '评价渠道',
    '评价',
    ...SUB_INDICATORS.map((s) => SUB_INDICATOR_LABELS[s]),
    '评价内容',
    '评价时间',
    '申诉',
    '计入统计',
  ];
  const row = (r: Rating): CsvValue[] => [
    r.caseNumber,
    r.itemName,
    windowName(r.windowId),
    r.handlerName,
    r.firstAskName ?? '',
    r.applicantMasked,
    yesNo(r.onBehalf),
    RATING_CHANNEL_LABELS[r.channel],
    RATING_LEVEL_LABELS[r.level],
    ...SUB_INDICATORS.map((s) => {
      const level = r.subIndicators[s];
      return level ? RATING_LEVEL_LABELS[level] : '';
    }),
    text(r.comment),
    when(r.createdAt),
    APPEAL_STATE_LABELS[r.appeal],
    yesNo(!r.excludedFromFigures),
  ];
  return { header, rows: ratings.map(row) };
}

async function rectificationsSheet(ctx: Ctx, centerId: string, month: string, windowName: (id: string) => string): Promise<Sheet> {
  const b = monthBounds(month);
  const items = await ctx.store.find('rectifications', { where: { centerId, openedOn: { $gte: b.firstDay, $lte: b.lastDay } }, orderBy: [['createdAt', 'asc']] });
  const header = ['办件编号', '事项', '窗口', '评价', '整改负责人', '状态', '立项日期', '整改期限', '核实情况', '整改措施', '回访结果', '回访说明', '按期回访', '办结时间', '办结方式'];
  const row = (x: Rectification): CsvValue[] => [
    x.caseNumber,
    x.itemName,
    windowName(x.windowId),
    RATING_LEVEL_LABELS[x.level],
    x.headName,
    RECTIFICATION_STATE_LABELS[x.state],
    x.openedOn,
    x.deadline,
    text(x.verification?.text),
    text(x.measures?.text),
    x.callback ? CALLBACK_RESULT_LABELS[x.callback.result] : '',
    text(x.callback?.note),
    yesNo(x.callback?.onTime),
    when(x.closedAt),
    x.closedBy === 'head' ? '整改办结' : x.closedBy === 'appeal_upheld' ? '申诉成立,撤销差评' : '',
  ];
  return { header, rows: items.map(row) };
}

/** One kind of the month's records as a CSV file. */
export async function exportCsv(ctx: Ctx, centerId: string, month: string, kind: ExportKind): Promise<CsvFile> {
  const windows = await ctx.store.find('windows', { where: { centerId } });
  const names = new Map(windows.map((w) => [w.id, w.name]));
  const windowName = (id: string) => names.get(id) ?? '';
  const sheet =
    kind === 'cases'
      ? await casesSheet(ctx, centerId, month, windowName)
      : kind === 'complaints'
        ? await complaintsSheet(ctx, centerId, month)
        : kind === 'ratings'
          ? await ratingsSheet(ctx, centerId, month, windowName)
          : await rectificationsSheet(ctx, centerId, month, windowName);
  const label = EXPORT_KIND_LABELS[kind];
  return { kind, label, fileName: `${monthLabel(month)}${label}.csv`, rows: sheet.rows.length, csv: toCsv(sheet.header, sheet.rows) };
}
