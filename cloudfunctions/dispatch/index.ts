/** Timer function `dispatch`: sends pending WeChat subscribe messages from the outbox. */
import { timerMain } from '../core/runtime/cloud';

export const main = timerMain('dispatch');
