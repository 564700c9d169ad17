import type { DosingProtocol } from '@/lib/validations/dosing';

// A new arm's starting values, apart from the dosing schema so the trial form loads them without zod.

/** Starting values for a new arm's form: 0.5 mg/kg actual body weight over 40 minutes, one session, no cap. */
export function defaultDosingProtocol(): DosingProtocol {
  return {
    drug: 'ketamine',
    route: 'IV',
    doseMode: 'WEIGHT_BASED',
    mgPerKg: 0.5,
    weightBasis: 'ACTUAL',
    fixedMg: null,
    maxMgPerSession: null,
    roundingIncrementMg: 0.1,
    infusionMinutes: 40,
    postInfusionMonitoringMinutes: null,
    concentrationMgPerMl: null,
    diluentVolumeMl: null,
    sessionCount: 1,
    sessionsPerWeek: null,
    minHoursBetweenSessions: null,
    maxDaysBetweenSessions: null,
    sessionKind: 'CHAIR',
    sessionDurationMinutes: null,
    weightWindowDays: 7,
    doseSteps: [],
    extension: null,
  };
}
