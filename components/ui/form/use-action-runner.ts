'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useSubmissionKey } from '@/components/forms/use-submission-key';
import type { ActionOptions, ActionResult } from '@/lib/auth/guard';
import type { ErrorBody } from '@/lib/errors/app-error';

export type FieldErrorMap = Record<string, string>;

/**
 * Runs a server action for a small infusion-day form: tracks the pending state,
 * puts the server's per-field messages next to their inputs, keeps the rest for
 * an alert, and refreshes the server-rendered record after a success. One
 * Idempotency-Key per submission, so a retried save does not record twice.
 */
export function useActionRunner() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorMap>({});
  const [lastError, setLastError] = useState<ErrorBody['error'] | null>(null);
  const withSubmissionKey = useSubmissionKey();

  async function run<T>(
    /** Pass `options` on to a creating action: it carries the submission's Idempotency-Key. */
    action: (options: ActionOptions) => Promise<ActionResult<T>>,
    success: string | ((data: T) => string),
  ): Promise<T | null> {
    setPending(true);
    setMessage(null);
    setFieldErrors({});
    setLastError(null);
    try {
      const result = await withSubmissionKey(action);
      if (result.ok) {
        setMessage({ tone: 'success', text: typeof success === 'function' ? success(result.data) : success });
        router.refresh();
        return result.data;
      }
      const fields: FieldErrorMap = {};
      for (const [key, messages] of Object.entries(result.error.fields ?? {})) fields[key] = messages.join(' ');
      setFieldErrors(fields);
      setLastError(result.error);
      setMessage({ tone: 'error', text: result.error.message });
      return null;
    } finally {
      setPending(false);
    }
  }

  return { run, pending, message, fieldErrors, lastError, setMessage };
}

/** A number input's value, or undefined when empty (so the schema reports it as missing). */
export function numberOrUndefined(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const parsed = Number(value.replace(',', '.'));
  return Number.isFinite(parsed) ? parsed : undefined;
}
