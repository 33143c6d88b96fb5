/** Cloud function `inbox`. Actions: shared/contracts/inbox.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('inbox');
