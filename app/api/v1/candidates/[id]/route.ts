import { defineRoute } from '@/lib/auth/guard';
import { getCandidate } from '@/lib/candidates/get-candidate';
import { updateCandidate } from '@/lib/candidates/update-candidate';
import { candidateIdParamsSchema, candidatePatchSchema } from '@/lib/validations/candidates';

/** Every read is logged (candidate.view): the PHI access log. */
export const GET = defineRoute(
  { permission: 'candidate.read', params: candidateIdParamsSchema },
  async ({ params, user, audit }) => getCandidate({ id: params.id, ctx: { user, audit } }),
);

export const PATCH = defineRoute(
  { permission: 'candidate.edit', params: candidateIdParamsSchema, body: candidatePatchSchema },
  async ({ params, body, user, audit }) => updateCandidate({ id: params.id, input: body, ctx: { user, audit } }),
);
