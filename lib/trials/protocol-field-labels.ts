import { DOSE_MODE_LABELS, ROUTE_LABELS, WEIGHT_BASIS_LABELS } from '@/lib/dosing/labels';
import { SESSION_KIND_LABELS } from '@/lib/scheduling/session-policy';

// What the protocol-version diff calls each field of a dosing protocol (lib/validations/dosing.ts)
// and how it writes their values: coded values by their label, objects as JSON.

/** Dosing fields of lib/validations/dosing.ts, by what a reader calls them. */
export const DOSING_FIELD_LABELS: Record<string, string> = {
  drug: 'Drug',
  route: 'Route',
  doseMode: 'Dose mode',
  mgPerKg: 'Dose (mg/kg)',
  weightBasis: 'Weight basis',
  fixedMg: 'Fixed dose (mg)',
  maxMgPerSession: 'Cap per session (mg)',
  roundingIncrementMg: 'Rounding (mg)',
  infusionMinutes: 'Infusion (minutes)',
  postInfusionMonitoringMinutes: 'Monitoring after infusion (minutes)',
  concentrationMgPerMl: 'Concentration (mg/mL)',
  diluentVolumeMl: 'Diluent volume (mL)',
  weightWindowDays: 'Weight valid for (days)',
  doseSteps: 'Dose steps by session',
};

/** The session schedule part of a dosing protocol. */
export const SCHEDULE_FIELD_LABELS: Record<string, string> = {
  sessionCount: 'Sessions',
  sessionsPerWeek: 'At most per 7 days',
  minHoursBetweenSessions: 'Minimum hours between sessions',
  maxDaysBetweenSessions: 'Maximum days between sessions',
  sessionKind: 'Session setting',
  sessionDurationMinutes: 'Stay (minutes)',
  extension: 'Extension session',
};

/**
 * Fields added to the schema after protocols were stored: a stored protocol without one reads as the
 * schema's default (lib/validations/dosing.ts), so re-saving it is not a change.
 */
export const DOSING_FIELD_DEFAULTS: Record<string, unknown> = { sessionKind: 'CHAIR' };

const VALUE_LABELS: Record<string, Record<string, string>> = {
  route: ROUTE_LABELS,
  doseMode: DOSE_MODE_LABELS,
  weightBasis: WEIGHT_BASIS_LABELS,
  sessionKind: SESSION_KIND_LABELS,
};

/** Key-order-insensitive JSON, so {a,b} and {b,a} read the same. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** A dosing field's value as text: "Weight-based (mg/kg)", "0.5", null for none. */
export function showDosingValue(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return VALUE_LABELS[field]?.[value] ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return null;
  return stableJson(value);
}
