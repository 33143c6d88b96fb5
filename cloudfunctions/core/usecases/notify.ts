import crypto from 'node:crypto';
import type { TxOps } from '../store/port';

export interface NoticeDraft {
  centerId: string;
  title: string;
  body: string;
  link?: string;
}

/**
 * Writes a notice into each recipient's inbox, in the caller's transaction, so a change and the
 * notices it causes commit together. Recipients are de-duplicated; missing ones are skipped.
 */
export async function notify(tx: TxOps, recipients: ReadonlyArray<string | undefined>, draft: NoticeDraft, at: string): Promise<void> {
  const seen = new Set<string>();
  for (const userId of recipients) {
    if (!userId || seen.has(userId)) continue;
    seen.add(userId);
    await tx.insert('notices', { id: `n-${crypto.randomUUID()}`, userId, createdAt: at, ...draft });
  }
}
