/**
 * Public information (政务公开, R-CAT-4) and pre-publication (预公开, R-CAT-5).
 *
 * Publication: the admin keeps a draft of the written sections; publishing copies the generated
 * sections from live data (windows, staff with their posts and A/B, the items' promised limits,
 * the center's phones, the month's complaint figures from complaints.monthFigures, the month's
 * published roster from duty.roster) and inserts an archived version that is never changed.
 * A publication with an empty section is refused, naming it, and writes nothing.
 *
 * Pre-publication: the admin puts a major item out for comments until an end date; villagers and
 * agents comment once each (editable until the end, not after it is answered); the admin answers
 * and, after the end, publishes the final version with every comment answered. Commenters are
 * shown masked and phone or ID numbers in comment text masked to everyone but their writer.
 */
import crypto from 'node:crypto';
import type { disclosureContract, CommentView, PrepubView } from '../../../shared/contracts/disclosure';
import type { ActionOutput, ActionParsedInput } from '../../../shared/contracts/define';
import {
  commentPeriodBounds,
  disclosureDraftId,
  disclosureId,
  emptySections,
  endDateProblem,
  IN_APP_CHANNEL,
  prepubState,
  previousMonth,
  publicationRefusal,
  SECTION_LABELS,
  staffDirectory,
  type Disclosure,
  type DisclosureDraft,
  type Prepub,
  type PrepubComment,
  type Sections,
} from '../../../shared/domain/disclosure';
import { AppError } from '../../../shared/domain/errors';
import { maskName, maskNumbersInText } from '../../../shared/domain/personal-data';
import { documentDate, shanghaiDate } from '../../../shared/domain/time';
import type { User } from '../../../shared/domain/org';
import { nowIso, type Ctx } from '../context';
import { appendAudit } from './audit';
import { centerCalendar } from './calendar';
import { monthFigures } from './complaints';
import { roster as dutyRoster } from './duty';
import { requireCaller } from './guards';

type C = typeof disclosureContract;
type In<K extends keyof C> = ActionParsedInput<C[K]>;
type Out<K extends keyof C> = ActionOutput<C[K]>;

const todayOf = (ctx: Ctx): string => shanghaiDate(ctx.clock.now());

/** One comment per person and pre-publication; the writer's id hashed with the pre-publication's (never shown, never linkable). */
const commentId = (prepubId: string, userId: string): string => `pcomment:${crypto.createHash('sha256').update(`${prepubId}|${userId}`).digest('hex').slice(0, 32)}`;

async function requireCenter(ctx: Ctx, centerId: string) {
  const center = await ctx.store.get('centers', centerId);
  if (!center) throw new AppError('NOT_FOUND', '对不起,没有找到该服务中心,请返回重新选择中心。');
  return center;
}

// ---- The publication ---------------------------------------------------------------------

const emptyDraft = (centerId: string): DisclosureDraft => ({ id: disclosureDraftId(centerId), centerId, organisation: '', commitments: '', supervision: '', staffNotes: [], updatedAt: '', updatedBy: '' });

