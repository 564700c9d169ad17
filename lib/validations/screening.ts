import { z } from 'zod';
import { PIPELINE_STAGE_VALUES } from '@/lib/validations/candidates';

// Screening data and eligibility checks: the bodies of the measurement, check,
// signature and pre-screen endpoints. One screening entry's own shape, units and
// ranges are checked by lib/measures/normalize-measurement.ts (the form uses
// measurementInputSchema from lib/measures/measurement-input.ts); this file only
// frames the requests around it.

const id = (label: string) =>
  z
    .string({ error: `Choose a ${label}.` })
    .trim()
    .min(1, `Choose a ${label}.`)
    .max(64, `This is not a ${label} id.`);

export const MAX_MEASUREMENTS_PER_REQUEST = 100;
export const MAX_PRESCREEN_CANDIDATES = 10_000;

const entry = z.record(z.string(), z.unknown(), { error: 'Each measurement must be an object.' });

/**
 * POST /api/v1/candidates/{id}/measurements: one entry or an array of them, always
 * handed on as an array. Errors name the entry by its index ("0.value"), also for
 * a single object.
 */
export const measurementBatchSchema = z
  .union([
    z
      .array(entry)
      .min(1, 'Send at least one measurement.')
      .max(MAX_MEASUREMENTS_PER_REQUEST, `Send at most ${MAX_MEASUREMENTS_PER_REQUEST} measurements at once.`),
    entry,
  ])
  .transform((value) => (Array.isArray(value) ? value : [value]));

/** POST /api/v1/eligibility/checks */
export const runCheckSchema = z.object({ candidateId: id('candidate'), trialId: id('trial') }).strict();

export const checkIdParamsSchema = z.object({
  id: z.string().trim().min(1, 'A check id is required.').max(64, 'This is not a check id.'),
});

export const ELIGIBILITY_DECISIONS = ['ELIGIBLE', 'INELIGIBLE'] as const;
export type EligibilityDecisionValue = (typeof ELIGIBILITY_DECISIONS)[number];

const criterionResult = z.enum(['MET', 'NOT_MET'], { error: 'Choose met or not met.' });

export const judgmentSchema = z
  .object({
    criterionId: id('criterion'),
    result: criterionResult,
    note: z
      .string({ error: 'Write a note for this judgment.' })
      .trim()
      .min(1, 'Write a note for this judgment.')
      .max(2000, 'Keep the note under 2000 characters.'),
  })
  .strict();

export const overrideSchema = z
  .object({
    criterionId: id('criterion'),
    result: criterionResult,
    justification: z
      .string({ error: 'Write why the computed result is overridden.' })
      .trim()
      .min(1, 'Write why the computed result is overridden.')
      .max(2000, 'Keep the justification under 2000 characters.'),
  })
  .strict();

function uniqueCriteria(list: Array<{ criterionId: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((item, index) => {
    if (seen.has(item.criterionId))
      ctx.addIssue({ code: 'custom', path: [index, 'criterionId'], message: 'Each criterion may appear only once.' });
    seen.add(item.criterionId);
  });
}

/**
 * POST /api/v1/eligibility/checks/{id}/sign. `judgments` decide clinician-judgment
 * (NEEDS_REVIEW) criteria; `overrides` replace a computed result and need a
 * written justification each.
 */
export const signCheckSchema = z
  .object({
    // Not trimmed: a password is compared exactly as typed.
    password: z
      .string({ error: 'Enter your password to sign.' })
      .min(1, 'Enter your password to sign.')
      .max(1024, 'This is not a password.'),
    decision: z.enum(ELIGIBILITY_DECISIONS, { error: 'Choose eligible or not eligible.' }),
    meaning: z
      .string({ error: 'State what the signature means.' })
      .trim()
      .min(1, 'State what the signature means.')
      .max(500, 'Keep the meaning under 500 characters.'),
    judgments: z.array(judgmentSchema).max(500).superRefine(uniqueCriteria).default([]),
    overrides: z.array(overrideSchema).max(500).superRefine(uniqueCriteria).default([]),
  })
  .strict();
export type SignCheckInput = z.output<typeof signCheckSchema>;
export type SignCheckValues = z.input<typeof signCheckSchema>;

/**
 * PUT /api/v1/eligibility/checks/{id}/draft: the review as the clinician has it so far. Lenient
 * where signing is strict (a judgment without a note, an override without its result yet): a
 * draft is work in progress, not a decision. No password, ever.
 */
export const reviewDraftSchema = z
  .object({
    decision: z.enum(ELIGIBILITY_DECISIONS, { error: 'Choose eligible or not eligible.' }).nullable().default(null),
    meaning: z
      .string({ error: 'The meaning must be text.' })
      .max(500, 'Keep the meaning under 500 characters.')
      .default(''),
    judgments: z
      .array(
        z
          .object({
            criterionId: id('criterion'),
            result: criterionResult.nullable(),
            note: z.string({ error: 'The note must be text.' }).max(2000, 'Keep the note under 2000 characters.'),
          })
          .strict(),
      )
      .max(500)
      .superRefine(uniqueCriteria)
      .default([]),
    overrides: z
      .array(
        z
          .object({
            criterionId: id('criterion'),
            result: criterionResult.nullable(),
            justification: z
              .string({ error: 'The justification must be text.' })
              .max(2000, 'Keep the justification under 2000 characters.'),
          })
          .strict(),
      )
      .max(500)
      .superRefine(uniqueCriteria)
      .default([]),
  })
  .strict();
export type ReviewDraftInput = z.output<typeof reviewDraftSchema>;

/** POST /api/v1/trials/{id}/prescreen: everyone not enrolled, or these candidates, optionally only those at `stage` in the trial. */
export const prescreenSchema = z
  .object({
    candidateIds: z
      .array(id('candidate'))
      .min(1, 'List at least one candidate, or leave the list out to pre-screen everyone.')
      .max(
        MAX_PRESCREEN_CANDIDATES,
        `Pre-screen at most ${MAX_PRESCREEN_CANDIDATES.toLocaleString('en-US')} candidates at once.`,
      )
      .optional(),
    stage: z.enum(PIPELINE_STAGE_VALUES, { error: 'Choose a pipeline stage.' }).optional(),
  })
  .strict();
