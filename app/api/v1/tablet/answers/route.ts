import { NextResponse } from 'next/server';
import { definePublicRoute } from '@/lib/auth/guard';
import { submitTabletAnswer, TABLET_COOKIE } from '@/lib/self-report/tablet-session';
import { tabletAnswerSchema } from '@/lib/validations/self-report';

/** The participant's answers to the tablet's current questionnaire. */
export const POST = definePublicRoute(
  { body: tabletAnswerSchema, maxBodyBytes: 16_384 },
  async ({ req, body, request }) =>
    NextResponse.json(
      await submitTabletAnswer({
        token: req.cookies.get(TABLET_COOKIE)?.value,
        linkId: body.linkId,
        items: body.items,
        request,
      }),
      { status: 201 },
    ),
);
