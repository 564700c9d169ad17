import { NextResponse } from 'next/server';
import { definePublicRoute } from '@/lib/auth/guard';
import { getSelfReport } from '@/lib/self-report/get-self-report';
import { submitSelfReport } from '@/lib/self-report/submit-self-report';
import { selfReportTokenParamsSchema, submitSelfReportSchema } from '@/lib/validations/self-report';

// The participant's own questionnaire, reached by the token in their link (no staff account).
const PRIVATE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

export const GET = definePublicRoute({ params: selfReportTokenParamsSchema }, async ({ params, request }) =>
  NextResponse.json(await getSelfReport({ token: params.token, ip: request.ipAddress }), { headers: PRIVATE }),
);

export const POST = definePublicRoute(
  { params: selfReportTokenParamsSchema, body: submitSelfReportSchema, maxBodyBytes: 16_384 },
  async ({ params, body, request }) =>
    NextResponse.json(await submitSelfReport({ token: params.token, items: body.items, request }), {
      status: 201,
      headers: PRIVATE,
    }),
);
