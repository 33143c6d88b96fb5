import crypto from 'node:crypto';
import type { NoticeKind } from '../../../shared/domain/notices';
import type { TxOps } from '../store/port';

export interface NoticeDraft {
  centerId: string;
  kind: NoticeKind;
  title: string;
  body: string;
  link?: string;
  /**
   * Makes the notice idempotent: one notice per (key, recipient), however often the change
   * that causes it is retried or replayed (the deadline sweep relies on this).
   */
  key?: string;
}

/**
 * Tells each recipient, in the caller's transaction, so that a change and the notices it causes
 * commit together and none is lost: the in-app inbox notice is written at once, and an outbox
 * entry for the WeChat subscribe message, which the dispatcher sends (retrying) afterwards.
 * Recipients are de-duplicated; missing ones are skipped. Returns how many were written.
 */
export async function notify(tx: TxOps, recipients: ReadonlyArray<string | null | undefined>, draft: NoticeDraft, at: string): Promise<number> {
  const { key, ...notice } = draft;
  const unique = [...new Set(recipients.filter((u): u is string => Boolean(u)))];
  // Every recipient at once, the notice and its outbox entry together: on CloudBase each write is
  // its own round trip (issue 12). Ids are fresh (random) or read just before (keyed), so `put`
  // writes exactly what an insert would, in one round trip instead of two.
  const wrote = await Promise.all(
    unique.map(async (userId) => {
      const id = key ? `n-${crypto.createHash('sha256').update(`${key}\n${userId}`).digest('hex').slice(0, 32)}` : `n-${crypto.randomUUID()}`;
      if (key && (await tx.get('notices', id))) return 0;
      await Promise.all([
        tx.put('notices', { id, userId, createdAt: at, ...notice }),
        tx.put('outbox', {
          id: `ob-${id.slice(2)}`,
          centerId: notice.centerId,
          noticeId: id,
          userId,
          kind: notice.kind,
          title: notice.title,
          body: notice.body,
          ...(notice.link ? { link: notice.link } : {}),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: at,
          leaseUntil: '',
          createdAt: at,
        }),
      ]);
      return 1;
    }),
  );
  const written = wrote.reduce<number>((a, b) => a + b, 0);
  return written;
}
