import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { seedDemoData } from '../../cloudfunctions/core/seed/demo';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';

export const tempDir = (prefix = 'tsc-test-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A real SQLite file in a fresh folder, seeded with the demo county. */
export async function seededStore(clock = new ManualClock('2026-03-02T01:00:00Z')): Promise<{
  store: SqliteStore;
  dir: string;
  clock: ManualClock;
}> {
  const dir = tempDir();
  const store = new SqliteStore({ dataDir: dir });
  await seedDemoData(store, clock);
  return { store, dir, clock };
}
