import { AppError, type FieldErrors } from '@/lib/errors/app-error';
import type { DoseError } from '@/lib/dosing/types';

// The calculator names its inputs ('weight.kg', 'heightCm', ...); the API names them as
// the request body does ('weightKg', ...).
const FIELD_NAMES: Record<string, string> = {
  weight: 'weightKg',
  'weight.kg': 'weightKg',
  'weight.measuredAt': 'weightKg',
  heightCm: 'heightCm',
  sex: 'sex',
  sessionNumber: 'sessionNumber',
};

/** A 400 whose fields carry the calculator's own messages. */
export function doseErrorsToAppError(errors: readonly DoseError[]): AppError {
  const fields: FieldErrors = {};
  for (const error of errors) {
    const key = FIELD_NAMES[error.field] ?? error.field;
    (fields[key] ??= []).push(error.message);
  }
  return new AppError('VALIDATION_FAILED', errors[0]?.message ?? 'The dose cannot be calculated.', {
    fields,
    details: { codes: errors.map((error) => error.code) },
  });
}