/** The publication as it would go out now: live data for the generated sections, the draft's text for the written ones. */
async function liveSections(ctx: Ctx, centerId: string, draft: DisclosureDraft): Promise<{ sections: Sections; staff: User[]; windowName: Map<string, string> }> {
  const center = await requireCenter(ctx, centerId);
  const month = todayOf(ctx).slice(0, 7);
  const years = [...new Set([previousMonth(month).slice(0, 4), month.slice(0, 4)])].map(Number);
  const [windows, people, posts, items, figures, roster] = await Promise.all([
    ctx.store.find('windows', { where: { centerId }, orderBy: [['sort', 'asc']] }),
    ctx.store.find('users', { where: { centerId, role: 'staff' } }),
    ctx.store.find('posts', { where: { centerId } }),
    ctx.store.find('items', { where: { centerId } }),
    // The complaints function's own public figures (公布), not recomputed here.
    Promise.all(years.map((year) => monthFigures(ctx, { centerId, year }))),
    // The duty roster as the duty function publishes it (公示).
    dutyRoster(ctx, { centerId, month }),
  ]);
  const staff = people.filter((u) => !u.erasedAt);
  const windowName = new Map(windows.map((w) => [w.id, w.name]));
  const windowSort = new Map(windows.map((w) => [w.id, w.sort]));
  const wanted = new Set([previousMonth(month), month]);
  const sections: Sections = {
    organisation: { centerName: center.name, address: center.address, text: draft.organisation },
    windows: windows.map((w) => ({ name: w.name, duties: w.duties, phone: w.phone })),
    staff: staffDirectory(staff, windows, posts, draft.staffNotes),
    commitments: {
      opensAt: center.opensAt,
      closesAt: center.closesAt,
      text: draft.commitments,
      items: items
        .sort((a, b) => (windowSort.get(a.windowId) ?? 0) - (windowSort.get(b.windowId) ?? 0) || (a.code < b.code ? -1 : 1))
        .map((i) => ({ code: i.code, name: i.name, windowName: windowName.get(i.windowId) ?? '', promisedDays: i.promisedDays, fees: i.fees })),
    },
    supervision: { complaintPhone: center.complaintPhone, servicePhone: center.phone, inApp: IN_APP_CHANNEL, text: draft.supervision },
    complaints: {
      months: figures
        .flatMap((f) => f.months)
        .filter((m) => wanted.has(m.month))
        .map((m) => ({ month: m.month, received: m.received, answered: m.answered, answeredOnTime: m.answeredOnTime, substantiated: m.substantiated })),
    },
    roster: { month, days: (roster.roster.published?.days ?? []).map((d) => ({ date: d.date, leaders: d.leaders.map((l) => l.name) })) },
  };
  return { sections, staff, windowName };
}

const historyRow = (d: Disclosure) => ({ number: d.number, publishedAt: d.publishedAt, publishedOn: d.publishedOn, publisherName: d.publisherName });
const versionOut = (d: Disclosure) => ({ ...historyRow(d), sections: d.sections });

const versionsOf = (ctx: Ctx, centerId: string, limit?: number) => ctx.store.find('disclosures', { where: { centerId }, orderBy: [['number', 'desc']], ...(limit ? { limit } : {}) });
const latest = async (ctx: Ctx, centerId: string): Promise<Disclosure | null> => (await versionsOf(ctx, centerId, 1))[0] ?? null;

async function draftOut(ctx: Ctx, centerId: string): Promise<Out<'draft'>> {
  const draft = (await ctx.store.get('disclosureDrafts', disclosureDraftId(centerId))) ?? emptyDraft(centerId);
  const [{ sections, staff, windowName }, last] = await Promise.all([liveSections(ctx, centerId, draft), latest(ctx, centerId)]);
  return {
    draft: {
      organisation: draft.organisation,
      commitments: draft.commitments,
      supervision: draft.supervision,
      staffNotes: staff.map((u) => {
        const note = draft.staffNotes.find((n) => n.userId === u.id);
        return { userId: u.id, name: u.name, windowName: windowName.get(u.windowId ?? '') ?? '', duties: note?.duties ?? '', photo: note?.photo ?? '' };
      }),
      updatedAt: draft.updatedAt || null,
    },
    preview: sections,
    empty: emptySections(sections).map((e) => ({ ...e, label: SECTION_LABELS[e.section] })),
    lastNumber: last?.number ?? null,
  };
}

export async function draft(ctx: Ctx, _input: In<'draft'>): Promise<Out<'draft'>> {
  const admin = requireCaller(ctx);
  return draftOut(ctx, admin.centerId);
}

