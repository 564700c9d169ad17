import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { ErrorBody } from '@/lib/errors/app-error';

/**
 * Puts the server's per-field messages on the matching form fields and returns
 * the message for the form-level alert. The server re-validates with the same
 * zod schema, so its field names are the form's; anything else (a conflict,
 * a field the form does not show) goes in the alert so it is never lost.
 */
export function applyServerErrors<T extends FieldValues>(
  error: ErrorBody['error'],
  setError: UseFormSetError<T>,
  formFields: readonly FieldPath<T>[],
): string | null {
  const leftovers: string[] = [];
  let focused = false;
  for (const [key, messages] of Object.entries(error.fields ?? {})) {
    const message = messages.join(' ');
    if ((formFields as readonly string[]).includes(key)) {
      setError(key as FieldPath<T>, { type: 'server', message }, { shouldFocus: !focused });
      focused = true;
    } else {
      leftovers.push(message);
    }
  }
  if (!error.fields || Object.keys(error.fields).length === 0) return error.message;
  if (leftovers.length > 0) return `${error.message} ${leftovers.join(' ')}`;
  return focused && error.code === 'VALIDATION_FAILED' ? 'Check the highlighted fields.' : error.message;
}
