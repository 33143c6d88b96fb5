/** Local identity: signed tokens; forged, altered or expired ones are refused. */
import crypto from 'node:crypto';
import { DevTokens } from '../../cloudfunctions/core/identity/dev-token';

const now = new Date('2026-11-27T02:00:00Z');
const tokens = new DevTokens(crypto.randomBytes(32), 60_000);

test('a token names its user until it expires', () => {
  const t = tokens.issue('u-1', now);
  expect(tokens.verify(t, now)).toBe('u-1');
  expect(tokens.verify(t, new Date(now.getTime() + 59_000))).toBe('u-1');
  expect(tokens.verify(t, new Date(now.getTime() + 60_000))).toBeNull();
});

test.each([
  ['another secret', () => new DevTokens(crypto.randomBytes(32)).issue('u-1', now)],
  ['altered payload', () => {
    const [, sig] = tokens.issue('u-1', now).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u-admin', exp: now.getTime() + 1e9 })).toString('base64url');
    return `${forged}.${sig}`;
  }],
  ['no signature', () => tokens.issue('u-1', now).split('.')[0] ?? ''],
  ['garbage', () => 'not-a-token'],
  ['extra part', () => `${tokens.issue('u-1', now)}.x`],
])('%s is refused', (_l, make) => {
  expect(tokens.verify(make(), now)).toBeNull();
});
