import { z } from 'zod';
import { isOnOrAfterEarliest, RECORD_DATE_MESSAGES } from '@/lib/records/date-policy';
import { HOLD_THRESHOLD_RANGES, VITAL_RANGES } from '@/lib/infusions/get-hold-state';
import { SLOT_MINUTES_OPTIONS } from '@/lib/scheduling/slot-minutes';
import {
  closureSchema,
  isoDateSchema,
  isoInstantSchema,
  MAX_MONITORING_MINUTES,
  timeZoneSchema,
  wallTimeSchema,
  isoWeekdaySchema,
} from '@/lib/validations/scheduling';

// Payloads of the clinic setup, visit and infusion-day endpoints. Clinical ranges are
// checked here so the form and the API answer with the same per-field messages.

const idSchema = z.string().trim().min(1).max(64);

export const idParamsSchema = z.object({ id: idSchema });

const reasonSchema = (what: string) =>
  z.string(`Say why ${what}`).trim().min(1, `Say why ${what}`).max(500, 'Reason must be at most 500 characters');

const versionSchema = z.number('Send the version you loaded').int().min(1);

// ---------------------------------------------------------------- Clinic setup

const holdThresholdSchema = (what: string, min: number, max: number) =>
  z
    .number(`${what} hold threshold must be a number`)
    .int('Use whole mmHg')
    .min(min, `${what} hold threshold must be at least ${min} mmHg`)
    .max(max, `${what} hold threshold must be at most ${max} mmHg`);

/** PUT /api/v1/clinic: hours, slot length, monitoring time and the blood-pressure hold rule. Closures and chairs have their own endpoints. */
export const clinicUpdateSchema = z.object({
  timeZone: timeZoneSchema,
  openDays: z.array(isoWeekdaySchema).min(1, 'The clinic must be open on at least one day'),
  openTime: wallTimeSchema,
  closeTime: wallTimeSchema,
  slotMinutes: z.literal(SLOT_MINUTES_OPTIONS, 'Slot length must be 15, 20, 30 or 60 minutes'),
  monitoringMinutes: z
    .number('Monitoring time must be a number')
    .int('Use whole minutes')
    .min(0, 'Monitoring time cannot be negative')
    .max(MAX_MONITORING_MINUTES, `Monitoring time must be at most ${MAX_MONITORING_MINUTES} minutes`),
  holdSbpAbove: holdThresholdSchema('Systolic', HOLD_THRESHOLD_RANGES.sbp.min, HOLD_THRESHOLD_RANGES.sbp.max),
  holdDbpAbove: holdThresholdSchema('Diastolic', HOLD_THRESHOLD_RANGES.dbp.min, HOLD_THRESHOLD_RANGES.dbp.max),
});

export const closureAddSchema = closureSchema;

export const chairCreateSchema = z.object({
  name: z.string('Name the chair').trim().min(1, 'Name the chair').max(60, 'Chair name must be at most 60 characters'),
});

export const chairPatchSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the chair').max(60, 'Chair name must be at most 60 characters').optional(),
    isActive: z.boolean().optional(),
  })
  .refine((value) => value.name !== undefined || value.isActive !== undefined, 'Send a new name or the chair status');

// ---------------------------------------------------------------- Dosing

export const dosingCalculateSchema = z.object({
  trialId: idSchema,
  armId: idSchema,
  /** Range (30–300 kg) is checked by the calculator so its message is the one shown. */
  weightKg: z.number('Weight must be a number in kg'),
  heightCm: z.number('Height must be a number in cm').optional(),
  sex: z.enum(['female', 'male', 'other', 'unknown'], 'Sex must be female, male, other or unknown').optional(),
  sessionNumber: z
    .number('Session number must be a number')
    .int('Session number must be a whole number')
    .min(1, 'Session number starts at 1')
    .optional(),
});

// ---------------------------------------------------------------- Visits

