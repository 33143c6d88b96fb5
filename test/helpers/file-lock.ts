import fs from 'node:fs';
import path from 'node:path';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Runs `work` holding a lock file across processes: jest's parallel workers (and the bench)
 * build into the same output folders, and two builds at once would leave one broken. A lock
 * left by a process that died is taken over; waiting longer than `timeoutMs` fails.
 */
export async function withFileLock<T>(lock: string, timeoutMs: number, work: () => T | Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(lock, 'utf8').trim());
      if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Waited too long for the lock held by process ${holder} (${lock}).`);
      await new Promise((r) => setTimeout(r, 250)); // polling another process's lock
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
