/**
 * Group commit keeps durability (issue 12): a process booking through the real dispatcher, many
 * requests at a time, is killed with SIGKILL (kill -9) mid-run; every booking it acknowledged is
 * in the database afterwards — with its audit entry and its place in the slot — and nothing is
 * half-written: each slot counts exactly the bookings that hold it.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';
import { tempDir } from '../helpers/temp';

const ROOT = path.resolve(__dirname, '..', '..');
const ACKS_BEFORE_KILL = 300;

test('every acknowledged booking survives kill -9, whole', async () => {
  const dir = tempDir('tsc-durability-');
  // node itself (with tsx's loader), not the tsx launcher: SIGKILL must reach the writing process.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', 'booking-writer.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const acked: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for await (const line of readline.createInterface({ input: child.stdout })) {
    if (line.startsWith('ack ')) acked.push(line.slice(4));
    if (acked.length >= ACKS_BEFORE_KILL) {
      child.kill('SIGKILL');
      break;
    }
  }
  expect(await exited).toBe('SIGKILL');
  expect(stderr).toBe('');
  expect(acked.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

  const store = new SqliteStore({ dataDir: dir });
  try {
    const bookings = await store.find('bookings');
    const ids = new Set(bookings.map((b) => b.id));
    expect(acked.filter((id) => !ids.has(id))).toEqual([]);
    const audited = new Set((await store.find('audit', { where: { action: 'booking.create' } })).map((a) => a.recordId));
    expect(bookings.filter((b) => !audited.has(b.id)).map((b) => b.id)).toEqual([]);
    const held = new Map<string, number>();
    for (const b of bookings) held.set(`slot:${b.windowId}:${b.date}:${b.start}`, (held.get(`slot:${b.windowId}:${b.date}:${b.start}`) ?? 0) + 1);
    const slots = await store.find('slots');
    expect(slots.filter((s) => s.booked !== (held.get(s.id) ?? 0)).map((s) => `${s.id}: ${s.booked} ≠ ${held.get(s.id) ?? 0}`)).toEqual([]);
  } finally {
    await store.close();
  }
}, 120_000);

test('in a group of concurrent transactions, one that fails is undone alone; the others commit', async () => {
  const store = new SqliteStore({ dataDir: tempDir() });
  try {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        store.transaction(async (tx) => {
          await tx.put('meta', { id: `m-${i}`, value: String(i) });
          if (i === 4) throw new Error('refused');
          await tx.put('meta', { id: `m-${i}-b`, value: String(i) });
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(Array.from({ length: 10 }, (_, i) => (i === 4 ? 'rejected' : 'fulfilled')));
    const ids = (await store.find('meta')).map((m) => m.id);
    expect(ids).not.toContain('m-4');
    expect(ids.filter((id) => id.startsWith('m-'))).toHaveLength(18);
  } finally {
    await store.close();
  }
});
