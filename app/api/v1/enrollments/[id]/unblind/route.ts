import { created, defineRoute } from '@/lib/auth/guard';
import { emergencyUnblind } from '@/lib/blinding/emergency-unblind';
import { blindingIdParamsSchema, emergencyUnblindSchema } from '@/lib/validations/blinding';

/** Emergency unblinding of one participant by a clinician: answers the arm, audited, alerts admins. */
export const POST = defineRoute(
  { permission: 'blinding.emergency_unblind', params: blindingIdParamsSchema, body: emergencyUnblindSchema },
  async ({ params, body, user, audit, request }) =>
    created(await emergencyUnblind({ enrollmentId: params.id, reason: body.reason, ctx: { user, audit, request } })),
);
