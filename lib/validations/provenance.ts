import { z } from 'zod';

// Where a protocol value comes from. Every structured rule, dosing field and assessment-plan item is either
// transcribed from the source (the criterion or arm text it came from, kept verbatim in `quote`) or a clinic
// assumption: a value the source does not state, written down with why, and used for a dose or an eligibility
// call only once an admin has confirmed it (lib/provenance/*).

/** Dosing fields an assumption can name; `extension.*` and `doseSteps` are the extension's and the per-session doses. */
export const DOSING_ASSUMPTION_FIELDS = [
  'drug',
  'route',
  'doseMode',
  'mgPerKg',
  'fixedMg',
  'weightBasis',
  'maxMgPerSession',
  'doseSteps',
  'extension.mgPerKg',
  'extension.fixedMg',
  'roundingIncrementMg',
  'weightWindowDays',
  'infusionMinutes',
  'sessionCount',
  'sessionsPerWeek',
  'minHoursBetweenSessions',
  'maxDaysBetweenSessions',
  'sessionKind',
  'sessionDurationMinutes',
  'extension.window',
] as const;
export type DosingAssumptionField = (typeof DOSING_ASSUMPTION_FIELDS)[number];

/** A criterion's assumption is about its structured rule. */
export const CRITERION_ASSUMPTION_FIELDS = ['rule'] as const;
/** An assessment-plan item's assumptions: which instrument, when, and how far from that day. */
export const PLAN_ASSUMPTION_FIELDS = ['instrument', 'timepoint', 'window'] as const;

export const ASSUMPTION_FIELDS = [
  ...DOSING_ASSUMPTION_FIELDS,
  ...CRITERION_ASSUMPTION_FIELDS,
  ...PLAN_ASSUMPTION_FIELDS,
] as const;
export type AssumptionField = (typeof ASSUMPTION_FIELDS)[number];

const quoteSchema = z.string().trim().min(1, 'Quote the source text.').max(4000);

/** An assumption as a draft states it (seed, import, API): what was assumed and why. Never its confirmation. */
export const assumptionInputSchema = z.object({
  field: z.enum(ASSUMPTION_FIELDS),
  note: z.string().trim().min(3, 'Say what was assumed and why.').max(1000),
});

/**
 * Provenance as a draft gives it. Confirmations are not input: zod strips them, so only the audited confirm
 * action (lib/provenance/confirm-assumption.ts) can mark an assumption confirmed.
 */
export const provenanceInputSchema = z
  .object({
    /** The source text this value was transcribed from, verbatim (markdown escapes aside). */
    quote: quoteSchema.nullable().default(null),
    assumptions: z.array(assumptionInputSchema).max(30).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.quote === null && value.assumptions.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['quote'],
        message: 'Quote the source or mark the value as an assumption.',
      });
    const seen = new Set<string>();
    value.assumptions.forEach((assumption, index) => {
      if (seen.has(assumption.field))
        ctx.addIssue({ code: 'custom', path: ['assumptions', index, 'field'], message: 'Assumed twice.' });
      seen.add(assumption.field);
    });
  });
export type ProvenanceInput = z.infer<typeof provenanceInputSchema>;

export const storedAssumptionSchema = assumptionInputSchema.extend({
  confirmedById: z.string().nullable(),
  /** The confirming admin's name at the time (the audit event `trial.assumption_confirm` holds the rest). */
  confirmedByName: z.string().nullable(),
  confirmedAt: z.iso.datetime().nullable(),
});
export type StoredAssumption = z.infer<typeof storedAssumptionSchema>;

/** The `provenance` column of Criterion, ArmDosing and AssessmentPlanItem. */
export const storedProvenanceSchema = z.object({
  quote: quoteSchema.nullable(),
  assumptions: z.array(storedAssumptionSchema),
});
export type StoredProvenance = z.infer<typeof storedProvenanceSchema>;

/** POST /api/v1/trials/{id}/assumptions: confirm one assumption of the current protocol version. */
export const confirmAssumptionSchema = z.object({
  target: z.enum(['CRITERION', 'ARM_DOSING', 'ASSESSMENT_PLAN_ITEM']),
  /** The Criterion, ArmDosing or AssessmentPlanItem id. */
  rowId: z.string().trim().min(1).max(64),
  field: z.enum(ASSUMPTION_FIELDS),
});
export type ConfirmAssumptionInput = z.infer<typeof confirmAssumptionSchema>;
