import { created, defineRoute } from '@/lib/auth/guard';
import { publicBaseUrl } from '@/lib/self-report/base-url';
import { createSelfReportLink } from '@/lib/self-report/create-link';
import { createSelfReportLinkSchema, selfReportLinkIdParamsSchema } from '@/lib/validations/self-report';

export const POST = defineRoute(
  { permission: 'selfreport.send', params: selfReportLinkIdParamsSchema, body: createSelfReportLinkSchema },
  async ({ params, body, req, user, audit, request }) =>
    created(
      await createSelfReportLink({
        enrollmentId: params.id,
        input: body,
        ctx: { user, audit, request },
        baseUrl: publicBaseUrl(req.nextUrl.origin),
      }),
    ),
);
