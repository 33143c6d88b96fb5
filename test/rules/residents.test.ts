/** R-BOOK-4: when an agent may act for a resident, table-driven. */
import { actingProblem, authorizationState, type Authorization } from '../../shared/domain/residents';

const today = '2026-03-02';
const base: Pick<Authorization, 'agentId' | 'method' | 'givenOn' | 'validUntil' | 'revokedAt' | 'confirmedAt'> = {
  agentId: 'a1',
  method: 'paper',
  givenOn: '2026-01-01',
  validUntil: '2026-12-31',
};

test.each<[string, Partial<typeof base>, string]>([
  ['paper, in force', {}, 'active'],
  ['first day', { givenOn: today }, 'active'],
  ['last day', { validUntil: today }, 'active'],
  ['ended yesterday', { validUntil: '2026-03-01' }, 'expired'],
  ['starts tomorrow', { givenOn: '2026-03-03' }, 'not_yet'],
  ['revoked', { revokedAt: '2026-02-01T00:00:00Z' }, 'revoked'],
  ['in app, not confirmed', { method: 'in_app' }, 'pending'],
  ['in app, confirmed', { method: 'in_app', confirmedAt: '2026-01-02T00:00:00Z' }, 'active'],
  ['in app, unconfirmed and expired', { method: 'in_app', validUntil: '2026-02-01' }, 'expired'],
])('%s → %s', (_l, over, state) => {
  expect(authorizationState({ ...base, ...over }, today)).toBe(state);
});

describe('actingProblem', () => {
  const agent = { id: 'a1', villageId: 'v1', centerId: 'c1' };
  const resident = { villageId: 'v1', centerId: 'c1', name: '张桂英' };
  test.each<[string, typeof resident, Array<Partial<typeof base>>, RegExp | null]>([
    ['authorised', resident, [{}], null],
    ['one of several in force', resident, [{ validUntil: '2026-01-31' }, {}], null],
    ['no authorisation', resident, [], /尚未授权/],
    ['authorised another agent only', resident, [{ agentId: 'a2' }], /尚未授权/],
    ['expired', resident, [{ validUntil: '2026-01-31' }], /过期/],
    ['revoked', resident, [{ revokedAt: '2026-02-01T00:00:00Z' }], /撤销/],
    ['awaiting confirmation', resident, [{ method: 'in_app' }], /确认/],
    ['another village', { ...resident, villageId: 'v2' }, [{}], /不是您所在村/],
    ['another center', { ...resident, centerId: 'c2' }, [{}], /不是您所在村/],
  ])('%s', (_l, r, auths, problem) => {
    const p = actingProblem(agent, r, auths.map((a) => ({ ...base, ...a })), today);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });
});
