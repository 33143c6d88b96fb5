/**
 * A page whose load failed offers the sensible next step (R-UX-1: every refusal says the next
 * step): 重新加载 when trying again may help (network, server trouble, a lost sign-in), 返回 when
 * it cannot — a refused (FORBIDDEN), missing (NOT_FOUND) or malformed (VALIDATION) request gives
 * the same answer every time, e.g. a clerk opening a complaint or petition not hers.
 */
import type { ErrorBody } from '../../shared/domain/errors';

// Required, not imported: the client's modules resolve '@shared/…' only under jest's mapping.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nextStepOf } = require('../../client/src/services/use-load') as { nextStepOf(e: unknown): 'retry' | 'back' };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ApiError } = require('../../client/src/services/api') as { ApiError: new (body: ErrorBody) => Error };

test.each([
  ['FORBIDDEN', 'back'],
  ['NOT_FOUND', 'back'],
  ['VALIDATION', 'back'],
  ['INTERNAL', 'retry'],
  ['CONFLICT', 'retry'],
  ['UNAUTHENTICATED', 'retry'],
] as const)('%s → %s', (code, step) => {
  expect(nextStepOf(new ApiError({ code, message: '对不起' }))).toBe(step);
});

test('a failure that is not an API answer (a network error) → retry', () => {
  expect(nextStepOf(new Error('offline'))).toBe('retry');
});
