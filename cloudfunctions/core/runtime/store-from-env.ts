/**
 * Which store a process uses. Locally (and in tests) the embedded SQLite file in DATA_DIR;
 * in a CloudBase function, the environment's document database.
 */
import path from 'node:path';
import type { Store } from '../store/port';

export type StoreDriver = 'sqlite' | 'cloudbase';

export function storeDriver(env: NodeJS.ProcessEnv = process.env): StoreDriver {
  if (env.STORE_DRIVER === 'sqlite' || env.STORE_DRIVER === 'cloudbase') return env.STORE_DRIVER;
  // SCF sets TENCENTCLOUD_RUNENV / TCB_ENV inside a deployed function.
  return env.TCB_ENV || env.TENCENTCLOUD_RUNENV || env.SCF_NAMESPACE ? 'cloudbase' : 'sqlite';
}

export const dataDir = (env: NodeJS.ProcessEnv = process.env): string => path.resolve(env.DATA_DIR ?? '.data');

export function createStore(env: NodeJS.ProcessEnv = process.env): Store {
  if (storeDriver(env) === 'cloudbase') {
    // Required lazily so a bundle never loads the other adapter's native module.
    const { CloudbaseStore } = require('../store/cloudbase') as typeof import('../store/cloudbase');
    return new CloudbaseStore({ env: env.TCB_ENV || undefined, prefix: env.COLLECTION_PREFIX });
  }
  const { SqliteStore } = require('../store/sqlite') as typeof import('../store/sqlite');
  return new SqliteStore({ dataDir: dataDir(env) });
}
