import { z } from 'zod';
import { instrumentCodeSchema } from '@/lib/outcomes/instrument-code-schema';
import { dosingProtocolSchema } from './dosing';
import { MAX_WINDOW_DAYS, MIN_WINDOW_DAYS } from '@/lib/eligibility/screening-window';
import { ruleNodeSchema } from './eligibility';
import { provenanceInputSchema } from './provenance';

/**
 * Where a value comes from (quote or clinic assumption). Null = nothing stated: a new value entered by staff,
 * or, when an existing value is written again, "keep its recorded provenance" (lib/provenance/merge-provenance.ts).
 */
const provenanceField = provenanceInputSchema.nullable().default(null);

// The trial record as admins edit it and as the ClinicalTrials.gov importer and
// the demo seed produce it. Enum values are ClinicalTrials.gov API v2's.

export const trialPhaseSchema = z.enum(['EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4', 'NA']);
export const overallStatusSchema = z.enum([
  'NOT_YET_RECRUITING',
  'RECRUITING',
  'ENROLLING_BY_INVITATION',
  'ACTIVE_NOT_RECRUITING',
  'SUSPENDED',
  'TERMINATED',
  'COMPLETED',
  'WITHDRAWN',
  'WITHHELD',
  'UNKNOWN',
]);
export const studyTypeSchema = z.enum(['INTERVENTIONAL', 'OBSERVATIONAL', 'EXPANDED_ACCESS']);
export const allocationSchema = z.enum(['RANDOMIZED', 'NON_RANDOMIZED', 'NA']);
export const maskingSchema = z.enum(['NONE', 'SINGLE', 'DOUBLE', 'TRIPLE', 'QUADRUPLE']);
export const armTypeSchema = z.enum([
  'EXPERIMENTAL',
  'ACTIVE_COMPARATOR',
  'PLACEBO_COMPARATOR',
  'SHAM_COMPARATOR',
  'NO_INTERVENTION',
  'OTHER',
]);
export const interventionTypeSchema = z.enum([
  'DRUG',
  'DEVICE',
  'BIOLOGICAL',
  'PROCEDURE',
  'RADIATION',
  'BEHAVIORAL',
  'GENETIC',
  'DIETARY_SUPPLEMENT',
  'COMBINATION_PRODUCT',
  'DIAGNOSTIC_TEST',
  'OTHER',
]);
export const criterionKindSchema = z.enum(['INCLUSION', 'EXCLUSION']);

export const nctIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^NCT\d{8}$/, 'An NCT id is "NCT" followed by 8 digits, e.g. NCT06668571.');

/** POST /api/v1/trials/import with { nctId } (and the import page's fetch): the study comes from the registry. */
export const registryStudyRequestSchema = z.object({ nctId: nctIdSchema }).strict();

/** ClinicalTrials.gov reports dates as year-month or as a full date. */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'Use YYYY-MM or YYYY-MM-DD.');

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const timepointSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('BASELINE') }),
  z.object({ kind: z.literal('AFTER_SESSION'), session: z.number().int().min(1).max(52) }),
  z.object({ kind: z.literal('DAYS_AFTER_LAST_SESSION'), days: z.number().int().min(1).max(730) }),
]);
export type Timepoint = z.infer<typeof timepointSchema>;

export const assessmentPlanItemSchema = z.object({
  instrument: instrumentCodeSchema,
  timepoint: timepointSchema,
  windowBeforeDays: z.number().int().min(0).max(60).default(0),
  windowAfterDays: z.number().int().min(0).max(60).default(0),
  provenance: provenanceField,
});

export const armDraftSchema = z.object({
  label: z.string().trim().min(1, 'Give the arm a label.').max(200),
  type: armTypeSchema,
  description: optionalText(4000),
  allocationWeight: z.number().int().min(1).max(20).default(1),
  /** Confirmed dosing protocol; null until an admin confirms one. */
  dosing: dosingProtocolSchema.nullable().default(null),
  /** Parser's proposal from registry text, never used for dosing until confirmed. */
  suggestedDosing: dosingProtocolSchema.nullable().default(null),
  /** Where the dosing protocol's fields come from: the arm or intervention text, and each assumed field. */
  dosingProvenance: provenanceField,
});

export const interventionDraftSchema = z.object({
  type: interventionTypeSchema,
  name: z.string().trim().min(1, 'Name the intervention.').max(300),
  description: optionalText(4000),
  armLabels: z.array(z.string().trim().min(1)).default([]),
});

export const criterionDraftSchema = z.object({
  kind: criterionKindSchema,
  text: z.string().trim().min(1, 'A criterion needs its wording.').max(4000),
  /** Confirmed structured rule; null = clinician judgment. */
  rule: ruleNodeSchema.nullable().default(null),
  suggestedRule: ruleNodeSchema.nullable().default(null),
  /** The source wording (when the text shown differs, e.g. a restored "≥") and any assumed rule. */
  provenance: provenanceField,
});

