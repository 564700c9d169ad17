import { formatDecimal, toDecimal } from '@/lib/dosing/decimal';

/** Shortest exact text for a number in a step ("80", "31.7"), never "31.700000000000003". */
export function formatNumber(value: number): string {
  return formatDecimal(toDecimal(value));
}

/** UTC calendar day used for every date comparison and display in dosing. */
export function formatUtcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const MS_PER_DAY = 86_400_000;

export function utcDayNumber(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
