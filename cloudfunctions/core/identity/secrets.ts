import crypto from 'node:crypto';

/** Compares two secrets in constant time (hashes first, so lengths do not leak either). */
export function sameSecret(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}
