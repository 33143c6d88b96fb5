/** Cloud function `booking`. Actions: shared/contracts/booking.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('booking');
