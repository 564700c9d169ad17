'use client';

import { useCallback, useRef } from 'react';
import type { ActionOptions } from '@/lib/auth/guard';

/**
 * One Idempotency-Key per form submission (lib/api/idempotency.ts). The key is
 * made on the first attempt and kept while the call fails without an answer (a
 * dropped connection, a double click), so a retry replays the first result
 * instead of saving twice; once the server has answered, the next submission
 * gets a new key.
 */
export function useSubmissionKey() {
  const key = useRef<string | null>(null);
  return useCallback(async <T>(call: (options: ActionOptions) => Promise<T>): Promise<T> => {
    key.current ??= crypto.randomUUID();
    const result = await call({ idempotencyKey: key.current });
    key.current = null;
    return result;
  }, []);
}
