import crypto from 'node:crypto';
import type { TxOps } from '../store/port';
import type { AuditEntry } from '../store/collections';

/** Every state change appends to the audit trail, in the same transaction as the change. */
export async function appendAudit(tx: TxOps, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await tx.insert('audit', { id: crypto.randomUUID(), ...entry });
}
