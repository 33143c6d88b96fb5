/**
 * residents.register and ID numbers already registered (issue 8.6, R-BOOK-4, personal data):
 * the agent learns the name and record of a duplicate only when it is in the agent's own village;
 * for anyone else the answer names no one, the same whatever name was typed (as residents.claim).
 */
import { ManualClock } from '../../cloudfunctions/core/clock';
import { demoUserId } from '../../cloudfunctions/core/seed/demo';
import type { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { caller } from '../helpers/calls';
import { seededStore } from '../helpers/temp';

const AGENT = demoUserId('c-baisha', 'agent'); // 李建国, 石桥村
const OWN = 'res-baisha-zhanggy'; // 张桂英, 石桥村
const OTHER = 'res-baisha-zhaods'; // 赵大山, 上林村
const grant = { method: 'paper', givenOn: '2026-03-01', validUntil: '2027-02-28' };

let store: SqliteStore;
let api: ReturnType<typeof caller>;

beforeEach(async () => {
  let clock: ManualClock;
  ({ store, clock } = await seededStore(new ManualClock('2026-03-02T01:00:00Z')));
  api = caller(store, clock);
});
afterEach(async () => {
  await store.close();
});

const idOf = async (residentId: string) => (await store.get('residents', residentId))!.idNumber;

test('a duplicate in the agent own village is named, with the way forward', async () => {
  const r = await api.call(AGENT, 'residents', 'register', { name: '张桂英', phone: '13957100002', idNumber: await idOf(OWN), authorization: grant });
  expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('张桂英'), details: { residentId: OWN } } });
});

test('a duplicate in another village of the center names no one and gives no record id', async () => {
  const count = await store.count('residents');
  const idNumber = await idOf(OTHER);
  const guessed = await api.call(AGENT, 'residents', 'register', { name: '王某', phone: '13957100088', idNumber, authorization: grant });
  expect(guessed).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const text = JSON.stringify(guessed);
  expect(text).not.toContain('赵大山');
  expect(text).not.toContain(OTHER);
  expect(text).not.toContain('上林村');
  // The same answer whether the typed name is right or not: nothing to confirm a guess with.
  const right = await api.call(AGENT, 'residents', 'register', { name: '赵大山', phone: '13957100005', idNumber, authorization: grant });
  expect(right).toEqual(guessed);
  expect(await store.count('residents')).toBe(count);
});
