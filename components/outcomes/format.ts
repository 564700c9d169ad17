import { describeTimepointCode } from '@/components/trials/describe-timepoint';
import { ENROLLMENT_STATUS_LABELS as STATUS_LABELS } from '@/lib/dashboard/labels';
import { INSTRUMENT_LABELS, isInstrumentCode } from '@/lib/outcomes/instrument-codes';

const MINUS = '\u2212';

/** A number for tables: up to `decimals` places, a true minus sign, an em dash when missing. */
export function formatNumber(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals }).format(value).replace('-', MINUS);
}

/** A change with its sign: "+3", "−10", "0". */
export function formatChange(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals, signDisplay: 'exceptZero' })
    .format(value)
    .replace('-', MINUS);
}

/** "−50%", "+25%", "0%". */
export function formatPercentChange(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatChange(value, 0)}%`;
}

export { shortInstrumentName } from '@/lib/outcomes/instrument-codes';

export function instrumentLabel(code: string): string {
  return isInstrumentCode(code) ? INSTRUMENT_LABELS[code] : code;
}

export const timepointLabel = describeTimepointCode;

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A 'YYYY-MM-DD' calendar date as "23 Nov 2026". */
export function formatCalendarDate(date: string | null): string {
  if (!date) return '—';
  return DATE_FORMAT.format(new Date(`${date}T00:00:00Z`));
}

/** Looked up by the status string the DTOs carry (the one record is lib/dashboard/labels.ts). */
export const ENROLLMENT_STATUS_LABELS: Readonly<Record<string, string>> = STATUS_LABELS;

export const DUE_STATUS_LABELS: Record<string, string> = {
  done: 'Done',
  due: 'Due',
  overdue: 'Overdue',
  upcoming: 'Upcoming',
};
export const DUE_STATUS_TONES = { done: 'success', due: 'warning', overdue: 'danger', upcoming: 'neutral' } as const;

/** Distinguishable on white and for common colour-vision deficiencies (Okabe–Ito). */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

/** Light fills for severity bands, from least to most severe. */
export const BAND_FILLS = ['#ecfdf5', '#fefce8', '#fff7ed', '#ffedd5', '#fee2e2', '#fecaca'];

export { flagLabel } from '@/lib/outcomes/flags';
