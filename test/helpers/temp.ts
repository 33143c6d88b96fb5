import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../cloudfunctions/core/clock';
import { seedDemoData } from '../../cloudfunctions/core/seed/demo';
import { SqliteStore } from '../../cloudfunctions/core/store/sqlite';

/**
 * The instant every test starts at unless it says otherwise: Monday 2 March 2026, 09:00 in
 * Shanghai, an ordinary working morning. No test reads the machine's clock (R-BOOK-1: the day
 * decides what may be booked), so the suite passes whatever day and hour it runs.
 */
export const TEST_NOW = '2026-03-02T09:00:00+08:00';

export const tempDir = (prefix = 'tsc-test-'): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A real SQLite file in a fresh folder, seeded with the demo county. */
export async function seededStore(clock = new ManualClock(TEST_NOW)): Promise<{
  store: SqliteStore;
  dir: string;
  clock: ManualClock;
}> {
  const dir = tempDir();
  const store = new SqliteStore({ dataDir: dir });
  await seedDemoData(store, clock);
  return { store, dir, clock };
}
