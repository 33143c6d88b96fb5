/**
 * inbox.recordConsent validates every template before writing (issue 8.5): one unknown template
 * among known ones answers VALIDATION and writes nothing — no new consent, no raised count.
 */
import { ManualClock } from '../../cloudfunctions/core/clock';
import type { Ctx } from '../../cloudfunctions/core/context';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import type { TemplateConfig } from '../../cloudfunctions/core/push/templates';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { seededStore } from '../helpers/temp';

const VILLAGER = demoUserId('c-baisha', 'villager');
const templates: TemplateConfig = {
  booking: { id: 'TPL-BOOKING', fields: { title: 'thing1', body: 'thing2' } },
  case: { id: 'TPL-CASE', fields: { title: 'thing1', body: 'thing2' } },
};

let store: SqliteStore;
let clock: ManualClock;
beforeEach(async () => {
  ({ store, clock } = await seededStore(new ManualClock('2026-03-02T01:00:00Z')));
});
afterEach(async () => {
  await store.close();
});

const consent = async (accepted: string[]) => {
  const ctx: Ctx = { store, clock, caller: await store.get('users', VILLAGER), push: { sender: null, templates } };
  return dispatch('inbox', { action: 'recordConsent', input: { accepted } }, ctx);
};

test('known templates are counted, one accept each', async () => {
  expect(await consent(['TPL-BOOKING'])).toEqual({ ok: true, data: { remaining: { 'TPL-BOOKING': 1 } } });
  expect(await consent(['TPL-BOOKING', 'TPL-CASE'])).toEqual({ ok: true, data: { remaining: { 'TPL-BOOKING': 2, 'TPL-CASE': 1 } } });
});

test('one unknown template among known ones is refused and writes nothing', async () => {
  await consent(['TPL-BOOKING']);
  const before = await store.find('consents');
  const r = await consent(['TPL-BOOKING', 'TPL-CASE', 'TPL-UNKNOWN']);
  expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  expect(await store.find('consents')).toEqual(before);
});
