import { useCallback, useEffect, useState } from 'react';
import { ApiError, messageOf } from './api';

/**
 * What to offer after a failed load: trying again helps after a network or server failure, never
 * after a refusal, a missing record or a malformed request — those offer 返回 (R-UX-1).
 */
export function nextStepOf(e: unknown): 'retry' | 'back' {
  return e instanceof ApiError && (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND' || e.code === 'VALIDATION') ? 'back' : 'retry';
}

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  /** After an error: 'back' when loading again cannot help (see nextStepOf). */
  next: 'retry' | 'back';
  reload: () => void;
}

/** Loads once per change of `key`; failures become the courteous message to show. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [next, setNext] = useState<'retry' | 'back'>('retry');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    load()
      .then((d) => {
        if (live) setData(d);
      })
      .catch((e: unknown) => {
        if (live) {
          setError(messageOf(e));
          setNext(nextStepOf(e));
        }
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `key` says when its inputs changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, error, next, reload };
}
