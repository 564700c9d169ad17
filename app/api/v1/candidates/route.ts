import { created, defineRoute } from '@/lib/auth/guard';
import { createCandidate } from '@/lib/candidates/create-candidate';
import { listCandidates } from '@/lib/candidates/list-candidates';
import { candidateInputSchema, candidateListQuerySchema } from '@/lib/validations/candidates';

export const GET = defineRoute(
  { permission: 'candidate.read', query: candidateListQuerySchema },
  async ({ query, audit }) => listCandidates(query, { ctx: { audit } }),
);

export const POST = defineRoute(
  { permission: 'candidate.edit', body: candidateInputSchema },
  async ({ body, user, audit }) => created(await createCandidate({ input: body, ctx: { user, audit } })),
);
