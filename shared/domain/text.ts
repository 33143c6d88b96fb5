/**
 * Composing the trail's sentences from what people typed (R-UX-1: plain, correct Chinese).
 */

/**
 * A typed reason or note as a clause inside a sentence we compose: trimmed, without the closing
 * punctuation the writer may have put at its end, so `因${clause(r)},…` or `${clause(r)}。` never
 * reads "。。" or "。,".
 */
export const clause = (text: string): string => text.trim().replace(/[\s。.,,;;!!??、]+$/u, '');
