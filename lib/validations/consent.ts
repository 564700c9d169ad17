import { z } from 'zod';
import { MAX_CONSENT_PDF_BYTES } from '@/lib/consent/document-policy';
import { parseSubjectIdPattern } from '@/lib/enrollments/subject-id-pattern';
import { pastOrTodayDateSchema } from './candidates';

// Consent and enrolment records: a trial's approved consent form versions, the signed form (PDF)
// attached to a consent, and the trial's subject ID pattern. The same schemas run in the browser
// (react-hook-form) and on the server (the guard, the upload route).

const id = (label: string) =>
  z
    .string({ error: `Choose a ${label}.` })
    .trim()
    .min(1, `Choose a ${label}.`)
    .max(64, `This is not a ${label} id.`);

function requiredText(label: string, max: number) {
  return z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `The ${label} must be at most ${max} characters.`);
}

/** PUT /api/v1/trials/{id}/subject-id-pattern: setting (and so confirming) the pattern. */
export const subjectIdPatternSchema = z.object({
  pattern: z
    .string({ error: 'Enter a subject ID pattern, e.g. KET-{NNN}.' })
    .trim()
    .superRefine((value, issue) => {
      const parsed = parseSubjectIdPattern(value);
      if (!parsed.ok) issue.addIssue({ code: 'custom', message: parsed.message });
    }),
});
export type SubjectIdPatternInput = z.infer<typeof subjectIdPatternSchema>;

/** POST /api/v1/trials/{id}/consent-forms: an IRB-approved version an admin adds. */
export const consentFormVersionSchema = z.object({
  label: requiredText('version label', 60),
  approvedOn: pastOrTodayDateSchema('approval date'),
  irbReference: z
    .string({ error: 'The IRB reference must be text.' })
    .trim()
    .max(100, 'The IRB reference must be at most 100 characters.')
    .nullish()
    .transform((value) => (value ? value : null)),
});
export type ConsentFormVersionValues = z.input<typeof consentFormVersionSchema>;
export type ConsentFormVersionInput = z.output<typeof consentFormVersionSchema>;

/** POST /api/v1/trials/{id}/consent-forms/{versionId}/retirement. */
export const retireConsentFormVersionSchema = z.object({ reason: requiredText('reason for retiring it', 500) });
export type RetireConsentFormVersionInput = z.infer<typeof retireConsentFormVersionSchema>;

export const consentFormParamsSchema = z.object({ id: id('trial'), versionId: id('consent form version') });
export const consentIdParamsSchema = z.object({ id: id('consent') });
export const consentDocumentParamsSchema = consentIdParamsSchema.extend({ documentId: id('document') });

/**
 * POST /api/v1/consents/{id}/documents (multipart/form-data: `file`, `reason`). The server also
 * checks the bytes (lib/consent/document-policy.ts): the browser's file type is only a claim.
 */
export const consentDocumentUploadSchema = z.object({
  file: z
    .custom<File>(
      (value) => typeof File !== 'undefined' && value instanceof File,
      'Choose the signed consent form (PDF).',
    )
    .refine((file) => file.size > 0, 'This file is empty.')
    .refine(
      (file) => file.size <= MAX_CONSENT_PDF_BYTES,
      `The file is larger than ${MAX_CONSENT_PDF_BYTES / (1024 * 1024)} MB.`,
    ),
  /** Required when the consent already has a signed form: why it is replaced. */
  reason: z
    .string({ error: 'The reason must be text.' })
    .trim()
    .max(500, 'The reason must be at most 500 characters.')
    .nullish()
    .transform((value) => (value ? value : null)),
});
export type ConsentDocumentUploadInput = z.output<typeof consentDocumentUploadSchema>;
