/**
 * Local identity: a signed token (HMAC-SHA256) naming a demo user, issued by POST /dev/login.
 * A forged, altered or expired token is refused with 401. Never used in the cloud, where the
 * caller is the WeChat OPENID.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const DEFAULT_TTL_MS = 12 * 60 * 60 * 1000;

export interface TokenClaims {
  sub: string;
  exp: number;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

export class DevTokens {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {}

  /** The secret lives beside the database so tokens survive a restart, and nowhere else. */
  static forDataDir(dataDir: string): DevTokens {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'dev-token-secret');
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    return new DevTokens(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex'));
  }

  private sign(payload: string): string {
    return crypto.createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  issue(userId: string, now: Date): string {
    const payload = b64(JSON.stringify({ sub: userId, exp: now.getTime() + this.ttlMs } satisfies TokenClaims));
    return `${payload}.${this.sign(payload)}`;
  }

  /** Returns the user id, or null for anything not issued by us or expired. */
  verify(token: string, now: Date): string | null {
    const [payload, sig, extra] = token.split('.');
    if (!payload || !sig || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
      if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
      return claims.exp > now.getTime() ? claims.sub : null;
    } catch {
      return null;
    }
  }
}
