import { z } from 'zod';
import { isOnOrAfterEarliest, RECORD_DATE_MESSAGES } from '@/lib/records/date-policy';
import { assessmentItemsSchema, correctAssessmentSchema, timepointSchema } from '@/lib/validations/outcomes';

// The API and form schemas for recording and correcting questionnaires. The
// instrument is a plain string here so that an unknown code is answered by
// scoreAssessment with the list of valid codes, like every other scoring error.

// With an offset it is an instant; without one ('2026-11-23T08:00', a datetime-local value)
// it is the clinic's wall clock, turned into an instant on the server in the clinic's zone.
const administeredAtSchema = z.iso
  .datetime({
    offset: true,
    local: true,
    message: 'Administered at must be a date and time, e.g. 2026-11-23T08:00 (clinic time).',
  })
  .refine(isOnOrAfterEarliest, { error: RECORD_DATE_MESSAGES.tooEarly })
  .optional();

export const recordAssessmentInputSchema = z.object({
  enrollmentId: z.string().trim().min(1, 'Enrollment is required.').max(64),
  instrument: z.string().trim().min(1, 'Choose an instrument.').max(32),
  timepoint: timepointSchema,
  /** Defaults to now. */
  administeredAt: administeredAtSchema,
  items: assessmentItemsSchema,
});

export type RecordAssessmentRequest = z.infer<typeof recordAssessmentInputSchema>;

export const correctAssessmentInputSchema = correctAssessmentSchema.extend({
  /** Defaults to the corrected row's administration time. */
  administeredAt: administeredAtSchema,
});

export type CorrectAssessmentRequest = z.infer<typeof correctAssessmentInputSchema>;

/**
 * POST /api/v1/enrollments/{id}/baseline-from-screening: which screening PHQ-9, and when it was
 * taken on the clinic's wall clock ('2026-11-23T08:00'; its day must be the screening day).
 */
export const baselineFromScreeningInputSchema = z
  .object({
    measurementId: z.string({ error: 'Choose a screening PHQ-9.' }).trim().min(1, 'Choose a screening PHQ-9.').max(64),
    administeredAt: z.iso.datetime({
      offset: true,
      local: true,
      message: 'Enter the time it was taken, e.g. 2026-11-23T08:00 (clinic time).',
    }),
  })
  .strict();

export type BaselineFromScreeningRequest = z.infer<typeof baselineFromScreeningInputSchema>;

/** The outcomes page's form: the same body, with the enrollment it is for. */
export const baselineFromScreeningActionSchema = baselineFromScreeningInputSchema.extend({
  enrollmentId: z.string().trim().min(1).max(64),
});

export const enrollmentIdParamsSchema = z.object({ id: z.string().trim().min(1).max(64) });

export const assessmentIdParamsSchema = z.object({ id: z.string().trim().min(1).max(64) });

export const trialIdParamsSchema = z.object({ id: z.string().trim().min(1).max(64) });

export const EXPORT_KINDS = [
  'assessments',
  'summary',
  'change',
  'responders',
  'adverse-events',
  'funnel',
  'adherence',
  'completion',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const exportKindSchema = z.enum(EXPORT_KINDS, { message: `Kind must be one of ${EXPORT_KINDS.join(', ')}.` });

export const exportQuerySchema = z.object({ kind: exportKindSchema });

export const exportFileParamsSchema = z.object({
  id: z.string().trim().min(1).max(64),
  file: z
    .string()
    .regex(/^[a-z-]+\.csv$/, 'Ask for <kind>.csv.')
    .transform((file) => file.slice(0, -'.csv'.length))
    .pipe(exportKindSchema),
});
