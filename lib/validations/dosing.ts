import { z } from 'zod';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';
import { decimalPlaces, isMultipleOf, toDecimal } from '@/lib/dosing/decimal';
import {
  MAX_STAY_MINUTES,
  MIN_STAY_MINUTES,
  SESSION_KINDS,
  formatStay,
  needsChair,
  sessionPhrase,
} from '@/lib/scheduling/session-policy';

// One dosing protocol per trial arm. Everything dose-relevant is explicit:
// only roundingIncrementMg (0.1), weightWindowDays (7) and doseSteps ([]) have
// defaults, so a stored protocol that silently lost its cap or its mg/kg fails
// to parse instead of dosing without it.

export const routeSchema = z.enum(['IV', 'IM', 'IN', 'PO', 'SC']);
export const doseModeSchema = z.enum(['WEIGHT_BASED', 'FIXED', 'PLACEBO']);
export const weightBasisSchema = z.enum(['ACTUAL', 'IDEAL', 'ADJUSTED']);

export type Route = z.infer<typeof routeSchema>;
export type DoseMode = z.infer<typeof doseModeSchema>;
export type WeightBasis = z.infer<typeof weightBasisSchema>;

export const MAX_MG_PER_KG = 5;
/** A fixed dose may not exceed the largest weight-based dose the schema allows (5 mg/kg × 300 kg). */
export const MAX_FIXED_MG = 1500;
export const MAX_ROUNDING_INCREMENT_MG = 10;

const mgPerKgSchema = z
  .number('mg/kg must be a number')
  .positive('mg/kg must be greater than 0')
  .max(MAX_MG_PER_KG, `mg/kg must be at most ${MAX_MG_PER_KG}`);

const fixedMgSchema = z
  .number('Fixed dose must be a number')
  .positive('Fixed dose must be greater than 0 mg')
  .max(MAX_FIXED_MG, `Fixed dose must be at most ${MAX_FIXED_MG} mg`);

const doseStepSchema = z.object({
  sessionNumber: z.number().int('Session number must be a whole number').min(1, 'Session number starts at 1'),
  mgPerKg: mgPerKgSchema.nullable(),
  fixedMg: fixedMgSchema.nullable(),
});

const extensionSchema = z.object({
  label: z.string().trim().min(1, 'Give the extension a label').max(120, 'Label must be at most 120 characters'),
  isOptional: z.boolean(),
  minDaysAfterLastSession: z.number().int('Use whole days').min(0, 'Cannot be negative'),
  maxDaysAfterLastSession: z.number().int('Use whole days').min(0, 'Cannot be negative'),
  mgPerKg: mgPerKgSchema.nullable(),
  fixedMg: fixedMgSchema.nullable(),
  isOpenLabel: z.boolean(),
});

