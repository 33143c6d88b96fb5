/** The `petitions` function's client, only in the subpackages that import it. */
import { petitionsContract } from '@shared/contracts/petitions';
import { bind } from '../api';

export const petitionsApi = bind('petitions', petitionsContract);
