/** Cloud function `duty`: leaders on duty (R-DUTY-1..2). Actions: shared/contracts/duty.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('duty');
