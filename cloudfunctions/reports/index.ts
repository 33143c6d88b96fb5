/** Cloud function `reports`. Actions: shared/contracts/reports.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('reports');