/** `from`/`to` are clinic-local days (inclusive) or ISO instants. */
export const visitListQuerySchema = z.object({
  from: z.union([isoDateSchema, isoInstantSchema], 'Use a date (YYYY-MM-DD) or an ISO 8601 date-time'),
  to: z.union([isoDateSchema, isoInstantSchema], 'Use a date (YYYY-MM-DD) or an ISO 8601 date-time'),
  chairId: idSchema.optional(),
  enrollmentId: idSchema.optional(),
  status: z.enum(['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'MISSED', 'CANCELLED']).optional(),
});

/** PATCH /api/v1/visits/{id}: a move (scheduledAt and/or chairId) or a status change (MISSED, CANCELLED), never both. */
export const visitPatchSchema = z
  .object({
    scheduledAt: isoInstantSchema.optional(),
    // Omit for a perioperative or inpatient session: a chair given for one is refused (400).
    chairId: idSchema.optional(),
    status: z
      .enum(
        ['MISSED', 'CANCELLED'],
        'Only MISSED or CANCELLED can be set here; check-in and discharge have their own steps',
      )
      .optional(),
    reason: reasonSchema('the visit changes'),
    version: versionSchema,
  })
  .superRefine((value, ctx) => {
    const isMove = value.scheduledAt !== undefined || value.chairId !== undefined;
    if (isMove && value.status !== undefined)
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'Move the visit or change its status, not both' });
    if (!isMove && value.status === undefined)
      ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'Send a new time or chair, or a status' });
  });

export const applyShiftsSchema = z.object({
  shifts: z
    .array(
      // chairId: null (or absent) for a perioperative or inpatient session, required for a chair session.
      z.object({
        visitId: idSchema,
        scheduledAt: isoInstantSchema,
        chairId: idSchema.nullish(),
        version: versionSchema,
      }),
    )
    .min(1, 'There is nothing to move')
    .refine(
      (shifts) => new Set(shifts.map((shift) => shift.visitId)).size === shifts.length,
      'A visit is listed twice',
    ),
  reason: reasonSchema('the visits are moved'),
});

/** A coordinator's reason for changing one booked visit (reschedule, missed, cancelled). */
const visitChangeReasonSchema = z
  .string('Give a reason')
  .trim()
  .min(1, 'Give a reason')
  .max(500, 'Reason must be at most 500 characters');

/** Moving one booked session; later sessions that no longer fit come back as proposed shifts. */
export const visitRescheduleSchema = z.object({
  scheduledAt: isoInstantSchema,
  chairId: idSchema.optional(),
  reason: visitChangeReasonSchema,
  version: versionSchema,
});

/** Marking one booked session missed or cancelled. */
export const visitStatusChangeSchema = z.object({ reason: visitChangeReasonSchema, version: versionSchema });

// ---------------------------------------------------------------- Infusion day

export const checkInSchema = z.object({
  isDriverConfirmed: z.boolean('Confirm the adult driver'),
  pregnancyTest: z.enum(['NOT_REQUIRED', 'NEGATIVE', 'POSITIVE'], 'Choose the pregnancy test result').optional(),
  hasNoNewExclusion: z.boolean('Confirm that no new exclusion criterion applies'),
});

export { VITAL_RANGES };

type VitalKey = keyof typeof VITAL_RANGES;

