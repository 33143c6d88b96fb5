/**
 * The bench's HTTP clients (issue 12): every load figure (catalog search, booking, complaints,
 * ratings) is measured with the clients in a thread of their own, as real clients are on other
 * machines, so the host's event loop serves requests and does not also run fifty client loops.
 *
 * Each client has its own kept-alive connection (node:http, one socket) and sends its requests
 * one after another; all clients run at once. node:http rather than fetch: on this 2-core
 * machine fetch's stream machinery kept the client thread busy for a whole core at about
 * 1,100 bookings a second, so the bench measured its own client. A CPU profile of both threads
 * showed the host idle a quarter of the time and the client never.
 */
import { Worker } from 'node:worker_threads';

export type Emit = (metric: string, value: number, unit: string) => void;

export interface Request {
  /** A dev token for `Authorization: Bearer`; none for public actions. */
  token?: string;
  body: unknown;
}

export interface Load {
  /** Seconds from the first request to the last answer. */
  elapsed: number;
  /** Milliseconds per request, sorted. */
  latencies: number[];
  /** HTTP status per request, in the order they were answered. */
  statuses: number[];
}

const CLIENT = `
  const http = require('node:http');
  const { parentPort, workerData } = require('node:worker_threads');
  const { url, fn, requests } = workerData;
  const target = new URL(url + '/fn/' + fn);
  const call = (agent, r) => new Promise((resolve, reject) => {
    const body = JSON.stringify(r.body);
    const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) };
    if (r.token) headers.Authorization = 'Bearer ' + r.token;
    const req = http.request(target, { method: 'POST', agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
  (async () => {
    const latencies = [];
    const statuses = [];
    const t0 = performance.now();
    await Promise.all(requests.map(async (mine) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      for (const r of mine) {
        const s = performance.now();
        statuses.push(await call(agent, r));
        latencies.push(performance.now() - s);
      }
      agent.destroy();
    }));
    parentPort.postMessage({ elapsed: (performance.now() - t0) / 1000, latencies, statuses });
  })().catch((e) => { throw e; });`;

/** Client c sends requests[c] to `POST <url>/fn/<fn>`, one after another; all clients at once. */
export function loadFromWorker(url: string, fn: string, requests: Request[][]): Promise<Load> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { url, fn, requests } });
    w.once('message', (m: Load) => {
      resolve({ ...m, latencies: [...m.latencies].sort((a, b) => a - b) });
      void w.terminate();
    });
    w.once('error', reject);
  });
}

export const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

/** `<prefix>.p50_ms`, `.p99_ms`, `.rps` and `.errors` (answers other than 200), in that order. */
export function emitLoad(emit: Emit, prefix: string, load: Load): void {
  emit(`${prefix}.p50_ms`, percentile(load.latencies, 50), 'ms');
  emit(`${prefix}.p99_ms`, percentile(load.latencies, 99), 'ms');
  emit(`${prefix}.rps`, load.latencies.length / load.elapsed, 'req/s');
  emit(`${prefix}.errors`, load.statuses.filter((s) => s !== 200).length, 'count');
}
