import type { Ctx } from '../../cloudfunctions/core/context';
import type { ManualClock } from '../../cloudfunctions/core/clock';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import type { CollectionName } from '../../cloudfunctions/core/store/collections';
import type { Store } from '../../cloudfunctions/core/store/port';
import type { Reply } from '../../shared/domain/errors';

/** Calls actions through the real dispatcher, as a given demo user. */
export function caller(store: Store, clock: ManualClock) {
  const ctx = async (userId: string | null, requestId?: string): Promise<Ctx> => ({
    store,
    clock,
    caller: userId ? await store.get('users', userId) : null,
    ...(requestId ? { requestId } : {}),
  });
  const call = async (userId: string | null, fn: string, action: string, input: unknown, requestId?: string): Promise<Reply<unknown>> =>
    dispatch(fn, { action, input, ...(requestId ? { requestId } : {}) }, await ctx(userId));
  const ok = async <T = Record<string, unknown>>(userId: string | null, fn: string, action: string, input: unknown, requestId?: string): Promise<T> => {
    const r = await call(userId, fn, action, input, requestId);
    if (!r.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(r.error)}`);
    return r.data as T;
  };
  return { call, ok };
}

/**
 * A refused call through `call`: its code, the fields its details name, and a check that the
 * watched collections hold as many documents after it as before (nothing written).
 */
export async function refusedCall(store: Store, watched: readonly CollectionName[], call: () => Promise<Reply<unknown>>): Promise<{ code: string; message: string; fields: string[] }> {
  const counts = async () => Promise.all(watched.map((c) => store.count(c)));
  const before = await counts();
  const r = await call();
  expect(await counts()).toEqual(before);
  if (r.ok) throw new Error('the call should have been refused');
  const fields = Array.isArray(r.error.details) ? r.error.details.map((d) => d.field) : [];
  return { code: r.error.code, message: r.error.message, fields };
}
