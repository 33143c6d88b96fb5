/**
 * The local host and hostile URLs (issue 8, findings 3 and 4): malformed percent-encoding
 * answers 400 VALIDATION (function calls) or 404 NOT_FOUND (static paths) as JSON, never 500;
 * a static path never leaves the H5 folder, not even into a sibling whose name starts the same.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startTestHost, type TestHost } from '../helpers/host';
import { tempDir } from '../helpers/temp';

let t: TestHost;
let staticDir: string;

beforeAll(async () => {
  const parent = tempDir();
  staticDir = path.join(parent, 'h5');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>便民服务</title>');
  // A sibling folder whose name starts with the static root's name.
  fs.mkdirSync(`${staticDir}-x`);
  fs.writeFileSync(path.join(`${staticDir}-x`, 'secret.txt'), 'SECRET-OUTSIDE-THE-ROOT');
  t = await startTestHost({ staticDir });
});
afterAll(async () => {
  await t.close();
});

/** A raw request: the path goes on the wire exactly as written (no client-side normalising). */
function raw(method: string, rawPath: string, body?: string): Promise<{ status: number; type: string; text: string }> {
  const { hostname, port } = new URL(t.host.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method, path: rawPath, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const expectJsonError = (r: { status: number; type: string; text: string }, status: number, code: string) => {
  expect(r.status).toBe(status);
  expect(r.type).toContain('application/json');
  const body = JSON.parse(r.text) as { ok: boolean; error: { code: string; message: string } };
  expect(body.ok).toBe(false);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
};

describe('malformed URLs (issue 8.3)', () => {
  test.each(['/%', '/%E0%A4%A', '/js/%ZZ.js'])('GET %s answers 404 NOT_FOUND as JSON', async (p) => {
    expectJsonError(await raw('GET', p), 404, 'NOT_FOUND');
  });

  test.each(['/fn/%', '/fn/%E0%A4%A'])('POST %s answers 400 VALIDATION as JSON', async (p) => {
    expectJsonError(await raw('POST', p, JSON.stringify({ action: 'listCenters', input: {} })), 400, 'VALIDATION');
  });

  test('a request target that is no URL at all answers 400 VALIDATION as JSON', async () => {
    expectJsonError(await raw('GET', '//['), 400, 'VALIDATION');
  });

  test('the host still answers afterwards', async () => {
    const r = await t.call('catalog', { action: 'listCenters', input: {} });
    expect(r.status).toBe(200);
  });
});

describe('static root (issue 8.4)', () => {
  test('a path into a sibling folder whose name starts with the root is not served', async () => {
    const r = await raw('GET', `/..%2f${path.basename(staticDir)}-x%2fsecret.txt`);
    expect(r.text).not.toContain('SECRET-OUTSIDE-THE-ROOT');
    expectJsonError(r, 404, 'NOT_FOUND');
  });

  test('plain traversal is not served either; files inside the root are', async () => {
    const r = await raw('GET', '/..%2f..%2fetc%2fpasswd');
    expect(r.text).not.toContain('root:');
    const ok = await raw('GET', '/index.html');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('便民服务');
  });
});