const baseDosingProtocolSchema = z.object({
  drug: z.string().trim().min(1, 'Enter the drug name').max(100, 'Drug name must be at most 100 characters'),
  route: routeSchema,
  doseMode: doseModeSchema,
  mgPerKg: mgPerKgSchema.nullable(),
  weightBasis: weightBasisSchema.nullable(),
  fixedMg: fixedMgSchema.nullable(),
  maxMgPerSession: z
    .number('Cap must be a number')
    .positive('Cap must be greater than 0 mg (or empty for no cap)')
    .nullable(),
  roundingIncrementMg: z
    .number('Rounding increment must be a number')
    .positive('Rounding increment must be greater than 0 mg')
    .max(MAX_ROUNDING_INCREMENT_MG, `Rounding increment must be at most ${MAX_ROUNDING_INCREMENT_MG} mg`)
    .refine((value) => decimalPlaces(value) <= 3, 'Rounding increment can have at most 3 decimals (0.001 mg)')
    .default(0.1),
  infusionMinutes: z
    .number()
    .positive('Infusion duration must be greater than 0 minutes')
    .max(1440, 'Infusion duration must be at most 1440 minutes')
    .nullable(),
  /** The protocol's own observation time after the infusion; null = the clinic's monitoring time. */
  postInfusionMonitoringMinutes: z
    .number('Monitoring time must be a number')
    .int('Use whole minutes')
    .min(0, 'Monitoring time cannot be negative')
    .max(1440, 'Monitoring time must be at most 1440 minutes')
    .nullable()
    .default(null),
  concentrationMgPerMl: z.number().positive('Concentration must be greater than 0 mg/mL').nullable(),
  diluentVolumeMl: z.number().positive('Diluent volume must be greater than 0 mL').nullable(),
  sessionCount: z
    .number()
    .int('Session count must be a whole number')
    .min(1, 'At least 1 session')
    .max(52, 'At most 52 sessions'),
  /** At most this many sessions in any 7 consecutive days (not per calendar week). */
  sessionsPerWeek: z
    .number()
    .int('Sessions per 7 days must be a whole number')
    .min(1, 'At least 1 in 7 days')
    .max(7, 'At most 7 in 7 days')
    .nullable(),
  minHoursBetweenSessions: z.number().min(0, 'Minimum hours between sessions cannot be negative').nullable(),
  maxDaysBetweenSessions: z
    .number()
    .int('Use whole days')
    .min(1, 'Maximum days between sessions must be at least 1')
    .nullable(),
  /** Where a session takes place: an infusion chair, or perioperative / inpatient without a chair (session-policy). */
  sessionKind: z.enum(SESSION_KINDS, 'Choose where the session takes place').default('CHAIR'),
  /** A no-chair session's stay in minutes (24 h = 1440); null for a chair session, whose time is infusion + monitoring. */
  sessionDurationMinutes: z
    .number('Stay duration must be a number')
    .int('Use whole minutes')
    .min(MIN_STAY_MINUTES, `A stay lasts at least ${formatStay(MIN_STAY_MINUTES)}`)
    .max(MAX_STAY_MINUTES, `A stay lasts at most ${formatStay(MAX_STAY_MINUTES)}`)
    .nullable()
    .default(null),
  weightWindowDays: z
    .number()
    .int('Use whole days')
    .min(1, 'Weight window must be at least 1 day')
    .max(90, 'Weight window must be at most 90 days')
    .default(7),
  doseSteps: z.array(doseStepSchema).default([]),
  extension: extensionSchema.nullable(),
});

type BaseProtocol = z.output<typeof baseDosingProtocolSchema>;
type IssueContext = z.RefinementCtx;

