/** The `complaints` function's client, only in the subpackages that import it (complaint/, office/). */
import { complaintsContract } from '@shared/contracts/complaints';
import { bind } from '../api';

export const complaintsApi = bind('complaints', complaintsContract);
