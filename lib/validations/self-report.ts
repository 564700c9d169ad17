import { z } from 'zod';
import { TABLET_PIN_LENGTH } from '@/lib/self-report/tablet-pin';
import { assessmentItemsSchema, timepointSchema } from '@/lib/validations/outcomes';

// Payloads of self-report links, the participant's page and clinic tablet mode.

const idSchema = z.string().trim().min(1).max(64);

/** POST /api/v1/enrollments/{id}/self-report-links */
export const createSelfReportLinkSchema = z.object({
  instrument: z.string('Choose a questionnaire').trim().min(1, 'Choose a questionnaire').max(32),
  timepoint: timepointSchema,
  /** "email" sends the link to the participant's email on file; otherwise staff copy it. */
  send: z.enum(['email'], 'send can only be "email"').optional(),
});

export const selfReportLinkIdParamsSchema = z.object({ id: idSchema });

/** Tokens in the URL: malformed ones are 404 like unknown ones (they count toward the guessing limit). */
export const selfReportTokenParamsSchema = z.object({ token: z.string().max(200) });

/** POST /api/v1/self-report/{token} */
export const submitSelfReportSchema = z.object({ items: assessmentItemsSchema });

/** Starting clinic tablet mode: the staff PIN that ends it. */
export const startTabletSchema = z.object({
  enrollmentId: idSchema,
  pin: z
    .string('Choose a PIN to leave tablet mode')
    .regex(
      new RegExp(`^\\d{${TABLET_PIN_LENGTH.min},${TABLET_PIN_LENGTH.max}}$`),
      `The PIN is ${TABLET_PIN_LENGTH.min} to ${TABLET_PIN_LENGTH.max} digits`,
    ),
});

/** Leaving tablet mode. */
export const endTabletSchema = z.object({ pin: z.string('Enter the staff PIN').min(1, 'Enter the staff PIN').max(20) });

/** POST /api/v1/tablet/answers: the next queued questionnaire's answers. */
export const tabletAnswerSchema = z.object({ linkId: idSchema, items: assessmentItemsSchema });

export const listAssessmentsQuerySchema = z.object({ enrollmentId: idSchema });

export type CreateSelfReportLinkInput = z.output<typeof createSelfReportLinkSchema>;
