import type { Ctx } from '../../cloudfunctions/core/context';
import type { ManualClock } from '../../cloudfunctions/core/clock';
import { dispatch } from '../../cloudfunctions/core/dispatch';
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
