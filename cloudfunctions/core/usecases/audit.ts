import crypto from 'node:crypto';
import type { TxOps } from '../store/port';
import type { AuditEntry } from '../store/collections';

/**
 * Every state change appends to the audit trail, in the same transaction as the change. The id
 * is fresh and random, so `put` writes exactly what an insert would, in one CloudBase round trip
 * instead of two (issue 12).
 */
export async function appendAudit(tx: TxOps, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await tx.put('audit', { id: crypto.randomUUID(), ...entry });
}