export const siteSchema = z.object({
  facility: z.string().trim().min(1).max(300),
  city: optionalText(120),
  state: optionalText(120),
  country: optionalText(120),
});

export const outcomeMeasureSchema = z.object({
  kind: z.enum(['PRIMARY', 'SECONDARY', 'OTHER']),
  measure: z.string().trim().min(1).max(1000),
  description: optionalText(4000),
  timeFrame: optionalText(1000),
});

export const trialDraftSchema = z.object({
  nctId: nctIdSchema.nullable().default(null),
  protocolNumber: optionalText(100),
  title: z.string().trim().min(1, 'Enter the trial title.').max(600),
  shortTitle: optionalText(200),
  phases: z.array(trialPhaseSchema).default([]),
  overallStatus: overallStatusSchema.default('NOT_YET_RECRUITING'),
  studyType: studyTypeSchema.default('INTERVENTIONAL'),
  allocation: allocationSchema.nullable().default(null),
  masking: maskingSchema.nullable().default(null),
  leadSponsor: optionalText(300),
  collaborators: z.array(z.string().trim().min(1).max(300)).default([]),
  principalInvestigator: optionalText(200),
  sites: z.array(siteSchema).default([]),
  conditions: z.array(z.string().trim().min(1).max(300)).default([]),
  targetEnrollment: z.number().int().min(0).max(1_000_000).nullable().default(null),
  startDate: partialDateSchema.nullable().default(null),
  completionDate: partialDateSchema.nullable().default(null),
  briefSummary: optionalText(20_000),
  coverageNote: optionalText(4000),
  arms: z.array(armDraftSchema).default([]),
  interventions: z.array(interventionDraftSchema).default([]),
  criteria: z.array(criterionDraftSchema).default([]),
  outcomes: z.array(outcomeMeasureSchema).default([]),
  assessmentPlan: z.array(assessmentPlanItemSchema).default([]),
});
export type TrialDraft = z.infer<typeof trialDraftSchema>;
export type TrialDraftInput = z.input<typeof trialDraftSchema>;

// ---------------------------------------------------------------- API input

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const TRIAL_SORT_FIELDS = ['title', 'nctId', 'status', 'updatedAt', 'enrollment'] as const;
export type TrialSortField = (typeof TRIAL_SORT_FIELDS)[number];

/** GET /api/v1/trials query string (also the trials page's search params). */
export const trialListQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  status: z.preprocess(emptyToUndefined, overallStatusSchema.optional()),
  phase: z.preprocess(emptyToUndefined, trialPhaseSchema.optional()),
  page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100, 'At most 100 per page').default(25)),
  sort: z.preprocess(emptyToUndefined, z.enum(TRIAL_SORT_FIELDS).default('updatedAt')),
  dir: z.preprocess(emptyToUndefined, z.enum(['asc', 'desc']).optional()),
});
export type TrialListQuery = z.infer<typeof trialListQuerySchema>;

export const trialIdParamsSchema = z.object({ id: z.string().trim().min(1).max(64) });
export const criterionParamsSchema = trialIdParamsSchema.extend({ criterionId: z.string().trim().min(1).max(64) });
export const armParamsSchema = trialIdParamsSchema.extend({ armId: z.string().trim().min(1).max(64) });

export const amendmentReasonSchema = z.string().trim().min(3, 'Say why the protocol is being amended.').max(2000);

/**
 * An arm in a PATCH: `id` names an existing arm; without it the arm is matched
 * by label or created. Omitted `dosing` / `suggestedDosing` keep the arm's
 * current ones; null clears them.
 */
export const armPatchSchema = armDraftSchema.extend({
  id: z.string().trim().min(1).max(64).optional(),
  dosing: dosingProtocolSchema.nullable().optional(),
  suggestedDosing: dosingProtocolSchema.nullable().optional(),
});
/**
 * A criterion in a PATCH: `id` names the current criterion it edits (else it is
 * matched by kind and wording). Omitted `rule` / `suggestedRule` keep that
 * criterion's as long as its kind and wording are unchanged; null clears them.
 */
export const criterionPatchSchema = criterionDraftSchema.extend({
  id: z.string().trim().min(1).max(64).optional(),
  rule: ruleNodeSchema.nullable().optional(),
  suggestedRule: ruleNodeSchema.nullable().optional(),
});
/** An intervention in a PATCH: linked to arms by label (`armLabels`) as in a draft. */
const interventionPatchSchema = interventionDraftSchema;

const draftShape = trialDraftSchema.shape;

/**
 * PATCH /api/v1/trials/{id}: any subset of the trial's top-level fields; `arms`,
 * `interventions`, `criteria`, `assessmentPlan`, `sites` and `outcomes` replace
 * the whole list when present (an arm or criterion left out is removed). `version` is the optimistic-lock counter the
 * client read. `amendmentReason` is required (by the server, which knows) when
 * the change amends a protocol someone has been screened under.
 */
