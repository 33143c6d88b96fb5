/** The `disclosure` function's client (政务公开, 预公开), only in the open/ subpackage that imports it. */
import { disclosureContract } from '@shared/contracts/disclosure';
import { bind } from '../api';

export const disclosureApi = bind('disclosure', disclosureContract);
