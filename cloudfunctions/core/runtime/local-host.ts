/**
 * The local host: every cloud function over HTTP on 127.0.0.1, the H5 app as static files, and
 * the dev login. Its wire protocol is a public contract (README, "Wire protocol"):
 *   POST /fn/<name>  {action, input, requestId?}  Authorization: Bearer <token>
 *   → 200 {ok:true,data} | 4xx/5xx {ok:false,error:{code,message,details?}}
 *   POST /dev/login {userId} → {token,user};  GET /dev/users → {users}
 *   GET /dev/clock → {now, demo}: the host's time; demo when it is not the system clock
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppError, ERROR_STATUS, type ErrorBody } from '../../../shared/domain/errors';
import { toPublicUser, type User } from '../../../shared/domain/org';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { systemClock, type Clock } from '../clock';
import { dispatch, toErrorReply } from '../dispatch';
import { DevTokens } from '../identity/dev-token';
import type { Store } from '../store/port';
import { loadTemplates } from '../push/templates';
import type { PushConfig } from '../context';

export const MAX_BODY_BYTES = 256 * 1024;

export interface LocalHostOptions {
  store: Store;
  tokens: DevTokens;
  clock?: Clock;
  port?: number;
  host?: string;
  /** The built H5 app; when absent only the API is served. */
  staticDir?: string;
  /** WeChat push; locally there is no WeChat, so by default no sender (notices stay in-app). */
  push?: PushConfig;
}

export interface LocalHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, error: ErrorBody): void {
  send(res, ERROR_STATUS[error.code], { ok: false, error });
}

/** Reads a JSON body; 413 past the limit (without buffering the rest), 400 when malformed. */
function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new AppError('PAYLOAD_TOO_LARGE'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new AppError('PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new AppError('VALIDATION', '请求内容不是有效的 JSON,请检查后重试。', [{ field: '(body)', message: 'JSON 格式错误' }]));
      }
    });
    req.on('error', reject);
  });
}

async function resolveCaller(req: http.IncomingMessage, store: Store, tokens: DevTokens, clock: Clock): Promise<User | null> {
  const header = req.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  const userId = m?.[1] ? tokens.verify(m[1], clock.now()) : null;
  if (!userId) throw new AppError('UNAUTHENTICATED', '您好,您的登录已失效,请重新选择身份登录。');
  const user = await store.get('users', userId);
  if (!user) throw new AppError('UNAUTHENTICATED', '您好,您的账号已不存在,请重新选择身份登录。');
  return user;
}

/** decodeURIComponent without the URIError: null for malformed percent-encoding (issue 8.3). */
function decodePath(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Whether `file` is the root itself or inside it: a bare prefix would admit `<root>-x/` (issue 8.4). */
export function isInside(root: string, file: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function serveStatic(res: http.ServerResponse, staticDir: string, urlPath: string): boolean {
  const rel = decodePath(urlPath.split('?')[0] ?? '/');
  if (rel === null) return false;
  const root = path.resolve(staticDir);
  let file = path.resolve(root, `.${rel}`);
  if (!isInside(root, file)) return false;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) return false;
  const ext = path.extname(file);
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': ext === '.html' ? 'no-cache' : 'public, max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
  return true;
}

export function startLocalHost(opts: LocalHostOptions): Promise<LocalHost> {
  const { store, tokens } = opts;
  const clock = opts.clock ?? systemClock;
  const push: PushConfig = opts.push ?? { sender: null, ...loadTemplates() };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://local');
    } catch {
      req.resume();
      return sendError(res, new AppError('VALIDATION', '请求地址格式不正确,请检查后重试。', [{ field: '(url)', message: '地址格式错误' }]).toBody());
    }
    const p = url.pathname;

    if (p.startsWith('/fn/')) {
      if (req.method !== 'POST') return sendError(res, new AppError('NOT_FOUND', '请使用 POST 调用云函数。').toBody());
      const fnName = decodePath(p.slice(4));
      if (fnName === null) {
        req.resume();
        return sendError(res, new AppError('VALIDATION', '请求地址格式不正确,请检查云函数名称后重试。', [{ field: '(url)', message: '地址编码错误' }]).toBody());
      }
      try {
        const body = await readJson(req);
        const caller = await resolveCaller(req, store, tokens, clock);
        const reply = await dispatch(fnName, body, { store, clock, caller, push });
        return reply.ok ? send(res, 200, reply) : sendError(res, reply.error);
      } catch (e) {
        const reply = toErrorReply(e, `http ${fnName}`);
        return reply.ok ? send(res, 200, reply) : sendError(res, reply.error);
      }
    }

    if (p === '/dev/users' && req.method === 'GET') {
      const [users, centers] = await Promise.all([store.find('users', { orderBy: [['centerId', 'asc']] }), store.find('centers')]);
      const centerName = new Map(centers.map((c) => [c.id, c.name]));
      return send(res, 200, {
        users: users.map((u) => ({
          ...toPublicUser(u),
          roleLabel: ROLE_LABELS[u.role],
          centerName: centerName.get(u.centerId) ?? '',
        })),
      });
    }

    if (p === '/dev/login' && req.method === 'POST') {
      try {
        const body = (await readJson(req)) as { userId?: unknown };
        if (typeof body !== 'object' || body === null || typeof body.userId !== 'string' || body.userId === '') {
          throw new AppError('VALIDATION', '请选择要登录的演示用户。', [{ field: 'userId', message: '请选择演示用户' }]);
        }
        const user = await store.get('users', body.userId);
        if (!user) throw new AppError('NOT_FOUND', '对不起,没有这个演示用户,请从列表中重新选择。');
        return send(res, 200, { token: tokens.issue(user.id, clock.now()), user: toPublicUser(user) });
      } catch (e) {
        const reply = toErrorReply(e, 'dev.login');
        return reply.ok ? send(res, 200, reply) : sendError(res, reply.error);
      }
    }

    // The H5 app shows a demo-time banner from this (local only: no deployed function serves it).
    if (p === '/dev/clock' && req.method === 'GET') return send(res, 200, { now: clock.now().toISOString(), demo: clock !== systemClock });
    if (p === '/healthz') return send(res, 200, { ok: true });
    if (p.startsWith('/dev/')) return sendError(res, new AppError('NOT_FOUND').toBody());
    if ((req.method === 'GET' || req.method === 'HEAD') && opts.staticDir && serveStatic(res, opts.staticDir, p)) return;
    return sendError(res, new AppError('NOT_FOUND').toBody());
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const reply = toErrorReply(e, 'http');
      if (!res.headersSent && !reply.ok) sendError(res, reply.error);
      else res.end();
    });
  });
  server.keepAliveTimeout = 5000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, opts.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
