/** Cloud function `center`. Actions: shared/contracts/center.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('center');