export async function saveDraft(ctx: Ctx, input: In<'saveDraft'>): Promise<Out<'saveDraft'>> {
  const admin = requireCaller(ctx);
  const staff = await ctx.store.find('users', { where: { centerId: admin.centerId, role: 'staff' } });
  const ids = new Set(staff.map((u) => u.id));
  const unknown = input.staffNotes.map((n, i) => ({ n, i })).filter(({ n }) => !ids.has(n.userId));
  if (unknown.length) {
    throw new AppError('VALIDATION', '对不起,名单中有不是本中心窗口工作人员的人员,请刷新页面后重新填写。', unknown.map(({ i }) => ({ field: `staffNotes.${i}.userId`, message: '请从本中心的窗口工作人员中选择' })));
  }
  const at = nowIso(ctx);
  const id = disclosureDraftId(admin.centerId);
  await ctx.store.transaction(async (tx) => {
    const before = await tx.get('disclosureDrafts', id);
    const after: DisclosureDraft = {
      id,
      centerId: admin.centerId,
      organisation: input.organisation,
      commitments: input.commitments,
      supervision: input.supervision,
      // One note per person: the last one given wins; a note left blank is not kept.
      staffNotes: [...new Map(input.staffNotes.map((n) => [n.userId, n])).values()].filter((n) => n.duties || n.photo),
      updatedAt: at,
      updatedBy: admin.id,
    };
    await tx.put('disclosureDrafts', after);
    await appendAudit(tx, { centerId: admin.centerId, at, actorId: admin.id, action: 'disclosure.draft', collection: 'disclosureDrafts', recordId: id, before, after });
  });
  return draftOut(ctx, admin.centerId);
}

export async function publish(ctx: Ctx, _input: In<'publish'>): Promise<Out<'publish'>> {
  const admin = requireCaller(ctx);
  const draftDoc = (await ctx.store.get('disclosureDrafts', disclosureDraftId(admin.centerId))) ?? emptyDraft(admin.centerId);
  const { sections } = await liveSections(ctx, admin.centerId, draftDoc);
  const empty = emptySections(sections);
  if (empty.length) throw new AppError('VALIDATION', publicationRefusal(empty), empty.map((e) => ({ field: `sections.${e.section}`, message: e.message })));
  const at = nowIso(ctx);
  const last = await latest(ctx, admin.centerId);
  const number = (last?.number ?? 0) + 1;
  const version: Disclosure = { id: disclosureId(admin.centerId, number), centerId: admin.centerId, number, publishedAt: at, publishedOn: todayOf(ctx), publisherId: admin.id, publisherName: admin.name, sections };
  await ctx.store.transaction(async (tx) => {
    // An insert: two publications at once cannot both take this number (the loser gets CONFLICT).
    await tx.insert('disclosures', version);
    await appendAudit(tx, { centerId: admin.centerId, at, actorId: admin.id, action: 'disclosure.publish', collection: 'disclosures', recordId: version.id, before: null, after: { number, publishedOn: version.publishedOn } });
  });
  return { version: versionOut(version) };
}

export async function current(ctx: Ctx, input: In<'current'>): Promise<Out<'current'>> {
  await requireCenter(ctx, input.centerId);
  const last = await latest(ctx, input.centerId);
  return { version: last ? versionOut(last) : null };
}

export async function history(ctx: Ctx, input: In<'history'>): Promise<Out<'history'>> {
  await requireCenter(ctx, input.centerId);
  return { versions: (await versionsOf(ctx, input.centerId)).map(historyRow) };
}

export async function version(ctx: Ctx, input: In<'version'>): Promise<Out<'version'>> {
  await requireCenter(ctx, input.centerId);
  const doc = await ctx.store.get('disclosures', disclosureId(input.centerId, input.number));
  if (!doc) throw new AppError('NOT_FOUND', `对不起,没有找到第${input.number}期政务公开,请返回历史版本列表重新选择。`);
  return { version: versionOut(doc) };
}

// ---- Pre-publication -----------------------------------------------------------------------

async function loadPrepub(ctx: Ctx, id: string): Promise<Prepub> {
  const p = await ctx.store.get('prepubs', id);
  if (!p) throw new AppError('NOT_FOUND', '对不起,没有找到这项意见征集,可能已被撤回;请返回列表重新选择。');
  return p;
}

function requireOwnCenter(user: User, p: Prepub): void {
  if (user.centerId !== p.centerId) throw new AppError('FORBIDDEN', '对不起,这项意见征集属于其他服务中心,您不能办理;如需协助,请联系所在中心。');
}

const commentsOf = (ctx: Ctx, prepubId: string) => ctx.store.find('prepubComments', { where: { prepubId }, orderBy: [['createdAt', 'asc']] });

