/**
 * Public information (政务公开, R-CAT-4) and pre-publication (预公开, R-CAT-5) on a real SQLite
 * file with a fixed clock: archived versions that never change, history newest first, generated
 * sections copied from live data at publication (the complaint figures and the roster from their
 * own functions), an empty section refused with nothing written; one comment per villager,
 * editable until the end date and refused after it, answers attached, the final version.
 */
import { ManualClock } from '../../cloudfunctions/core/clock';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { publishDemoDisclosure } from '../../cloudfunctions/core/seed/demo-disclosure';
import type { CollectionName } from '../../cloudfunctions/core/store/collections';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import type { CommentView, PrepubView } from '../../shared/contracts/disclosure';
import type { Sections } from '../../shared/domain/disclosure';
import { caller, refusedCall } from '../helpers/calls';
import { seededStore } from '../helpers/temp';

const u = (key: string) => demoUserId('c-baisha', key);
const ADMIN = u('admin'); // 赵磊
const VILLAGER = u('villager'); // 王秀英, 石桥村
const AGENT = u('agent'); // 李建国
const STAFF = u('staff-mz');
const OTHER_VILLAGER = demoUserId('c-liutang', 'villager');
const OTHER_ADMIN = demoUserId('c-liutang', 'admin');

/** A Shanghai wall-clock instant. */
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;

let store: SqliteStore;
let clock: ManualClock;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  // Monday 2 March 2026, 09:00 in Shanghai; the seed publishes the rosters of March to May.
  ({ store, clock } = await seededStore(new ManualClock(at('2026-03-02', '09:00'))));
  api = caller(store, clock);
});
afterEach(async () => {
  await store.close();
});

type Version = { number: number; publishedAt: string; publishedOn: string; publisherName: string; sections: Sections };
type Draft = { draft: { organisation: string; staffNotes: Array<{ userId: string; name: string; duties: string; photo: string }> }; preview: Sections; empty: Array<{ section: string; label: string }>; lastNumber: number | null };

const WRITTEN = {
  organisation: '白沙镇便民服务中心由镇党委、政府统一领导,设民政、人社、卫健、残联、综合服务五个窗口。',
  commitments: '一次性告知,首问负责,限时办结;即办件当场办结。',
  supervision: '中心大厅入口设举报箱和意见簿,每周一开箱。',
};
const saveDraft = (extra: Record<string, unknown> = {}) => api.ok<Draft>(ADMIN, 'disclosure', 'saveDraft', { ...WRITTEN, staffNotes: [], ...extra });
const publish = () => api.ok<{ version: Version }>(ADMIN, 'disclosure', 'publish', {});

const PUB_WATCHED: CollectionName[] = ['disclosures', 'disclosureDrafts', 'audit'];

