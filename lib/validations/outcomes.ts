import { z } from 'zod';
import { instrumentCodeSchema } from '@/lib/outcomes/instrument-code-schema';

/**
 * Only the shape of `items` is checked here; per-item range rules live in scoreAssessment so the API
 * can return one field error per item (`items.<index>`).
 */
export const assessmentItemsSchema = z
  .array(z.number().nullable())
  .min(1, 'At least one item is required.')
  .max(30, 'No instrument has more than 30 items.');

// Upper-snake protocol codes such as BASELINE, AFTER_SESSION_1, DAY_7_AFTER_LAST.
export const timepointSchema = z
  .string()
  .trim()
  .min(1, 'Timepoint is required.')
  .max(64)
  .regex(/^[A-Z][A-Z0-9_]*$/, 'Timepoint must be an upper-case code such as BASELINE or AFTER_SESSION_1.');

export const recordAssessmentSchema = z.object({
  enrollmentId: z.string().trim().min(1, 'Enrollment is required.'),
  instrument: instrumentCodeSchema,
  timepoint: timepointSchema,
  administeredAt: z.iso.datetime({ offset: true, message: 'Administered at must be an ISO date-time.' }),
  items: assessmentItemsSchema,
});

export const correctAssessmentSchema = z.object({
  items: assessmentItemsSchema,
  reason: z.string().trim().min(5, 'Give a reason of at least 5 characters.').max(1000),
});
