import { defineRoute } from '@/lib/auth/guard';
import { viewConsentDocument } from '@/lib/consent/view-consent-document';
import { consentDocumentParamsSchema } from '@/lib/validations/consent';

/**
 * Downloads one revision of a signed consent form, audited (consent.document_viewed). Always an
 * attachment with nosniff, never rendered inline by the app's origin, and never cached.
 */
export const GET = defineRoute(
  { permission: 'candidate.read', params: consentDocumentParamsSchema },
  async ({ params, user, audit }) => {
    const file = await viewConsentDocument({
      consentId: params.id,
      documentId: params.documentId,
      ctx: { user, audit },
    });
    return new Response(new Uint8Array(file.content), {
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(file.byteSize),
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store, private',
      },
    });
  },
);
