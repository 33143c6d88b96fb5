/** Timer function `dispatch`: sends pending WeChat subscribe messages from the outbox. */
import { timerMain } from '../core/runtime/cloud';
import { wxSender } from '../core/push/wx-sender';

export const main = timerMain('dispatch', { sender: wxSender });
