/** Cloud function `catalog`: service guides (R-CAT-1..3). Actions: shared/contracts/catalog.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('catalog');
