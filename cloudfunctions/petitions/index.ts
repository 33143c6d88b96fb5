/** Cloud function `petitions` (信访). Actions: shared/contracts/petitions.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('petitions');
