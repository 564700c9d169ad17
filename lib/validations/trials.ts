import { z } from 'zod';
import { instrumentCodeSchema } from '@/lib/outcomes/instrument-codes';
import { dosingProtocolSchema } from './dosing';
import { ruleNodeSchema } from './eligibility';

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
export const armTypeSchema = z.enum(['EXPERIMENTAL', 'ACTIVE_COMPARATOR', 'PLACEBO_COMPARATOR', 'SHAM_COMPARATOR', 'NO_INTERVENTION', 'OTHER']);
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
export type ArmDraft = z.infer<typeof armDraftSchema>;
export type CriterionDraft = z.infer<typeof criterionDraftSchema>;
