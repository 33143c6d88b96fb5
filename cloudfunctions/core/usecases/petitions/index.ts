/** Petitions (信访, R-PET-1..3), split by capability: the matter, its forms, the center's setting. */
export { register, list, get, assign, leaderReception, reply, close } from './actions';
export { document } from './documents';
export { settings, saveSettings } from './settings';
