/** Cloud function `ratings`. Actions: shared/contracts/ratings.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('ratings');
