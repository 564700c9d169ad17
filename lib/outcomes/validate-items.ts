import type { FieldError, InstrumentDefinition } from './types';

type ValidateResult = { ok: true; items: Array<number | null> } | { ok: false; errors: FieldError[] };

const hasAtMostDecimals = (value: number, decimals: 0 | 1): boolean => {
  if (decimals === 0) return Number.isInteger(value);
  // Scale and compare with a tolerance because 0.1-steps are not exact in binary floating point.
  const scaled = value * 10;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9;
};

/**
 * Field paths use the 0-based array index (`items.0` is item 1) so they line up with zod and
 * react-hook-form paths; the message names the 1-based item number that clinicians see on paper.
 */
export const validateItems = (definition: InstrumentDefinition, items: unknown): ValidateResult => {
  if (!Array.isArray(items)) {
    return { ok: false, errors: [{ field: 'items', message: 'Items must be an array.' }] };
  }
  if (items.length !== definition.itemCount) {
    return {
      ok: false,
      errors: [
        {
          field: 'items',
          message: `${definition.code} has ${definition.itemCount} item(s); received ${items.length}.`,
        },
      ],
    };
  }

  const errors: FieldError[] = [];
  const valid: Array<number | null> = [];
  items.forEach((value: unknown, index) => {
    const field = `items.${index}`;
    const name = `Item ${index + 1} (${definition.itemLabels[index]})`;
    if (value === null || value === undefined) {
      valid.push(null);
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field, message: `${name} must be a number or left blank.` });
      return;
    }
    if (!hasAtMostDecimals(value, definition.decimals)) {
      const rule = definition.decimals === 0 ? 'a whole number' : 'a number with at most one decimal';
      errors.push({ field, message: `${name} must be ${rule}.` });
      return;
    }
    if (value < definition.minValue || value > definition.maxValue) {
      errors.push({
        field,
        message: `${name} must be between ${definition.minValue} and ${definition.maxValue}.`,
      });
      return;
    }
    valid.push(value);
  });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, items: valid };
};
