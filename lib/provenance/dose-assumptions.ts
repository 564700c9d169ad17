import type { DosingProtocol } from '@/lib/validations/dosing';
import type { DosingAssumptionField, StoredAssumption, StoredProvenance } from '@/lib/validations/provenance';

// Policy: an unconfirmed assumption in a field that sets the mg of a session blocks that session's dose, for
// calculation and verification alike. Fields that do not set the mg (rounding increment, weight window, spacing,
// infusion length, session count) are listed on the trial page as assumptions but never block: the calculator
// and the scheduler already refuse anything outside their own limits.

/** Fields that set the mg of every session of the arm. */
const ALWAYS_DOSE_SETTING: readonly DosingAssumptionField[] = [
  'drug',
  'route',
  'doseMode',
  'weightBasis',
  'maxMgPerSession',
];
/** The arm's own dose: sets the mg of a session that has no dose of its own. */
const ARM_DOSE: readonly DosingAssumptionField[] = ['mgPerKg', 'fixedMg'];
const EXTENSION_DOSE: readonly DosingAssumptionField[] = ['extension.mgPerKg', 'extension.fixedMg'];

/** Which assumed fields set the mg of this session (null = no session given: the arm dose). */
export function doseSettingFields(protocol: DosingProtocol, sessionNumber: number | null): DosingAssumptionField[] {
  const fields = [...ALWAYS_DOSE_SETTING];
  const isExtension = protocol.extension !== null && sessionNumber === protocol.sessionCount + 1;
  if (isExtension) {
    const extension = protocol.extension!;
    const hasOwnDose = extension.mgPerKg !== null || extension.fixedMg !== null;
    return hasOwnDose ? [...fields, ...EXTENSION_DOSE] : [...fields, ...ARM_DOSE];
  }
  const hasStep = sessionNumber !== null && protocol.doseSteps.some((step) => step.sessionNumber === sessionNumber);
  if (hasStep) return [...fields, 'doseSteps'];
  // Without a session number the calculator only doses protocols without steps (it asks for the session otherwise).
  return [...fields, ...ARM_DOSE];
}

/** The unconfirmed assumptions that block this session's dose; empty = the dose may be calculated. */
export function blockingDoseAssumptions(options: {
  provenance: StoredProvenance | null;
  protocol: DosingProtocol;
  sessionNumber: number | null;
}): StoredAssumption[] {
  const { provenance, protocol, sessionNumber } = options;
  const fields = new Set<string>(doseSettingFields(protocol, sessionNumber));
  return (provenance?.assumptions ?? []).filter(
    (assumption) => assumption.confirmedAt === null && fields.has(assumption.field),
  );
}

const FIELD_LABELS: Record<DosingAssumptionField, string> = {
  drug: 'drug',
  route: 'route',
  doseMode: 'dose mode',
  mgPerKg: 'mg/kg',
  fixedMg: 'fixed dose',
  weightBasis: 'weight basis',
  maxMgPerSession: 'cap per session',
  doseSteps: 'per-session doses',
  'extension.mgPerKg': 'extension mg/kg',
  'extension.fixedMg': 'extension fixed dose',
  roundingIncrementMg: 'rounding increment',
  weightWindowDays: 'weight window',
  infusionMinutes: 'infusion duration',
  sessionCount: 'number of sessions',
  sessionsPerWeek: 'sessions per 7 days',
  minHoursBetweenSessions: 'minimum spacing',
  maxDaysBetweenSessions: 'maximum spacing',
  sessionKind: 'session setting',
  sessionDurationMinutes: 'stay duration',
  'extension.window': 'extension window',
};

export function dosingFieldLabel(field: DosingAssumptionField): string {
  return FIELD_LABELS[field];
}

/** The refusal shown where the dose would be: which assumptions, and who can lift the block. */
// It names no arm: in a masked trial the arm (and a placebo's missing dose) must not show.
export function doseBlockedMessage(blocking: readonly StoredAssumption[]): string {
  const names = blocking.map(
    (assumption) => FIELD_LABELS[assumption.field as DosingAssumptionField] ?? assumption.field,
  );
  return (
    `No dose can be calculated for this session: the protocol's ${names.join(', ')} ` +
    `${names.length === 1 ? 'is a clinic assumption' : 'are clinic assumptions'} the source does not state, ` +
    'not yet confirmed. An admin must confirm (or correct and confirm) it under Assumptions on the trial page.'
  );
}
