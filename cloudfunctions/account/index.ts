/** Cloud function `account`: the caller, and staff binding with invite codes. Actions: shared/contracts/account.ts. */
import { cloudMain } from '../core/runtime/cloud';

export const main = cloudMain('account');