function addIssue(ctx: IssueContext, path: Array<string | number>, message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

function usesWeight(protocol: BaseProtocol): boolean {
  return (
    protocol.doseMode === 'WEIGHT_BASED' ||
    protocol.doseSteps.some((step) => step.mgPerKg !== null) ||
    (protocol.extension?.mgPerKg ?? null) !== null
  );
}

function checkMultipleOfIncrement(options: {
  ctx: IssueContext;
  path: Array<string | number>;
  valueMg: number | null;
  incrementMg: number;
  what: string;
}): void {
  const { ctx, path, valueMg, incrementMg, what } = options;
  // Field-level issues already cover non-positive values; BigInt modulo by zero would throw.
  if (valueMg === null || !(valueMg > 0) || !(incrementMg > 0) || !Number.isFinite(valueMg + incrementMg)) return;
  // A fixed dose or cap that is not on the rounding grid could not be given as written.
  if (!isMultipleOf(toDecimal(valueMg), toDecimal(incrementMg))) {
    addIssue(ctx, path, `${what} must be a multiple of the rounding increment (${incrementMg} mg)`);
  }
}

function checkDoseMode(protocol: BaseProtocol, ctx: IssueContext): void {
  const { doseMode, mgPerKg, fixedMg, weightBasis } = protocol;
  if (doseMode === 'WEIGHT_BASED') {
    if (mgPerKg === null) addIssue(ctx, ['mgPerKg'], 'A weight-based dose needs mg/kg');
    if (fixedMg !== null) addIssue(ctx, ['fixedMg'], 'A weight-based dose has no fixed mg; clear it');
  }
  if (doseMode === 'FIXED') {
    if (fixedMg === null) addIssue(ctx, ['fixedMg'], 'A fixed dose needs the dose in mg');
    if (mgPerKg !== null) addIssue(ctx, ['mgPerKg'], 'A fixed dose has no mg/kg; clear it');
  }
  if (doseMode === 'PLACEBO') {
    if (mgPerKg !== null) addIssue(ctx, ['mgPerKg'], 'A placebo arm has no mg/kg; clear it');
    if (fixedMg !== null) addIssue(ctx, ['fixedMg'], 'A placebo arm has no fixed mg; clear it');
    if (protocol.doseSteps.length > 0) addIssue(ctx, ['doseSteps'], 'A placebo arm has no dose steps');
  }
  if (usesWeight(protocol) && weightBasis === null) {
    addIssue(
      ctx,
      ['weightBasis'],
      'Choose the weight basis (actual, ideal or adjusted body weight) for the mg/kg dose',
    );
  }
  if (!usesWeight(protocol) && weightBasis !== null) {
    addIssue(ctx, ['weightBasis'], 'No dose in this protocol is weight-based; clear the weight basis');
  }
  checkMultipleOfIncrement({
    ctx,
    path: ['fixedMg'],
    valueMg: fixedMg,
    incrementMg: protocol.roundingIncrementMg,
    what: 'Fixed dose',
  });
  checkMultipleOfIncrement({
    ctx,
    path: ['maxMgPerSession'],
    valueMg: protocol.maxMgPerSession,
    incrementMg: protocol.roundingIncrementMg,
    what: 'Cap',
  });
}

function checkVolumeInputs(protocol: BaseProtocol, ctx: IssueContext): void {
  // With both set the infused volume is ambiguous (drug volume alone, or the bag?),
  // and the rate would be wrong by the bag volume; make the protocol say which.
  if (protocol.concentrationMgPerMl !== null && protocol.diluentVolumeMl !== null) {
    addIssue(
      ctx,
      ['diluentVolumeMl'],
      'Set either the concentration (volume follows the dose) or a fixed diluent bag volume, not both',
    );
  }
}

function checkSchedule(protocol: BaseProtocol, ctx: IssueContext): void {
  const { minHoursBetweenSessions: minHours, maxDaysBetweenSessions: maxDays, sessionsPerWeek: perWeek } = protocol;
  if (minHours !== null && maxDays !== null && maxDays * 24 < minHours) {
    addIssue(
      ctx,
      ['maxDaysBetweenSessions'],
      `Maximum gap (${maxDays} days = ${maxDays * 24} h) is shorter than the minimum gap (${minHours} h)`,
    );
  }
  // N in any 7 days means N consecutive gaps add up to at least 7 days; gaps of at most D days need N × D ≥ 7.
  if (perWeek !== null && maxDays !== null && perWeek < protocol.sessionCount && perWeek * maxDays < 7) {
    addIssue(
      ctx,
      ['maxDaysBetweenSessions'],
      `At most ${perWeek} in any 7 days cannot be kept with sessions at most ${maxDays} days apart`,
    );
  }
}

function checkSession(protocol: BaseProtocol, ctx: IssueContext): void {
  const { sessionKind, sessionDurationMinutes } = protocol;
  if (needsChair(sessionKind) && sessionDurationMinutes !== null) {
    addIssue(
      ctx,
      ['sessionDurationMinutes'],
      'A chair session lasts its infusion and monitoring time; clear the stay duration',
    );
  }
  if (!needsChair(sessionKind) && sessionDurationMinutes === null) {
    addIssue(
      ctx,
      ['sessionDurationMinutes'],
      `${sessionPhrase(sessionKind).replace(/^a/, 'A')} needs its stay duration (e.g. 24 h)`,
    );
  }
}

function checkDoseSteps(protocol: BaseProtocol, ctx: IssueContext): void {
  const seen = new Set<number>();
  protocol.doseSteps.forEach((step, index) => {
    if (step.sessionNumber > protocol.sessionCount) {
      addIssue(
        ctx,
        ['doseSteps', index, 'sessionNumber'],
        `Session ${step.sessionNumber} is beyond the ${protocol.sessionCount} sessions of this protocol`,
      );
    }
    if (seen.has(step.sessionNumber)) {
      addIssue(ctx, ['doseSteps', index, 'sessionNumber'], `Session ${step.sessionNumber} already has a dose step`);
    }
    seen.add(step.sessionNumber);
    if ((step.mgPerKg === null) === (step.fixedMg === null)) {
      addIssue(ctx, ['doseSteps', index, 'mgPerKg'], 'A dose step needs exactly one of mg/kg or fixed mg');
    }
    checkMultipleOfIncrement({
      ctx,
      path: ['doseSteps', index, 'fixedMg'],
      valueMg: step.fixedMg,
      incrementMg: protocol.roundingIncrementMg,
      what: 'Fixed dose',
    });
  });
}

function checkExtension(protocol: BaseProtocol, ctx: IssueContext): void {
  const { extension } = protocol;
  if (extension === null) return;
  if (extension.minDaysAfterLastSession > extension.maxDaysAfterLastSession) {
    addIssue(ctx, ['extension', 'maxDaysAfterLastSession'], 'Latest day must be on or after the earliest day');
  }
  if (extension.mgPerKg !== null && extension.fixedMg !== null) {
    addIssue(ctx, ['extension', 'fixedMg'], 'Give the extension either mg/kg or fixed mg, not both');
  }
  if (protocol.doseMode === 'PLACEBO' && extension.mgPerKg === null && extension.fixedMg === null) {
    addIssue(ctx, ['extension', 'mgPerKg'], "A placebo arm's extension needs its own dose (mg/kg or fixed mg)");
  }
  checkMultipleOfIncrement({
    ctx,
    path: ['extension', 'fixedMg'],
    valueMg: extension.fixedMg,
    incrementMg: protocol.roundingIncrementMg,
    what: 'Fixed dose',
  });
}

export const dosingProtocolSchema = baseDosingProtocolSchema.superRefine((protocol, ctx) => {
  checkDoseMode(protocol, ctx);
  checkVolumeInputs(protocol, ctx);
  checkSchedule(protocol, ctx);
  checkSession(protocol, ctx);
  checkDoseSteps(protocol, ctx);
  checkExtension(protocol, ctx);
});

export type DosingProtocol = z.infer<typeof dosingProtocolSchema>;
export type DosingProtocolInput = z.input<typeof dosingProtocolSchema>;
export type DosingExtension = NonNullable<DosingProtocol['extension']>;

// Worked examples used across the app and tests. Parsed here so a schema change that
// would reject a real trial's dosing fails at import time.

/**
 * NCT06419439: four twice-weekly IV ketamine infusions, 0.5 mg/kg actual body weight, no cap.
 * Infusion duration is not stated. The page says only "twice weekly": 48 h to 7 days apart are the
 * clinic's assumptions (lib/scheduling/session-spacing.ts), written here so they show and can be confirmed.
 */
export const NCT06419439_DOSING: DosingProtocol = dosingProtocolSchema.parse({
  ...defaultDosingProtocol(),
  infusionMinutes: null,
  sessionCount: 4,
  sessionsPerWeek: 2,
  minHoursBetweenSessions: 48,
  maxDaysBetweenSessions: 7,
});

/** NCT06668571: one 40-minute IV ketamine infusion, 0.5 mg/kg actual body weight capped at 50 mg, optional open-label extension infusion 1–7 days later. */
export const NCT06668571_DOSING: DosingProtocol = dosingProtocolSchema.parse({
  ...defaultDosingProtocol(),
  maxMgPerSession: 50,
  infusionMinutes: 40,
  sessionCount: 1,
  extension: {
    label: 'Optional open-label ketamine infusion',
    isOptional: true,
    minDaysAfterLastSession: 1,
    maxDaysAfterLastSession: 7,
    // Stated explicitly (not inherited) because the open-label infusion is active ketamine whatever the blinded arm was.
    mgPerKg: 0.5,
    fixedMg: null,
    isOpenLabel: true,
  },
});
