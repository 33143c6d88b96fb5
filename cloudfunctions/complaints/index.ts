/** Cloud function `complaints`. Actions: shared/contracts/complaints.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('complaints');
