/** Cloud function `inbox`. Actions: shared/contracts/inbox.ts. It may send (inbox.dispatch), so it carries the WeChat sender. */
import { cloudMain } from '../core/runtime/cloud';
import { wxSender } from '../core/push/wx-sender';

export const main = cloudMain('inbox', { sender: wxSender });
