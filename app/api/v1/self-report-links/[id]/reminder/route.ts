import { defineRoute } from '@/lib/auth/guard';
import { publicBaseUrl } from '@/lib/self-report/base-url';
import { resendSelfReportLink } from '@/lib/self-report/resend-link';
import { selfReportLinkIdParamsSchema } from '@/lib/validations/self-report';

export const POST = defineRoute(
  { permission: 'selfreport.send', params: selfReportLinkIdParamsSchema },
  async ({ params, req, user, audit, request }) =>
    resendSelfReportLink({
      linkId: params.id,
      ctx: { user, audit, request },
      baseUrl: publicBaseUrl(req.nextUrl.origin),
    }),
);
