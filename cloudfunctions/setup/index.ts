/**
 * Cloud function `setup`: run once on a new environment (idempotent) — creates the collections,
 * prints the indexes to add, and loads the county's organisation when given. See README,
 * "Deploy to CloudBase".
 */
import { setupMain } from '../core/runtime/cloud';

export const main = setupMain();
