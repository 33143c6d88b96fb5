/**
 * Public information (政务公开, R-CAT-4) and pre-publication (预公开, R-CAT-5). Pure rules: what a
 * publication holds and when one of its sections is empty, the staff directory from the people,
 * posts (A/B) and the admin's notes, the comment period of a pre-publication. The caller passes
 * what it loaded.
 *
 * The seed rules (政务公开制度) ask for the center's organisation and duties, staff names, posts
 * and duties, service commitments, supervision and complaint channels and complaint outcomes to
 * be public, every publication archived (每次公开的内容均要存档), and major matters published as a
 * plan for comments before the final decision (预公开). They set no length for the comment period;
 * we require at least MIN_COMMENT_WORKING_DAYS working days after the day of publication, so that
 * a villager who comes to the center once a week still has a full week to comment.
 */
import { z } from 'zod';
import type { WorkCalendar } from './calendar';
import { addDays, dayLabel } from './time';

// ---- The publication (政务公开) ------------------------------------------------------------

/** The sections of a publication, in the order they are shown. */
export const SECTION_KEYS = ['organisation', 'windows', 'staff', 'commitments', 'supervision', 'complaints', 'roster'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export const SECTION_LABELS: Record<SectionKey, string> = {
  organisation: '机构设置与职责',
  windows: '服务窗口及职责',
  staff: '工作人员',
  commitments: '服务承诺',
  supervision: '监督投诉渠道',
  complaints: '投诉办理情况',
  roster: '领导带班值班',
};

export const AB_LABELS = { A: 'A岗(主办)', B: 'B岗(替岗)' } as const;

export const windowEntrySchema = z.object({ name: z.string(), duties: z.string(), phone: z.string() });
export const staffPostSchema = z.object({ post: z.string(), ab: z.enum(['A', 'B']) });
export const staffEntrySchema = z.object({
  name: z.string(),
  /** The window the person sits at. */
  windowName: z.string(),
  /** The posts they hold (e.g. 民政岗 A, 残联岗 B: R-CASE-6), A first; empty for staff without a post. */
  posts: z.array(staffPostSchema),
  duties: z.string(),
  /** A photo's URL or cloud fileID, or ''. */
  photo: z.string(),
});
export const commitmentItemSchema = z.object({ code: z.string(), name: z.string(), windowName: z.string(), promisedDays: z.number().int(), fees: z.string() });
export const complaintMonthSchema = z.object({ month: z.string(), received: z.number().int(), answered: z.number().int(), answeredOnTime: z.number().int(), substantiated: z.number().int() });
export const rosterDaySchema = z.object({ date: z.string(), leaders: z.array(z.string()) });

/** Everything a publication shows; the generated parts are copied from live data when it is published. */
export const sectionsSchema = z.object({
  organisation: z.object({ centerName: z.string(), address: z.string(), text: z.string() }),
  windows: z.array(windowEntrySchema),
  staff: z.array(staffEntrySchema),
  commitments: z.object({ opensAt: z.string(), closesAt: z.string(), text: z.string(), items: z.array(commitmentItemSchema) }),
  supervision: z.object({ complaintPhone: z.string(), servicePhone: z.string(), inApp: z.string(), text: z.string() }),
  complaints: z.object({ months: z.array(complaintMonthSchema) }),
  roster: z.object({ month: z.string(), days: z.array(rosterDaySchema) }),
});
export type Sections = z.infer<typeof sectionsSchema>;
export type StaffEntry = z.infer<typeof staffEntrySchema>;

/** How the app itself is a complaint channel (R-CMP-1), as the publication says it. */
export const IN_APP_CHANNEL = '在本小程序首页点“我要投诉”,可实名或匿名投诉,凭编号和查询码查询办理进度';

/**
 * One archived publication; id `disc:<centerId>:<number padded to 6>`. Written once, with an
 * insert, and never changed (R-CAT-4: every published version is archived).
 */
export interface Disclosure {
  id: string;
  centerId: string;
  number: number;
  publishedAt: string;
  publishedOn: string;
  publisherId: string;
  publisherName: string;
  sections: Sections;
}
export const disclosureId = (centerId: string, number: number): string => `disc:${centerId}:${String(number).padStart(6, '0')}`;

/** The admin's written sections, and their notes on each staff member; id `discdraft:<centerId>`. */
export const staffNoteSchema = z.object({ userId: z.string(), duties: z.string(), photo: z.string() });
export type StaffNote = z.infer<typeof staffNoteSchema>;
export interface DisclosureDraft {
  id: string;
  centerId: string;
  organisation: string;
  commitments: string;
  supervision: string;
  staffNotes: StaffNote[];
  updatedAt: string;
  updatedBy: string;
}
export const disclosureDraftId = (centerId: string): string => `discdraft:${centerId}`;

export interface EmptySection {
  section: SectionKey;
  /** What to do, in the admin's words. */
  message: string;
}

const EMPTY_HINTS: Record<SectionKey, string> = {
  organisation: '请填写中心的机构设置、工作职责和权限',
  windows: '中心还没有服务窗口,请先在“窗口设置”中设置窗口',
  staff: '中心还没有窗口工作人员,请先在“人员与邀请码”中添加人员',
  commitments: '请填写服务承诺(如一次性告知、限时办结),并确认办事指南中有事项及其承诺期限',
  supervision: '请填写监督办法(如举报箱位置、受理时间),并确认中心设置了监督投诉电话',
  complaints: '投诉办理情况暂时无法生成,请稍后再试',
  roster: '本月的领导带班值班表还没有公示,请先在“带班值班排班”中发布本月排班',
};

/** The sections a publication may not go out without, each with what to do (R-CAT-4). */
export function emptySections(s: Sections): EmptySection[] {
  const empty: Record<SectionKey, boolean> = {
    organisation: !s.organisation.text.trim(),
    windows: s.windows.length === 0,
    staff: s.staff.length === 0,
    commitments: !s.commitments.text.trim() || s.commitments.items.length === 0,
    supervision: !s.supervision.text.trim() || !s.supervision.complaintPhone.trim(),
    complaints: s.complaints.months.length === 0,
    roster: s.roster.days.length === 0,
  };
  return SECTION_KEYS.filter((k) => empty[k]).map((section) => ({ section, message: `${SECTION_LABELS[section]}:${EMPTY_HINTS[section]}` }));
}

export function publicationRefusal(empty: readonly EmptySection[]): string {
  return `对不起,本次政务公开暂不能发布:${empty.map((e) => `“${SECTION_LABELS[e.section]}”`).join('、')}还是空的。请按提示补充后再发布,谢谢。`;
}

export interface DirectoryPerson {
  id: string;
  name: string;
  windowId?: string;
}
export interface DirectoryWindow {
  id: string;
  name: string;
  duties: string;
  sort: number;
}
export interface DirectoryPost {
  windowId: string;
  name: string;
  aId: string;
  bId: string;
}

/**
 * The staff directory (R-CAT-4): each clerk with their window, the posts they hold as A or B
 * (R-CASE-6), duties as the admin wrote them — or, where the admin wrote none, their window's
 * duties — and photo; by window, the A of the window's post first.
 */
export function staffDirectory(people: readonly DirectoryPerson[], windows: readonly DirectoryWindow[], posts: readonly DirectoryPost[], notes: readonly StaffNote[]): StaffEntry[] {
  const sortOf = (windowId: string) => windows.find((w) => w.id === windowId)?.sort ?? Number.MAX_SAFE_INTEGER;
  const rows = people.map((p) => {
    const byWindow = (list: readonly DirectoryPost[]) => [...list].sort((a, b) => sortOf(a.windowId) - sortOf(b.windowId));
    const held = [
      ...byWindow(posts.filter((x) => x.aId === p.id)).map((x) => ({ post: x.name, ab: 'A' as const, windowId: x.windowId })),
      ...byWindow(posts.filter((x) => x.bId === p.id)).map((x) => ({ post: x.name, ab: 'B' as const, windowId: x.windowId })),
    ];
    const windowId = p.windowId ?? held[0]?.windowId ?? '';
    const window = windows.find((w) => w.id === windowId);
    const note = notes.find((n) => n.userId === p.id);
    const entry: StaffEntry = {
      name: p.name,
      windowName: window?.name ?? '',
      posts: held.map(({ post, ab }) => ({ post, ab })),
      duties: note?.duties.trim() || window?.duties || '',
      photo: note?.photo.trim() ?? '',
    };
    const rank = held.some((h) => h.ab === 'A' && h.windowId === windowId) ? 0 : held.length ? 1 : 2;
    return { entry, sort: window?.sort ?? Number.MAX_SAFE_INTEGER, rank };
  });
  return rows.sort((a, b) => a.sort - b.sort || a.rank - b.rank || a.entry.name.localeCompare(b.entry.name, 'zh')).map((r) => r.entry);
}

/** 'YYYY-MM' of the month before. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

// ---- Pre-publication (预公开) --------------------------------------------------------------

export const PREPUB_KINDS = ['new_item', 'changed_commitment', 'fee'] as const;
export type PrepubKind = (typeof PREPUB_KINDS)[number];
export const PREPUB_KIND_LABELS: Record<PrepubKind, string> = {
  new_item: '新增服务事项',
  changed_commitment: '服务承诺调整',
  fee: '收费事项',
};

/** The shortest comment period, in working days after the day of publication (see the top). */
export const MIN_COMMENT_WORKING_DAYS = 5;
/** The longest, in calendar days: a plan is not left open for comments indefinitely. */
export const MAX_COMMENT_DAYS = 60;

export const PREPUB_STATES = ['open', 'closed', 'final'] as const;
export type PrepubState = (typeof PREPUB_STATES)[number];
export const PREPUB_STATE_LABELS: Record<PrepubState, string> = {
  open: '征求意见中',
  closed: '意见征集已结束,待正式公布',
  final: '已正式公布',
};

/** A major item put out for comments; id `prepub:<uuid>`. */
export interface Prepub {
  id: string;
  centerId: string;
  kind: PrepubKind;
  title: string;
  text: string;
  /** The last day comments are taken (inclusive, Shanghai date). */
  endsOn: string;
  publishedAt: string;
  publishedBy: string;
  publisherName: string;
  final?: { text: string; publishedAt: string; publishedBy: string; publisherName: string };
}

/**
 * A villager's comment: one per person and pre-publication. Its id is made on the server from the
 * pre-publication and the writer (hashed, so a public comment never shows whose account wrote it,
 * nor links one person's comments across pre-publications).
 */
export interface PrepubComment {
  id: string;
  prepubId: string;
  centerId: string;
  userId: string;
  text: string;
  createdAt: string;
  updatedAt: string;
  answer?: { text: string; at: string; by: string; byName: string };
}

export function prepubState(p: Pick<Prepub, 'endsOn' | 'final'>, today: string): PrepubState {
  if (p.final) return 'final';
  return today <= p.endsOn ? 'open' : 'closed';
}

/** The earliest and latest end dates the admin may choose on `today`. */
export function commentPeriodBounds(today: string, cal: WorkCalendar): { earliest: string; latest: string } {
  return { earliest: cal.addWorkingDays(today, MIN_COMMENT_WORKING_DAYS), latest: addDays(today, MAX_COMMENT_DAYS) };
}

/** Null when the end date is fine; otherwise why not and what to choose. */
export function endDateProblem(endsOn: string, today: string, cal: WorkCalendar): string | null {
  const { earliest, latest } = commentPeriodBounds(today, cal);
  if (endsOn < earliest) return `征求意见期至少${MIN_COMMENT_WORKING_DAYS}个工作日,截止日期请选择${dayLabel(earliest)}或以后`;
  if (endsOn > latest) return `征求意见期请不超过${MAX_COMMENT_DAYS}天,截止日期请选择${dayLabel(latest)}或以前`;
  return null;
}