export const trialPatchSchema = z
  .object({
    version: z.number('Send the version you edited.').int().min(1),
    amendmentReason: amendmentReasonSchema.optional(),
    nctId: draftShape.nctId.unwrap().unwrap().nullable().optional(),
    protocolNumber: z.string().trim().max(100).nullable().optional(),
    title: z.string().trim().min(1, 'Enter the trial title.').max(600).optional(),
    shortTitle: z.string().trim().max(200).nullable().optional(),
    phases: z.array(trialPhaseSchema).optional(),
    overallStatus: overallStatusSchema.optional(),
    studyType: studyTypeSchema.optional(),
    allocation: allocationSchema.nullable().optional(),
    masking: maskingSchema.nullable().optional(),
    leadSponsor: z.string().trim().max(300).nullable().optional(),
    collaborators: z.array(z.string().trim().min(1).max(300)).optional(),
    principalInvestigator: z.string().trim().max(200).nullable().optional(),
    sites: z.array(siteSchema).optional(),
    conditions: z.array(z.string().trim().min(1).max(300)).optional(),
    targetEnrollment: z.number().int().min(0).max(1_000_000).nullable().optional(),
    startDate: partialDateSchema.nullable().optional(),
    completionDate: partialDateSchema.nullable().optional(),
    briefSummary: z.string().trim().max(20_000).nullable().optional(),
    coverageNote: z.string().trim().max(4000).nullable().optional(),
    arms: z.array(armPatchSchema).optional(),
    interventions: z.array(interventionPatchSchema).optional(),
    criteria: z.array(criterionPatchSchema).optional(),
    outcomes: z.array(outcomeMeasureSchema).optional(),
    assessmentPlan: z.array(assessmentPlanItemSchema).optional(),
  })
  .superRefine((patch, ctx) => {
    if (!patch.arms) return;
    const seen = new Set<string>();
    patch.arms.forEach((arm, index) => {
      const key = arm.label.toLowerCase();
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['arms', index, 'label'], message: 'Two arms cannot share a label.' });
      seen.add(key);
    });
  });
export type TrialPatch = z.infer<typeof trialPatchSchema>;
export type TrialPatchInput = z.input<typeof trialPatchSchema>;

/** POST /api/v1/trials/{id}/criteria/{criterionId}/rule */
export const confirmCriterionRuleSchema = z
  .object({
    /** The rule to confirm; omitted = the criterion's suggested rule. */
    rule: ruleNodeSchema.optional(),
    /** true = back to clinician judgment (no rule). */
    clear: z.boolean().default(false),
    amendmentReason: amendmentReasonSchema.optional(),
  })
  .refine((input) => !(input.clear && input.rule), {
    path: ['rule'],
    message: 'Either confirm a rule or clear it, not both.',
  });

/** POST /api/v1/trials/{id}/arms/{armId}/dosing */
export const confirmArmDosingSchema = z.object({
  /** The protocol to confirm; omitted = the arm's suggested protocol. */
  dosing: dosingProtocolSchema.optional(),
  amendmentReason: amendmentReasonSchema.optional(),
});

/** Setting (and so confirming) a trial's screening window; the limits are the policy's. */
export const screeningWindowSchema = z.object({
  days: z
    .number({ error: 'Enter a whole number of days' })
    .int('Enter a whole number of days')
    .min(MIN_WINDOW_DAYS, `Must be at least ${MIN_WINDOW_DAYS} day`)
    .max(MAX_WINDOW_DAYS, `Must be at most ${MAX_WINDOW_DAYS} days`),
});
export type ScreeningWindowInput = z.infer<typeof screeningWindowSchema>;

/** POST /api/v1/trials/import?preview=1 */
const queryFlag = z
  .preprocess(emptyToUndefined, z.enum(['0', '1', 'true', 'false']).optional())
  .transform((value) => value === '1' || value === 'true');

export const importQuerySchema = z.object({
  preview: queryFlag,
  /** The admin's go-ahead to import a registry version older than the one already imported (the preview warns). */
  allowOlder: queryFlag,
});

const versionNumberSchema = (label: string) =>
  z.coerce
    .number(`${label} must be a version number.`)
    .int(`${label} must be a whole number.`)
    .min(1, 'Versions start at 1.')
    .max(100_000, `${label} is too large.`);

/** GET /api/v1/trials/{id}/versions/diff?from=&to= (and the compare page): any two versions, either order. */
export const versionDiffQuerySchema = z.object({
  from: versionNumberSchema('From'),
  to: versionNumberSchema('To'),
});

/** `?format=csv` on a report that is JSON by default (e.g. the screen-fail report). */
export const reportFormatQuerySchema = z.object({
  format: z.enum(['json', 'csv'], 'Format must be json or csv.').default('json'),
});
