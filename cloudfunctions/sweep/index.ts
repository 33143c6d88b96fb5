/** Timer function `sweep`: deadline reminders and overdue notices (R-CASE-5). */
import { timerMain } from '../core/runtime/cloud';

export const main = timerMain('sweep');
