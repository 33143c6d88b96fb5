import type { TestHost } from './host';

/** One function's actions over HTTP, called as a named role (token looked up per call). */
export function roleCalls<R extends string>(host: () => TestHost, fn: string, tokens: ReadonlyMap<R, string | undefined>) {
  const as = async <T = Record<string, unknown>>(role: R, action: string, input: unknown): Promise<{ status: number; ok: boolean; data: T; text: string }> => {
    const r = await host().call(fn, { action, input }, tokens.get(role));
    return { status: r.status, ok: r.body.ok === true, data: r.body.data as T, text: JSON.stringify(r.body) };
  };
  const must = async <T>(role: R, action: string, input: unknown): Promise<T> => {
    const r = await as<T>(role, action, input);
    if (!r.ok) throw new Error(`${role} ${fn}.${action}: ${r.text}`);
    return r.data;
  };
  return { as, must };
}
