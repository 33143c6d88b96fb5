/**
 * 政务公开 and 预公开 over HTTP (R-CAT-4, R-CAT-5): the public reads the current publication, its
 * history, any version and the pre-publications without signing in, and sees no phone number or
 * full name of a commenter; preparing and publishing need the admin; bad input answers 400 with
 * the field, a missing version 404, a comment after the end date 400 — each with a courteous
 * Chinese message.
 */
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { startTestHost, type TestHost } from '../helpers/host';

const u = (key: string) => demoUserId('c-baisha', key);
let t: TestHost;
let admin: string;
let villager: string;

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Shanghai.
  t = await startTestHost({ now: '2026-03-02T09:00:00+08:00' });
  [admin, villager] = await Promise.all([t.login(u('admin')), t.login(u('villager'))]);
});
afterAll(async () => {
  await t.close();
});

const post = (action: string, input: unknown, token?: string) => t.call('disclosure', { action, input }, token);

test('the admin publishes; anyone reads the current version, the history and one version without signing in', async () => {
  expect((await post('publish', {})).status).toBe(401);
  expect((await post('publish', {}, villager)).status).toBe(403);
  const refused = await post('publish', {}, admin);
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: [{ field: 'sections.organisation' }, { field: 'sections.commitments' }, { field: 'sections.supervision' }] } });

  const saved = await post('saveDraft', { organisation: '中心设五个窗口,由镇政府统一领导。', commitments: '一次性告知,限时办结。', supervision: '大厅入口设举报箱。', staffNotes: [] }, admin);
  expect(saved.status).toBe(200);
  const published = await post('publish', {}, admin);
  expect(published).toMatchObject({ status: 200, body: { ok: true, data: { version: { number: 1, publishedOn: '2026-03-02', publisherName: '赵磊' } } } });

  const current = await post('current', { centerId: 'c-baisha' });
  expect(current.status).toBe(200);
  expect(current.body).toEqual(published.body);
  expect(await post('history', { centerId: 'c-baisha' })).toMatchObject({ status: 200, body: { ok: true, data: { versions: [{ number: 1, publishedOn: '2026-03-02' }] } } });
  expect(await post('version', { centerId: 'c-baisha', number: 1 })).toMatchObject({ status: 200, body: published.body });

  const missing = await post('version', { centerId: 'c-baisha', number: 9 });
  expect(missing).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND', message: '对不起,没有找到第9期政务公开,请返回历史版本列表重新选择。' } } });
  const bad = await post('version', { centerId: 'c-baisha', number: 0 });
  expect(bad).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION', message: '版本号应从1开始', details: [{ field: 'number' }] } } });
  expect((await post('current', { centerId: 'c-nowhere' })).status).toBe(404);
});

test('pre-publication: the public reads it with commenters masked; a comment after the end date is 400', async () => {
  const opened = await post('prepublish', { kind: 'new_item', title: '新增老年人优待证办理事项', text: '拟在民政窗口新增老年人优待证办理,65周岁以上老人凭身份证即办,不收费。', endsOn: '2026-03-09' }, admin);
  expect(opened.status).toBe(200);
  const id = (opened.body.data as { prepub: { id: string } }).prepub.id;
  expect((await post('comment', { id, text: '很好,希望可以上门办理。电话13957100001' }, villager)).status).toBe(200);

  const read = await post('prepub', { id });
  expect(read.status).toBe(200);
  const text = JSON.stringify(read.body);
  expect(text).toContain('139****0001');
  expect(text).not.toContain('13957100001');
  expect(text).not.toContain('王秀英');
  expect(read.body).toMatchObject({ ok: true, data: { canComment: false, mine: null, comments: [{ commenter: expect.stringMatching(/王\*英$/) }] } });
  expect(await post('prepubs', { centerId: 'c-baisha' })).toMatchObject({ status: 200, body: { ok: true, data: { prepubs: [{ id, state: 'open', commentCount: 1 }] } } });

  // The day after the end date (a fresh sign-in: tokens last 12 hours).
  t.clock.set('2026-03-10T08:00:00+08:00');
  const late = await post('comment', { id, text: '截止以后再补充一点意见。' }, await t.login(u('villager')));
  expect(late).toMatchObject({ status: 400, body: { ok: false, error: { code: 'VALIDATION', details: [{ field: 'text' }] } } });
  expect((late.body.error as { message: string }).message).toContain('已于2026年3月9日结束');
});
