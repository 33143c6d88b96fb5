/** Ratings of staff (好差评, R-RATE-1..2), split by capability: rating, the pad, bad reviews and appeals. */
export { pending, rate, mine, inviteToRate } from './rate';
export { padNext, padRate } from './pad';
export { received, rectifications, verify, rectify, callback, close, appeal, appeals, decideAppeal, rectificationReminders } from './review';
