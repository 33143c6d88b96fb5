/** The `reports` function's client, only in the subpackage that imports it (report/). */
import { reportsContract } from '@shared/contracts/reports';
import { bind } from '../api';

export const reportsApi = bind('reports', reportsContract);
