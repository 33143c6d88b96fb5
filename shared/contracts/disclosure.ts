import { z } from 'zod';
import { action } from './define';
import { dateField, idField } from './common';
import { PREPUB_KINDS, PREPUB_STATES, SECTION_KEYS, sectionsSchema } from '../domain/disclosure';

const writtenText = (label: string, max: number) => z.string({ error: `请填写${label}` }).trim().max(max, `${label}请不超过${max}个字`);
const requiredText = (label: string, min: number, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(min, `请填写${label},至少${min}个字`).max(max, `${label}请不超过${max}个字`);
/** A photo is a web address or a CloudBase fileID (cloud://…), or nothing. */
const photoField = z
  .string({ error: '照片地址请填写文字' })
  .trim()
  .max(300, '照片地址请不超过300个字符')
  .refine((s) => s === '' || /^(https:\/\/|cloud:\/\/)\S+$/.test(s), '照片请填写以 https:// 或 cloud:// 开头的地址,没有照片请留空');
const versionNumber = z.number({ error: '请选择版本' }).int('版本号应为整数').min(1, '版本号应从1开始');

const historyRow = z.object({ number: z.number().int(), publishedAt: z.string(), publishedOn: z.string(), publisherName: z.string() });
const versionView = historyRow.extend({ sections: sectionsSchema });
const emptyView = z.object({ section: z.enum(SECTION_KEYS), label: z.string(), message: z.string() });
const staffNoteView = z.object({ userId: z.string(), name: z.string(), windowName: z.string(), duties: z.string(), photo: z.string() });
const draftView = z.object({
  draft: z.object({ organisation: z.string(), commitments: z.string(), supervision: z.string(), staffNotes: z.array(staffNoteView), updatedAt: z.string().nullable() }),
  /** The sections as they would be published now: generated ones from live data. */
  preview: sectionsSchema,
  /** What still stands between the draft and its publication. */
  empty: z.array(emptyView),
  lastNumber: z.number().int().nullable(),
});

const finalView = z.object({ text: z.string(), publishedAt: z.string(), publisherName: z.string() });
const prepubView = z.object({
  id: z.string(),
  kind: z.enum(PREPUB_KINDS),
  title: z.string(),
  text: z.string(),
  endsOn: z.string(),
  state: z.enum(PREPUB_STATES),
  publishedAt: z.string(),
  publisherName: z.string(),
  final: finalView.nullable(),
  commentCount: z.number().int(),
  unanswered: z.number().int(),
});
export type PrepubView = z.infer<typeof prepubView>;
const answerView = z.object({ text: z.string(), at: z.string(), byName: z.string() });
const commentView = z.object({
  id: z.string(),
  /** The commenter, masked (王*英) with their village: never a phone number or an ID number. */
  commenter: z.string(),
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  answer: answerView.nullable(),
  mine: z.boolean(),
});
export type CommentView = z.infer<typeof commentView>;

/** The `disclosure` cloud function: public information (政务公开, R-CAT-4) and pre-publication (预公开, R-CAT-5). */
export const disclosureContract = {
  current: action({
    summary: "The center's current publication (政务公开) with all its sections, or null before the first; no sign-in.",
    roles: 'public',
    input: z.object({ centerId: idField('服务中心') }).strict(),
    output: z.object({ version: versionView.nullable() }),
  }),
  history: action({
    summary: 'Every archived publication of the center, newest first: number, date, publisher.',
    roles: 'public',
    input: z.object({ centerId: idField('服务中心') }).strict(),
    output: z.object({ versions: z.array(historyRow) }),
  }),
  version: action({
    summary: 'One archived publication, as it was published.',
    roles: 'public',
    input: z.object({ centerId: idField('服务中心'), number: versionNumber }).strict(),
    output: z.object({ version: versionView }),
  }),
  draft: action({
    summary: "Admin: the written sections being prepared, the generated ones from live data, and which sections are still empty.",
    roles: ['admin'],
    input: z.object({}).strict(),
    output: draftView,
  }),
  saveDraft: action({
    summary: 'Admin saves the written sections (organisation, commitments, supervision) and each clerk\'s duties and photo; a draft may be incomplete.',
    roles: ['admin'],
    input: z
      .object({
        organisation: writtenText('机构设置与职责', 2000),
        commitments: writtenText('服务承诺', 1000),
        supervision: writtenText('监督办法', 1000),
        staffNotes: z
          .array(z.object({ userId: idField('工作人员'), duties: writtenText('岗位职责', 200), photo: photoField }).strict(), { error: '请填写工作人员信息' })
          .max(200, '工作人员请不超过200人'),
      })
      .strict(),
    output: draftView,
  }),
  publish: action({
    summary: 'Admin publishes the saved draft: generated sections copied from live data, an immutable archived version (number, date, publisher); refused, naming the sections, while one is empty.',
    roles: ['admin'],
    input: z.object({}).strict(),
    output: z.object({ version: versionView }),
  }),
  prepubs: action({
    summary: "The center's pre-publications (预公开), newest first, with their state and comment counts; no sign-in.",
    roles: 'public',
    input: z.object({ centerId: idField('服务中心') }).strict(),
    output: z.object({ prepubs: z.array(prepubView), endBounds: z.object({ earliest: z.string(), latest: z.string() }) }),
  }),
  prepub: action({
    summary: 'One pre-publication with its text, the comments (commenters masked) and answers, the final version, and the caller\'s own comment.',
    roles: 'public',
    input: z.object({ id: idField('意见征集') }).strict(),
    output: z.object({ prepub: prepubView, comments: z.array(commentView), mine: commentView.nullable(), canComment: z.boolean() }),
  }),
  prepublish: action({
    summary: 'Admin publishes the draft of a major item for comments (new service item, changed commitment, fee) until an end date at least 5 working days ahead.',
    roles: ['admin'],
    input: z
      .object({
        kind: z.enum(PREPUB_KINDS, { error: '请选择事项类别' }),
        title: requiredText('标题', 4, 60),
        text: requiredText('方案内容', 20, 5000),
        endsOn: dateField('征求意见截止日期'),
      })
      .strict(),
    output: z.object({ prepub: prepubView }),
  }),
  comment: action({
    summary: 'A villager or agent comments on an open pre-publication: one comment each, editable until the end date (not after it is answered).',
    roles: ['villager', 'agent'],
    input: z.object({ id: idField('意见征集'), text: requiredText('意见', 5, 500) }).strict(),
    output: z.object({ comment: commentView }),
  }),
  answer: action({
    summary: 'Admin answers a comment; the answer stays attached to it. Refused after the final publication.',
    roles: ['admin'],
    input: z.object({ commentId: idField('意见'), text: requiredText('答复', 5, 500) }).strict(),
    output: z.object({ comment: commentView }),
  }),
  publishFinal: action({
    summary: 'Admin publishes the final version after the comment period, once every comment is answered; comments and answers stay attached.',
    roles: ['admin'],
    input: z.object({ id: idField('意见征集'), text: requiredText('正式公布内容', 20, 5000) }).strict(),
    output: z.object({ prepub: prepubView }),
  }),
} as const;