describe('政务公开: publish, archive, browse (R-CAT-4)', () => {
  test('before the first publication the public sees none; an empty draft is refused naming the sections, with nothing written', async () => {
    expect(await api.ok(null, 'disclosure', 'current', { centerId: 'c-baisha' })).toEqual({ version: null });
    expect(await api.ok(null, 'disclosure', 'history', { centerId: 'c-baisha' })).toEqual({ versions: [] });

    const draft = await api.ok<Draft>(ADMIN, 'disclosure', 'draft', {});
    expect(draft.empty.map((e) => e.section)).toEqual(['organisation', 'commitments', 'supervision']);
    const r = await refusedCall(store, PUB_WATCHED, () => api.call(ADMIN, 'disclosure', 'publish', {}));
    expect(r).toEqual({
      code: 'VALIDATION',
      message: '对不起,本次政务公开暂不能发布:“机构设置与职责”、“服务承诺”、“监督投诉渠道”还是空的。请按提示补充后再发布,谢谢。',
      fields: ['sections.organisation', 'sections.commitments', 'sections.supervision'],
    });

    // One written section still blank: refused naming that one only.
    await saveDraft({ supervision: '' });
    const one = await refusedCall(store, PUB_WATCHED, () => api.call(ADMIN, 'disclosure', 'publish', {}));
    expect(one.fields).toEqual(['sections.supervision']);
  });

  test('a fresh local demo (npm start) has each center\'s first version, published by its admin through the same actions', async () => {
    await publishDemoDisclosure(store, clock);
    for (const [centerId, admin, township] of [['c-baisha', '赵磊', '镇人民政府'], ['c-liutang', '冯晓', '乡人民政府']] as const) {
      const { version } = await api.ok<{ version: { number: number; publisherName: string; sections: Sections } | null }>(null, 'disclosure', 'current', { centerId });
      expect(version).toMatchObject({ number: 1, publisherName: admin });
      expect(version?.sections.organisation.text).toContain(township);
      expect(version?.sections.commitments.text).toContain('一次性告知');
      expect(version?.sections.windows.length).toBeGreaterThan(0);
    }
    expect(await store.count('audit', { action: 'disclosure.publish' })).toBe(2);
  });

  test('a month without a published roster is an empty section: refused, nothing written', async () => {
    await saveDraft();
    await store.remove('duty', 'duty:c-baisha:2026-03-02');
    const roster = await store.get('rosters', 'roster:c-baisha:2026-03');
    if (!roster) throw new Error('seed roster missing');
    const { publishedAt: _p, publishedBy: _b, ...unpublished } = roster;
    await store.put('rosters', { ...unpublished, status: 'draft' });
    const r = await refusedCall(store, PUB_WATCHED, () => api.call(ADMIN, 'disclosure', 'publish', {}));
    expect(r.fields).toEqual(['sections.roster']);
    expect(r.message).toContain('“领导带班值班”');
  });

  test('publishing copies live data; the version never changes after; history is newest first', async () => {
    const staffNotes = [{ userId: u('staff-mz'), duties: '低保、特困供养、临时救助的受理和初审', photo: 'https://example.org/chenli.jpg' }];
    await saveDraft({ staffNotes });
    // A complaint this month: the published figures are the complaints function's own.
    await api.ok(VILLAGER, 'complaints', 'file', { subjectKind: 'center', facts: '大厅等候区座位太少,老人站着等了很久。', wants: '希望增加座位' });
    const v1 = (await publish()).version;
    expect(v1).toMatchObject({ number: 1, publishedOn: '2026-03-02', publisherName: '赵磊', publishedAt: '2026-03-02T01:00:00.000Z' });

    const s = v1.sections;
    expect(s.organisation).toMatchObject({ centerName: '白沙镇便民服务中心', text: WRITTEN.organisation });
    expect(s.windows.map((w) => w.name)).toHaveLength(5);
    const chenli = s.staff.find((p) => p.name === '陈丽');
    expect(chenli).toEqual({ name: '陈丽', windowName: '民政窗口', posts: [{ post: '民政窗口岗', ab: 'A' }, { post: '残疾人联合会窗口岗', ab: 'B' }], duties: staffNotes[0]?.duties, photo: staffNotes[0]?.photo });
    expect(s.staff.map((p) => p.name)).toEqual(['陈丽', '杨帆', '吴婷', '孙浩', '何静']);
    expect(s.staff.every((p) => p.duties.length > 0)).toBe(true);
    expect(s.commitments).toMatchObject({ opensAt: '09:00', closesAt: '17:00', text: WRITTEN.commitments });
    expect(s.commitments.items).toHaveLength(18);
    const items = await store.find('items', { where: { centerId: 'c-baisha' } });
    for (const i of s.commitments.items) expect(i.promisedDays).toBe(items.find((x) => x.code === i.code)?.promisedDays);
    const center = await store.get('centers', 'c-baisha');
    expect(s.supervision).toMatchObject({ complaintPhone: center?.complaintPhone, servicePhone: center?.phone, text: WRITTEN.supervision });
    const figures = await api.ok<{ months: Array<{ month: string; received: number; answered: number; answeredOnTime: number; substantiated: number }> }>(null, 'complaints', 'monthFigures', { centerId: 'c-baisha', year: 2026 });
    const march = figures.months.find((m) => m.month === '2026-03');
    expect(s.complaints.months).toEqual([
      { month: '2026-02', received: 0, answered: 0, answeredOnTime: 0, substantiated: 0 },
      { month: '2026-03', received: march?.received, answered: march?.answered, answeredOnTime: march?.answeredOnTime, substantiated: march?.substantiated },
    ]);
    expect(march?.received).toBe(1);
    const roster = await api.ok<{ roster: { published: { days: Array<{ date: string; leaders: Array<{ name: string }> }> } } }>(null, 'duty', 'roster', { centerId: 'c-baisha', month: '2026-03' });
    expect(s.roster).toEqual({ month: '2026-03', days: roster.roster.published.days.map((d) => ({ date: d.date, leaders: d.leaders.map((l) => l.name) })) });
    expect(s.roster.days.length).toBeGreaterThan(15);

    // Live data changes, and a week later the admin publishes again.
    const w = await store.get('windows', 'w-baisha-mz');
    if (!w) throw new Error('seed window missing');
    await store.put('windows', { ...w, duties: '低保、救助、养老服务补贴' });
    await api.ok(ADMIN, 'center', 'savePost', { windowId: 'w-baisha-mz', aId: u('staff-zh'), bId: u('staff-mz') });
    clock.set(at('2026-03-09', '10:00'));
    await saveDraft({ staffNotes, organisation: `${WRITTEN.organisation}(3月调整)` });
    const v2 = (await publish()).version;
    expect(v2).toMatchObject({ number: 2, publishedOn: '2026-03-09' });
    expect(v2.sections.windows.find((x) => x.name === '民政窗口')?.duties).toBe('低保、救助、养老服务补贴');
    expect(v2.sections.staff.find((p) => p.name === '陈丽')?.posts).toEqual([{ post: '民政窗口岗', ab: 'B' }, { post: '残疾人联合会窗口岗', ab: 'B' }]);

    // Version 1 reads exactly as it was published; the current one is version 2.
    expect((await api.ok<{ version: Version }>(null, 'disclosure', 'version', { centerId: 'c-baisha', number: 1 })).version).toEqual(v1);
    expect((await api.ok<{ version: Version }>(null, 'disclosure', 'current', { centerId: 'c-baisha' })).version).toEqual(v2);
    const hist = await api.ok<{ versions: Array<{ number: number; publishedOn: string; publisherName: string }> }>(null, 'disclosure', 'history', { centerId: 'c-baisha' });
    expect(hist.versions.map((h) => `${h.number} ${h.publishedOn} ${h.publisherName}`)).toEqual(['2 2026-03-09 赵磊', '1 2026-03-02 赵磊']);

    // Another center has its own (empty) history; an unknown version is a courteous 404.
    expect(await api.ok(null, 'disclosure', 'current', { centerId: 'c-liutang' })).toEqual({ version: null });
    const missing = await api.call(null, 'disclosure', 'version', { centerId: 'c-baisha', number: 3 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '对不起,没有找到第3期政务公开,请返回历史版本列表重新选择。' } });
    // The audit trail has each publication.
    expect((await store.find('audit', { where: { action: 'disclosure.publish' }, orderBy: [['at', 'asc']] })).map((a) => a.recordId)).toEqual(['disc:c-baisha:000001', 'disc:c-baisha:000002']);
  });

  test('two publications at once never overwrite each other', async () => {
    await saveDraft();
    const results = await Promise.all([api.call(ADMIN, 'disclosure', 'publish', {}), api.call(ADMIN, 'disclosure', 'publish', {})]);
    const stored = await store.find('disclosures', { where: { centerId: 'c-baisha' }, orderBy: [['number', 'asc']] });
    const okOnes = results.filter((r) => r.ok);
    expect(okOnes.length).toBe(stored.length);
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('CONFLICT');
    expect(new Set(stored.map((d) => d.number)).size).toBe(stored.length);
  });

  test('only the admin prepares and publishes; a staff note for someone who is not the center\'s clerk is refused', async () => {
    expect(await api.call(STAFF, 'disclosure', 'publish', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await api.call(null, 'disclosure', 'draft', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const r = await refusedCall(store, PUB_WATCHED, () =>
      api.call(ADMIN, 'disclosure', 'saveDraft', { ...WRITTEN, staffNotes: [{ userId: demoUserId('c-liutang', 'staff-mz'), duties: '受理', photo: '' }] }),
    );
    expect(r).toMatchObject({ code: 'VALIDATION', fields: ['staffNotes.0.userId'] });
    const photo = await refusedCall(store, PUB_WATCHED, () => api.call(ADMIN, 'disclosure', 'saveDraft', { ...WRITTEN, staffNotes: [{ userId: STAFF, duties: '', photo: 'javascript:alert(1)' }] }));
    expect(photo).toMatchObject({ code: 'VALIDATION', fields: ['staffNotes.0.photo'] });
  });
});

type Prepub = { prepub: PrepubView; comments: CommentView[]; mine: CommentView | null; canComment: boolean };
const PLAN = { kind: 'fee', title: '农村建房规划许可收取工本费', text: '拟对农村村民住宅建设规划许可证收取工本费每本10元,自2026年4月1日起执行,困难群众免收。' };
const PRE_WATCHED: CollectionName[] = ['prepubs', 'prepubComments', 'audit'];

describe('预公开: comments until the end date, answers, the final version (R-CAT-5)', () => {
  const open = async (endsOn = '2026-03-09') => (await api.ok<{ prepub: PrepubView }>(ADMIN, 'disclosure', 'prepublish', { ...PLAN, endsOn })).prepub;
  const view = (userId: string | null, id: string) => api.ok<Prepub>(userId, 'disclosure', 'prepub', { id });
  const comment = (userId: string, id: string, text: string) => api.call(userId, 'disclosure', 'comment', { id, text });

  test('the comment period is at least 5 working days: an earlier end date is refused naming the field, nothing written', async () => {
    const r = await refusedCall(store, PRE_WATCHED, () => api.call(ADMIN, 'disclosure', 'prepublish', { ...PLAN, endsOn: '2026-03-06' }));
    expect(r).toEqual({ code: 'VALIDATION', message: '对不起,征求意见期至少5个工作日,截止日期请选择3月9日 周一或以后。', fields: ['endsOn'] });
    const p = await open();
    expect(p).toMatchObject({ state: 'open', endsOn: '2026-03-09', publisherName: '赵磊', commentCount: 0, final: null });
    const list = await api.ok<{ prepubs: PrepubView[]; endBounds: { earliest: string } }>(null, 'disclosure', 'prepubs', { centerId: 'c-baisha' });
    expect(list.prepubs.map((x) => x.id)).toEqual([p.id]);
    expect(list.endBounds.earliest).toBe('2026-03-09');
  });

  test('one comment per villager, editable until the end date; others see the writer and numbers masked', async () => {
    const p = await open();
    expect((await view(VILLAGER, p.id)).canComment).toBe(true);
    expect((await view(null, p.id)).canComment).toBe(false);
    expect(await comment(VILLAGER, p.id, '工本费可以接受,请问低保户怎么证明?')).toMatchObject({ ok: true });
    clock.set(at('2026-03-04', '15:00'));
    const edited = await comment(VILLAGER, p.id, '工本费可以接受,低保户凭低保证免收就好。有问题打我电话13957100001。');
    expect(edited).toMatchObject({ ok: true });
    expect(await comment(AGENT, p.id, '建议村代办员可以代为领取许可证。')).toMatchObject({ ok: true });
    expect(await store.count('prepubComments', { prepubId: p.id })).toBe(2);

    const mine = await view(VILLAGER, p.id);
    expect(mine.mine).toMatchObject({ text: '工本费可以接受,低保户凭低保证免收就好。有问题打我电话13957100001。', createdAt: '2026-03-02T01:00:00.000Z', updatedAt: '2026-03-04T07:00:00.000Z', mine: true });
    const pub = await view(null, p.id);
    expect(pub.mine).toBeNull();
    const hers = pub.comments.find((c) => c.createdAt === '2026-03-02T01:00:00.000Z');
    expect(hers?.commenter).toMatch(/^\S+村 王\*英$/);
    expect(hers?.text).toBe('工本费可以接受,低保户凭低保证免收就好。有问题打我电话139****0001。');
    expect(JSON.stringify(pub)).not.toContain('13957100001');
    expect(JSON.stringify(pub)).not.toContain('王秀英');
    // Nor the accounts behind the comments: a comment's id does not carry its writer's user id.
    for (const id of [VILLAGER, AGENT]) expect(JSON.stringify(pub)).not.toContain(id);
    expect(pub.prepub).toMatchObject({ commentCount: 2, unanswered: 2 });

    // Staff do not comment; a villager of another center may not comment here.
    expect(await comment(STAFF, p.id, '这是工作人员的意见。')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const other = await refusedCall(store, PRE_WATCHED, () => comment(OTHER_VILLAGER, p.id, '我是柳塘乡的,也想提意见。'));
    expect(other.code).toBe('FORBIDDEN');
  });

  test('a comment after the end date is refused courteously, new or edited, and nothing is written', async () => {
    const p = await open();
    await comment(VILLAGER, p.id, '我同意收取工本费。');
    // The last day still counts, until midnight in Shanghai.
    clock.set(at('2026-03-09', '23:59'));
    expect(await comment(AGENT, p.id, '最后一天提的意见。')).toMatchObject({ ok: true });
    clock.set(at('2026-03-10', '00:00'));
    for (const userId of [VILLAGER, u('agent')]) {
      const r = await refusedCall(store, PRE_WATCHED, () => comment(userId, p.id, '截止以后才想起来的意见。'));
      expect(r).toEqual({ code: 'VALIDATION', message: '对不起,这项意见征集已于2026年3月9日结束,不再接收或修改意见。如您还有意见,请拨打中心监督电话或到中心当面反映,谢谢您的关心。', fields: ['text'] });
    }
    const after = await view(VILLAGER, p.id);
    expect(after).toMatchObject({ canComment: false, prepub: { state: 'closed' } });
    expect(after.mine?.text).toBe('我同意收取工本费。');
  });

  test('answers stay attached; an answered comment is not edited; the final version keeps comments and answers', async () => {
    const p = await open();
    await comment(VILLAGER, p.id, '低保户怎么证明可以免收?');
    await comment(AGENT, p.id, '建议村代办员可以代为领取许可证。');
    const c1 = (await view(VILLAGER, p.id)).mine;
    if (!c1) throw new Error('comment missing');
    clock.set(at('2026-03-05', '10:00'));
    const answered = await api.ok<{ comment: CommentView }>(ADMIN, 'disclosure', 'answer', { commentId: c1.id, text: '凭低保证或民政部门证明即可免收,谢谢您的意见。' });
    expect(answered.comment.answer).toEqual({ text: '凭低保证或民政部门证明即可免收,谢谢您的意见。', at: '2026-03-05T02:00:00.000Z', byName: '赵磊' });
    const edit = await refusedCall(store, PRE_WATCHED, () => comment(VILLAGER, p.id, '我想改一下我的意见内容。'));
    expect(edit.code).toBe('CONFLICT');
    // Another center's admin may not answer.
    expect((await refusedCall(store, PRE_WATCHED, () => api.call(OTHER_ADMIN, 'disclosure', 'answer', { commentId: c1.id, text: '这是别的中心的答复。' }))).code).toBe('FORBIDDEN');

    // Final publication: not while comments are still taken, not with a comment unanswered.
    const FINAL = { id: p.id, text: '经征求意见,农村村民住宅建设规划许可证工本费每本10元,低保户、特困人员凭证免收,村代办员可代为领取。' };
    const early = await refusedCall(store, PRE_WATCHED, () => api.call(ADMIN, 'disclosure', 'publishFinal', FINAL));
    expect(early).toMatchObject({ code: 'VALIDATION', message: '对不起,征求意见期到2026年3月9日才结束,请在此之后再正式公布,以便群众充分发表意见。' });
    clock.set(at('2026-03-10', '09:00'));
    const unanswered = await refusedCall(store, PRE_WATCHED, () => api.call(ADMIN, 'disclosure', 'publishFinal', FINAL));
    expect(unanswered).toEqual({ code: 'VALIDATION', message: '对不起,还有1条意见没有答复,请逐条答复后再正式公布,谢谢。', fields: ['comments'] });
    const c2 = (await view(null, p.id)).comments.find((c) => !c.answer);
    await api.ok(ADMIN, 'disclosure', 'answer', { commentId: c2?.id, text: '采纳,村代办员凭授权书可代为领取。' });
    const final = await api.ok<{ prepub: PrepubView }>(ADMIN, 'disclosure', 'publishFinal', FINAL);
    expect(final.prepub).toMatchObject({ state: 'final', final: { text: FINAL.text, publishedAt: '2026-03-10T01:00:00.000Z', publisherName: '赵磊' }, text: PLAN.text, commentCount: 2, unanswered: 0 });

    const record = await view(null, p.id);
    // In the order they were written (both at 09:00 on 2 March: then by id); every answer attached to its comment.
    expect(Object.fromEntries(record.comments.map((c) => [c.text, c.answer?.text]))).toEqual({
      '低保户怎么证明可以免收?': '凭低保证或民政部门证明即可免收,谢谢您的意见。',
      '建议村代办员可以代为领取许可证。': '采纳,村代办员凭授权书可代为领取。',
    });
    // After the final publication the record is closed: no new answer, no second final.
    expect((await refusedCall(store, PRE_WATCHED, () => api.call(ADMIN, 'disclosure', 'answer', { commentId: c1.id, text: '修改后的答复内容。' }))).code).toBe('CONFLICT');
    expect((await refusedCall(store, PRE_WATCHED, () => api.call(ADMIN, 'disclosure', 'publishFinal', FINAL))).code).toBe('CONFLICT');
  });

  test('erasing an account (PIPL) lists the comments, unnames them and masks numbers in their text; the comment stays on the record', async () => {
    const p = await open();
    await comment(VILLAGER, p.id, '同意。有事请打我电话13957100001。');
    const held = await api.ok<{ categories: Array<{ key: string; count: number }> }>(VILLAGER, 'account', 'myData', {});
    expect(held.categories.find((c) => c.key === 'prepubComments')).toMatchObject({ count: 1 });
    await api.ok(VILLAGER, 'account', 'eraseMe', { confirm: true });
    const [stored] = await store.find('prepubComments', { where: { prepubId: p.id } });
    expect(stored?.text).toBe('同意。有事请打我电话139****0001。');
    const record = await view(null, p.id);
    expect(record.comments.map((c) => `${c.commenter}: ${c.text}`)).toEqual(['群众: 同意。有事请打我电话139****0001。']);
  });
});
