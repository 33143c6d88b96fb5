/** Cloud function `residents`. Actions: shared/contracts/residents.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('residents');