function prepubOut(p: Prepub, comments: readonly PrepubComment[], today: string): PrepubView {
  return {
    id: p.id,
    kind: p.kind,
    title: p.title,
    text: p.text,
    endsOn: p.endsOn,
    state: prepubState(p, today),
    publishedAt: p.publishedAt,
    publisherName: p.publisherName,
    final: p.final ? { text: p.final.text, publishedAt: p.final.publishedAt, publisherName: p.final.publisherName } : null,
    commentCount: comments.length,
    unanswered: comments.filter((c) => !c.answer).length,
  };
}

/** A comment as others see it: the writer masked with their village, numbers in the text masked. */
async function commentOut(ctx: Ctx, c: PrepubComment, viewer: User | null): Promise<CommentView> {
  const mine = viewer?.id === c.userId;
  const writer = await ctx.store.get('users', c.userId);
  const village = writer?.villageId ? await ctx.store.get('villages', writer.villageId) : null;
  const name = writer && !writer.erasedAt ? maskName(writer.name) : '群众';
  return {
    id: c.id,
    commenter: `${village ? `${village.name} ` : ''}${name}`,
    text: mine ? c.text : maskNumbersInText(c.text),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    answer: c.answer ? { text: c.answer.text, at: c.answer.at, byName: c.answer.byName } : null,
    mine,
  };
}

export async function prepubs(ctx: Ctx, input: In<'prepubs'>): Promise<Out<'prepubs'>> {
  await requireCenter(ctx, input.centerId);
  const today = todayOf(ctx);
  const [list, cal] = await Promise.all([ctx.store.find('prepubs', { where: { centerId: input.centerId }, orderBy: [['publishedAt', 'desc']] }), centerCalendar(ctx, input.centerId)]);
  const out = await Promise.all(list.map(async (p) => prepubOut(p, await commentsOf(ctx, p.id), today)));
  return { prepubs: out, endBounds: commentPeriodBounds(today, cal) };
}

export async function prepub(ctx: Ctx, input: In<'prepub'>): Promise<Out<'prepub'>> {
  const p = await loadPrepub(ctx, input.id);
  const today = todayOf(ctx);
  const comments = await commentsOf(ctx, p.id);
  const viewer = ctx.caller;
  const shown = await Promise.all(comments.map((c) => commentOut(ctx, c, viewer)));
  const view = prepubOut(p, comments, today);
  return {
    prepub: view,
    comments: shown,
    mine: shown.find((c) => c.mine) ?? null,
    canComment: view.state === 'open' && (viewer?.role === 'villager' || viewer?.role === 'agent') && viewer.centerId === p.centerId,
  };
}

export async function prepublish(ctx: Ctx, input: In<'prepublish'>): Promise<Out<'prepublish'>> {
  const admin = requireCaller(ctx);
  const today = todayOf(ctx);
  const problem = endDateProblem(input.endsOn, today, await centerCalendar(ctx, admin.centerId));
  if (problem) throw new AppError('VALIDATION', `对不起,${problem}。`, [{ field: 'endsOn', message: problem }]);
  const at = nowIso(ctx);
  const p: Prepub = { id: `prepub:${crypto.randomUUID()}`, centerId: admin.centerId, kind: input.kind, title: input.title, text: input.text, endsOn: input.endsOn, publishedAt: at, publishedBy: admin.id, publisherName: admin.name };
  await ctx.store.transaction(async (tx) => {
    await tx.insert('prepubs', p);
    await appendAudit(tx, { centerId: admin.centerId, at, actorId: admin.id, action: 'prepub.publish', collection: 'prepubs', recordId: p.id, before: null, after: p });
  });
  return { prepub: prepubOut(p, [], today) };
}

