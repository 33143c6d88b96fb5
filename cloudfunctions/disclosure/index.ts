/** Cloud function `disclosure`: public information (政务公开, R-CAT-4) and pre-publication (预公开, R-CAT-5). Actions: shared/contracts/disclosure.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('disclosure');
