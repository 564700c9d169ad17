import { formatNumber, formatUtcDate, isValidDate, utcDayNumber } from '@/lib/dosing/format';
import type { DoseError, Failure } from '@/lib/dosing/types';

// Dates are compared as UTC calendar days (pass date-only values as UTC midnight,
// e.g. new Date('2026-11-20')). A weight is current while its age in days is at most
// the window: with a 7-day window, a weight from the 20th is usable up to and
// including the 27th and stale on the 28th.

export const WEIGHT_RANGE_KG = { min: 30, max: 300 } as const;

export type WeightInput = { kg: number; measuredAt: Date } | null | undefined;

export type CheckedWeight = { ok: true; kg: number; measuredOn: string; ageDays: number };

export function checkWeight(options: {
  weight: WeightInput;
  today: Date;
  windowDays: number;
}): CheckedWeight | Failure {
  const { weight, today, windowDays } = options;
  if (weight === null || weight === undefined) {
    return fail({
      field: 'weight',
      code: 'WEIGHT_MISSING',
      message: 'No weight recorded; weigh the participant before dosing',
    });
  }
  const errors: DoseError[] = [];
  const { kg, measuredAt } = weight;
  if (typeof kg !== 'number' || !Number.isFinite(kg) || kg < WEIGHT_RANGE_KG.min || kg > WEIGHT_RANGE_KG.max) {
    errors.push({
      field: 'weight.kg',
      code: 'WEIGHT_OUT_OF_RANGE',
      message: `Weight ${String(kg)} kg is outside ${WEIGHT_RANGE_KG.min}–${WEIGHT_RANGE_KG.max} kg; check the measurement`,
    });
  }
  if (!isValidDate(measuredAt)) {
    errors.push({
      field: 'weight.measuredAt',
      code: 'DATE_INVALID',
      message: 'The weight has no valid measurement date',
    });
    return { ok: false, errors };
  }
  const ageDays = utcDayNumber(today) - utcDayNumber(measuredAt);
  if (ageDays < 0) {
    errors.push({
      field: 'weight.measuredAt',
      code: 'WEIGHT_IN_FUTURE',
      message: `Weight is dated ${formatUtcDate(measuredAt)}, after today (${formatUtcDate(today)}); check the date`,
    });
  }
  if (ageDays > windowDays) {
    errors.push({
      field: 'weight.measuredAt',
      code: 'WEIGHT_STALE',
      message: `Weight from ${formatUtcDate(measuredAt)} is ${ageDays} days old; this protocol needs a weight from the last ${windowDays} days`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, kg, measuredOn: formatUtcDate(measuredAt), ageDays };
}

function fail(error: DoseError): Failure {
  return { ok: false, errors: [error] };
}

export function describeWeight(weight: CheckedWeight): string {
  return `${formatNumber(weight.kg)} kg (measured ${weight.measuredOn})`;
}