const vitalSchema = (key: VitalKey) => {
  const { min, max, label, unit } = VITAL_RANGES[key];
  return z
    .number(`${label} must be a number`)
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be between ${min} and ${max} ${unit}`)
    .max(max, `${label} must be between ${min} and ${max} ${unit}`)
    .optional();
};

/** PRE, T+n (minutes after the infusion started, 0–720), POST or DISCHARGE. */
export const vitalTimepointSchema = z
  .string('Choose the timepoint')
  .trim()
  .toUpperCase()
  .regex(
    /^(PRE|POST|DISCHARGE|T\+([0-9]|[1-9][0-9]|[1-6][0-9]{2}|7[01][0-9]|720))$/,
    'Timepoint is PRE, T+<minutes> (e.g. T+20), POST or DISCHARGE',
  );

export const vitalsSchema = z
  .object({
    timepoint: vitalTimepointSchema,
    sbp: vitalSchema('sbp'),
    dbp: vitalSchema('dbp'),
    heartRate: vitalSchema('heartRate'),
    spo2: vitalSchema('spo2'),
    respiratoryRate: vitalSchema('respiratoryRate'),
    recordedAt: isoInstantSchema.optional(),
  })
  .superRefine((value, ctx) => {
    const present = (Object.keys(VITAL_RANGES) as VitalKey[]).filter((key) => value[key] !== undefined);
    if (present.length === 0) ctx.addIssue({ code: 'custom', path: ['sbp'], message: 'Enter at least one vital sign' });
    if ((value.sbp === undefined) !== (value.dbp === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [value.sbp === undefined ? 'sbp' : 'dbp'],
        message: 'Enter both systolic and diastolic blood pressure',
      });
    }
    if (value.sbp !== undefined && value.dbp !== undefined && value.dbp >= value.sbp) {
      ctx.addIssue({ code: 'custom', path: ['dbp'], message: 'Diastolic pressure must be lower than systolic' });
    }
    if (value.timepoint === 'PRE') {
      for (const key of ['sbp', 'dbp', 'heartRate', 'spo2'] as const) {
        if (value[key] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `${VITAL_RANGES[key].label} is required before the infusion`,
          });
      }
    }
  });

export const holdOverrideSchema = z.object({
  reason: reasonSchema('the infusion goes ahead despite the blood-pressure hold'),
});

export const doseVerificationSchema = z.object({
  weightKg: z.number("Enter today's weight in kg"),
  heightCm: z.number('Height must be a number in cm').optional(),
  sex: z.enum(['female', 'male'], 'Sex for the ideal body weight is female or male').optional(),
  password: z.string('Enter your password to sign').min(1, 'Enter your password to sign').max(1024),
  meaning: z.string().trim().min(1).max(300).optional(),
  /** The controlled-drug lot the dose is drawn from (lib/drug-inventory); the administered amount is dispensed from it. */
  lotId: z.string().trim().min(1).max(64).optional(),
});

export const administrationSchema = z
  .object({
    /** Unblinded staff (and every open-label trial) may record the mg given. */
    administeredDoseMg: z
      .number('Administered dose must be a number in mg')
      .min(0, 'Administered dose cannot be negative')
      .optional(),
    /** The share of the prepared dose given, %: how blinded staff record a masked trial's infusion. */
    percentGiven: z
      .number('Share given must be a number')
      .int('Use a whole percentage')
      .min(1, 'At least 1 %')
      .max(100, 'At most 100 % of the prepared dose')
      .optional(),
    lotNumber: z
      .string('Enter the lot number')
      .trim()
      .min(1, 'Enter the lot number')
      .max(64, 'Lot number must be at most 64 characters'),
    startedAt: isoInstantSchema,
    stoppedAt: isoInstantSchema.optional(),
  })
  .refine((value) => value.stoppedAt === undefined || new Date(value.stoppedAt) > new Date(value.startedAt), {
    path: ['stoppedAt'],
    message: 'The infusion must stop after it started',
  })
  .refine((value) => (value.administeredDoseMg === undefined) !== (value.percentGiven === undefined), {
    path: ['percentGiven'],
    message: 'Give either the dose in mg or the share of the prepared dose, not both',
  });

export const adverseEventSchema = z
  .object({
    term: z
      .string('Enter the adverse event term')
      .trim()
      .min(1, 'Enter the adverse event term')
      .max(200, 'Term must be at most 200 characters'),
    grade: z
      .number('CTCAE grade must be a number')
      .int('CTCAE grade is a whole number')
      .min(1, 'CTCAE grade is 1 to 5')
      .max(5, 'CTCAE grade is 1 to 5'),
    isSerious: z.boolean('Say whether the event is serious'),
    relatedness: z.enum(['NOT_RELATED', 'UNLIKELY', 'POSSIBLE', 'PROBABLE', 'DEFINITE'], 'Choose the relatedness'),
    actionTaken: z.enum(
      [
        'NONE',
        'INFUSION_SLOWED',
        'INFUSION_INTERRUPTED',
        'INFUSION_STOPPED',
        'MEDICATION_GIVEN',
        'WITHDRAWN_FROM_STUDY',
        'OTHER',
      ],
      'Choose the action taken',
    ),
    outcome: z.enum(
      ['RECOVERED', 'RECOVERING', 'NOT_RECOVERED', 'RECOVERED_WITH_SEQUELAE', 'FATAL', 'UNKNOWN'],
      'Choose the outcome',
    ),
    onsetAt: isoInstantSchema.refine(isOnOrAfterEarliest, { error: RECORD_DATE_MESSAGES.tooEarly }),
    resolvedAt: isoInstantSchema.optional(),
    notes: z.string().trim().max(4000, 'Notes must be at most 4000 characters').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.resolvedAt !== undefined && new Date(value.resolvedAt) < new Date(value.onsetAt)) {
      ctx.addIssue({ code: 'custom', path: ['resolvedAt'], message: 'Resolution cannot be before onset' });
    }
    // CTCAE grade 5 is death related to the adverse event.
    if (value.grade === 5 && value.outcome !== 'FATAL')
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'A grade 5 event has the outcome fatal' });
    if (value.outcome === 'FATAL' && value.grade !== 5)
      ctx.addIssue({ code: 'custom', path: ['grade'], message: 'A fatal outcome is CTCAE grade 5' });
    if (value.grade === 5 && !value.isSerious)
      ctx.addIssue({ code: 'custom', path: ['isSerious'], message: 'A grade 5 event is serious' });
  });

export const dischargeSchema = z.object({
  isDriverPresentAtDischarge: z.boolean('Confirm the adult driver is present'),
  /** Fills in the infusion stop time when it was not recorded with the administration. */
  infusionStoppedAt: isoInstantSchema.optional(),
  /** Required when no infusion was given (e.g. held for blood pressure). */
  notAdministeredReason: z.string().trim().min(1).max(500, 'Reason must be at most 500 characters').optional(),
  /** A clinician's reason to discharge before monitoring, post-infusion vitals or CADSS are done (a protocol deviation). */
  overrideReason: z
    .string()
    .trim()
    .min(1, 'Say why the participant leaves early')
    .max(500, 'Reason must be at most 500 characters')
    .optional(),
});

export type ClinicUpdateInput = z.infer<typeof clinicUpdateSchema>;
export type ChairCreateInput = z.infer<typeof chairCreateSchema>;
export type ChairPatchInput = z.infer<typeof chairPatchSchema>;
export type DosingCalculateInput = z.infer<typeof dosingCalculateSchema>;
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;
export type VisitPatchInput = z.infer<typeof visitPatchSchema>;
export type ApplyShiftsInput = z.infer<typeof applyShiftsSchema>;
export type VisitRescheduleInput = z.infer<typeof visitRescheduleSchema>;
export type VisitStatusChangeInput = z.infer<typeof visitStatusChangeSchema>;
export type CheckInInput = z.infer<typeof checkInSchema>;
export type VitalsInput = z.infer<typeof vitalsSchema>;
export type DoseVerificationInput = z.infer<typeof doseVerificationSchema>;
export type AdministrationInput = z.infer<typeof administrationSchema>;
export type AdverseEventInput = z.infer<typeof adverseEventSchema>;
export type DischargeInput = z.infer<typeof dischargeSchema>;
