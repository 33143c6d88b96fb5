/** Cloud function `cases`. Actions: shared/contracts/cases.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('cases');
