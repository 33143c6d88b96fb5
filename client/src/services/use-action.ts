import { useState } from 'react';
import type { FieldIssue } from '@shared/domain/errors';
import { ApiError, messageOf } from './api';

/**
 * A form's submit: runs the call once at a time, keeps the courteous message to show and the
 * field issues the contract or the server named, so each field can show its own.
 */
export function useAction() {
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const errs = (field: string): string[] => issues.filter((i) => i.field === field || i.field.startsWith(`${field}.`)).map((i) => i.message);

  /** Resolves true when the call succeeded; `done` is then shown as the message. */
  const run = async (fn: () => Promise<unknown>, done?: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setIssues([]);
    setMessage(null);
    try {
      await fn();
      if (done) setMessage(done);
      return true;
    } catch (e) {
      if (e instanceof ApiError) setIssues(e.fieldIssues);
      setMessage(messageOf(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { message, setMessage, busy, errs, run };
}
