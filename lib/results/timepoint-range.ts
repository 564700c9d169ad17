import { AppError, type FieldErrors } from '@/lib/errors/app-error';
import { BASELINE_TIMEPOINT } from './change-policy';
import { timepointOrder } from './timepoint-order';

export type TimepointRange = { from: string; to: string };

/**
 * The two timepoints to compare, from the trial's assessment plan (any instrument, in time order).
 * Defaults: from = baseline (the earliest planned timepoint when baseline is not planned), to = the latest.
 * null when the plan has fewer than two timepoints. A timepoint outside the plan, or `to` not after
 * `from`, is a 400 with a message per field.
 */
export function resolveTimepointRange(options: {
  planned: readonly string[];
  from?: string;
  to?: string;
}): TimepointRange | null {
  const plan = [...new Set(options.planned)].sort((a, b) => timepointOrder(a) - timepointOrder(b));
  const fields: FieldErrors = {};
  const listed = plan.length > 0 ? plan.join(', ') : 'none planned';
  for (const key of ['from', 'to'] as const) {
    const value = options[key];
    if (value !== undefined && !plan.includes(value))
      fields[key] = [`"${value}" is not a timepoint of this trial's assessment plan (${listed}).`];
  }
  if (Object.keys(fields).length > 0)
    throw new AppError('VALIDATION_FAILED', "Choose timepoints from the trial's assessment plan.", { fields });
  if (plan.length < 2) return null;
  const from = options.from ?? (plan.includes(BASELINE_TIMEPOINT) ? BASELINE_TIMEPOINT : plan[0]);
  const to = options.to ?? plan[plan.length - 1];
  if (timepointOrder(to) <= timepointOrder(from)) {
    throw new AppError('VALIDATION_FAILED', 'The second timepoint must come after the first.', {
      fields: { to: [`"${to}" is not after "${from}"; choose a later timepoint.`] },
    });
  }
  return { from, to };
}
