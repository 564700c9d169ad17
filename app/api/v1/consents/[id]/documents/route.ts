import { created, defineRoute } from '@/lib/auth/guard';
import { attachConsentDocument } from '@/lib/consent/attach-consent-document';
import { readConsentUpload } from '@/lib/consent/read-consent-upload';
import { consentIdParamsSchema } from '@/lib/validations/consent';

/**
 * Attaches the signed consent form: multipart/form-data with `file` (a PDF, at most 10 MB) and,
 * when replacing an earlier upload, `reason`. 413 too large, 415 not a PDF.
 */
export const POST = defineRoute(
  { permission: 'pipeline.move', params: consentIdParamsSchema },
  async ({ params, req, user, audit }) =>
    created(
      await attachConsentDocument({ consentId: params.id, input: await readConsentUpload(req), ctx: { user, audit } }),
    ),
);
