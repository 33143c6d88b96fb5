/** The `ratings` function's client, only in the subpackages that import it (rate/, pad/, review/). */
import { ratingsContract } from '@shared/contracts/ratings';
import { bind } from '../api';

export const ratingsApi = bind('ratings', ratingsContract);
