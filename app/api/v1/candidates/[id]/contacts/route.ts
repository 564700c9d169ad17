import { created, defineRoute } from '@/lib/auth/guard';
import { logContact } from '@/lib/candidates/log-contact';
import { candidateIdParamsSchema, contactAttemptSchema } from '@/lib/validations/candidates';

export const POST = defineRoute(
  { permission: 'contact.log', params: candidateIdParamsSchema, body: contactAttemptSchema },
  async ({ params, body, user, audit }) =>
    created(await logContact({ candidateId: params.id, input: body, ctx: { user, audit } })),
);
