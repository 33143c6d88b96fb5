/** Complaints (R-CMP-1..7), split by capability: intake, the office, handling, figures. */
export { file, register, mine, track } from './intake';
export { queue, assigned, get, classify, assign, close, flags } from './office';
export { extend, reply, document, rate, requestReview, carriedOut, archive } from './handling';
export { monthFigures } from './figures';
