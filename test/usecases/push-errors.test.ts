/**
 * WeChat's permanent refusals (43101 not subscribed, 40003 invalid openid, 47003 bad data …)
 * are parked for the office at once, without giving the consent back; transient ones retry and
 * keep the user's consent (issue 7).
 */
import type { ManualClock } from '../../cloudfunctions/core/clock';
import { SendError, type WechatSender } from '../../cloudfunctions/core/push/sender';
import type { TemplateConfig } from '../../cloudfunctions/core/push/templates';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { notify } from '../../cloudfunctions/core/usecases/notify';
import { consentId, runDispatch } from '../../cloudfunctions/core/usecases/outbox-dispatch';
import { seededStore } from '../helpers/temp';

const templates: TemplateConfig = { case: { id: 'TPL-CASE', fields: { title: 'thing1', body: 'thing2' } } };
const USER = demoUserId('c-baisha', 'villager');

let store: SqliteStore;
let clock: ManualClock;

beforeEach(async () => {
  ({ store, clock } = await seededStore());
  await store.update('users', USER, { set: { openId: 'oVILLAGER' } });
  await store.insert('consents', { id: consentId(USER, 'TPL-CASE'), userId: USER, templateId: 'TPL-CASE', remaining: 3 });
  await store.transaction((tx) => notify(tx, [USER], { centerId: 'c-baisha', kind: 'case', title: '办件已受理', body: '您的申请已受理' }, clock.now().toISOString()));
});
afterEach(() => store.close());

const failing = (errCode: number | null): WechatSender => ({
  async send() {
    throw new SendError(errCode, `errcode ${errCode ?? 'none'}`);
  },
});
const remaining = async () => (await store.get('consents', consentId(USER, 'TPL-CASE')))?.remaining;
const entry = async () => (await store.find('outbox', { where: { userId: USER } }))[0];

test.each([40003, 47003, 40037])('permanent error %i: parked at once, the consent is not given back', async (code) => {
  const r = await runDispatch({ store, clock, sender: failing(code), templates });
  expect(r).toMatchObject({ sent: 0, parked: 1, retried: 0 });
  expect(await entry()).toMatchObject({ status: 'parked', attempts: 1, lastError: expect.stringContaining(String(code)) });
  expect(await remaining()).toBe(2);
});

test('43101 (no subscription left): parked, and our count of consents is put right to 0', async () => {
  const r = await runDispatch({ store, clock, sender: failing(43101), templates });
  expect(r).toMatchObject({ parked: 1 });
  expect(await remaining()).toBe(0);
});

test('a transient error retries with backoff and keeps the consent; it never parks before the last try', async () => {
  const r = await runDispatch({ store, clock, sender: failing(-1), templates });
  expect(r).toMatchObject({ retried: 1, parked: 0 });
  expect(await entry()).toMatchObject({ status: 'pending', attempts: 1 });
  expect(await remaining()).toBe(3);
  // Runs until the last try: consents never drift above what the user gave.
  for (let i = 0; i < 10; i += 1) {
    clock.advance(61 * 60_000);
    await runDispatch({ store, clock, sender: failing(null), templates });
  }
  expect(await entry()).toMatchObject({ status: 'parked', attempts: 8 });
  expect(await remaining()).toBe(3);
});

test('a configuration problem is the reason every message is kept in-app', async () => {
  const r = await runDispatch({ store, clock, sender: failing(null), templates: {}, problem: 'WX_SUBSCRIBE_TEMPLATES 不是有效的 JSON' });
  expect(r).toMatchObject({ skipped: 1 });
  expect(await entry()).toMatchObject({ status: 'skipped', skippedReason: expect.stringContaining('WX_SUBSCRIBE_TEMPLATES') });
});
