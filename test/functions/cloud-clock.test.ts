/**
 * A deployed cloud function always runs on the system clock (issue 8.2): DEMO_NOW, the local
 * host's demo clock, is never honoured by a cloud entry. Called through the exported cloudMain as
 * CloudBase calls it (STORE_DRIVER=sqlite over a seeded file); the first day `booking.options`
 * offers shows which clock the call used. The assertions hold whatever the machine's date.
 */
import { cloudMain } from '../../cloudfunctions/core/runtime/cloud';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import { shanghaiDate } from '../../shared/domain/time';
import { startTestHost } from '../helpers/host';
import { seededStore } from '../helpers/temp';

const saved = { ...process.env };
const OPENID = 'oVILLAGER-CLOCK';

beforeAll(async () => {
  const { dir, store } = await seededStore();
  await store.update('users', demoUserId('c-baisha', 'villager'), { set: { openId: OPENID } });
  await store.close();
  process.env.STORE_DRIVER = 'sqlite';
  process.env.DATA_DIR = dir;
});

afterAll(() => {
  process.env = saved;
});

/** booking.options as the villager, the OPENID given the ways a CloudBase call carries it. */
async function firstOfferedDay(): Promise<string> {
  const main = cloudMain('booking');
  const event = { action: 'options', input: { itemId: 'item-baisha-mz-001' }, userInfo: { openId: OPENID } };
  const context = { environment: JSON.stringify({ WX_OPENID: OPENID }) };
  const r = (await main(event, context)) as { ok: boolean; data?: { days: Array<{ date: string }> }; error?: unknown };
  expect(r).toMatchObject({ ok: true });
  const first = r.data!.days[0]?.date;
  expect(first).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  return first!;
}

test.each([
  ['in the past', '2020-01-06T10:00:00+08:00', '2020-01-06'],
  ['in the future', '2099-01-05T10:00:00+08:00', '2099-01-05'],
])('DEMO_NOW %s does not move the clock of a cloud entry', async (_when, demoNow, demoDay) => {
  process.env.DEMO_NOW = demoNow;
  const today = shanghaiDate(new Date());
  const first = await firstOfferedDay();
  expect(first).not.toBe(demoDay);
  // The machine's own day or a later working day (R-BOOK-1), within the booking horizon.
  expect(first >= today).toBe(true);
  expect(first < '2099-01-01').toBe(true);
});

test('the probe sees the clock: a local host standing at that instant offers that very day', async () => {
  const t = await startTestHost({ now: '2020-01-06T10:00:00+08:00' });
  try {
    const token = await t.login(demoUserId('c-baisha', 'villager'));
    const r = await t.call('booking', { action: 'options', input: { itemId: 'item-baisha-mz-001' } }, token);
    expect((r.body.data as { days: Array<{ date: string }> }).days[0]?.date).toBe('2020-01-06');
  } finally {
    await t.close();
  }
});