export async function comment(ctx: Ctx, input: In<'comment'>): Promise<Out<'comment'>> {
  const user = requireCaller(ctx);
  const p = await loadPrepub(ctx, input.id);
  requireOwnCenter(user, p);
  const today = todayOf(ctx);
  if (prepubState(p, today) !== 'open') {
    throw new AppError('VALIDATION', `对不起,这项意见征集已于${documentDate(p.endsOn)}结束,不再接收或修改意见。如您还有意见,请拨打中心监督电话或到中心当面反映,谢谢您的关心。`, [{ field: 'text', message: '意见征集已结束' }]);
  }
  const id = commentId(p.id, user.id);
  const at = nowIso(ctx);
  const saved = await ctx.store.transaction(async (tx) => {
    const before = await tx.get('prepubComments', id);
    if (before?.answer) {
      throw new AppError('CONFLICT', '对不起,中心已经答复了您的意见,答复针对的是原来的内容,所以不能再修改。如有新的意见,请拨打中心监督电话或到中心当面反映,谢谢。', [{ field: 'text', message: '意见已答复,不能修改' }]);
    }
    const after: PrepubComment = { id, prepubId: p.id, centerId: p.centerId, userId: user.id, text: input.text, createdAt: before?.createdAt ?? at, updatedAt: at };
    await tx.put('prepubComments', after);
    await appendAudit(tx, { centerId: p.centerId, at, actorId: user.id, action: before ? 'prepub.comment.edit' : 'prepub.comment', collection: 'prepubComments', recordId: id, before, after });
    return after;
  });
  return { comment: await commentOut(ctx, saved, user) };
}

export async function answer(ctx: Ctx, input: In<'answer'>): Promise<Out<'answer'>> {
  const admin = requireCaller(ctx);
  const c = await ctx.store.get('prepubComments', input.commentId);
  if (!c) throw new AppError('NOT_FOUND', '对不起,没有找到这条意见,请刷新后再试。');
  const p = await loadPrepub(ctx, c.prepubId);
  requireOwnCenter(admin, p);
  if (p.final) throw new AppError('CONFLICT', '对不起,这项事项已经正式公布,意见和答复已随之存档,不能再修改答复。', [{ field: 'text', message: '已正式公布,不能修改' }]);
  const at = nowIso(ctx);
  const saved = await ctx.store.transaction(async (tx) => {
    const before = await tx.get('prepubComments', c.id);
    if (!before) throw new AppError('NOT_FOUND', '对不起,没有找到这条意见,请刷新后再试。');
    const after: PrepubComment = { ...before, answer: { text: input.text, at, by: admin.id, byName: admin.name } };
    await tx.put('prepubComments', after);
    await appendAudit(tx, { centerId: p.centerId, at, actorId: admin.id, action: 'prepub.answer', collection: 'prepubComments', recordId: c.id, before, after });
    return after;
  });
  return { comment: await commentOut(ctx, saved, admin) };
}

export async function publishFinal(ctx: Ctx, input: In<'publishFinal'>): Promise<Out<'publishFinal'>> {
  const admin = requireCaller(ctx);
  const p = await loadPrepub(ctx, input.id);
  requireOwnCenter(admin, p);
  const today = todayOf(ctx);
  const state = prepubState(p, today);
  if (state === 'final') throw new AppError('CONFLICT', '对不起,这项事项已经正式公布过了;正式公布的内容不再修改,如需调整请重新发起意见征集。');
  if (state === 'open') {
    throw new AppError('VALIDATION', `对不起,征求意见期到${documentDate(p.endsOn)}才结束,请在此之后再正式公布,以便群众充分发表意见。`, [{ field: 'id', message: '征求意见期尚未结束' }]);
  }
  const comments = await commentsOf(ctx, p.id);
  const open = comments.filter((c) => !c.answer).length;
  if (open) throw new AppError('VALIDATION', `对不起,还有${open}条意见没有答复,请逐条答复后再正式公布,谢谢。`, [{ field: 'comments', message: `${open}条意见待答复` }]);
  const at = nowIso(ctx);
  const after: Prepub = { ...p, final: { text: input.text, publishedAt: at, publishedBy: admin.id, publisherName: admin.name } };
  await ctx.store.transaction(async (tx) => {
    const before = await tx.get('prepubs', p.id);
    if (before?.final) throw new AppError('CONFLICT', '对不起,这项事项刚刚已经正式公布,请刷新后查看。');
    await tx.put('prepubs', after);
    await appendAudit(tx, { centerId: p.centerId, at, actorId: admin.id, action: 'prepub.final', collection: 'prepubs', recordId: p.id, before, after });
  });
  return { prepub: prepubOut(after, comments, today) };
}
