import { created, defineRoute } from '@/lib/auth/guard';
import { createTrial } from '@/lib/trials/create-trial';
import { listTrials } from '@/lib/trials/list-trials';
import { trialDraftSchema, trialListQuerySchema } from '@/lib/validations/trials';

export const GET = defineRoute({ permission: 'trial.read', query: trialListQuerySchema }, async ({ query }) =>
  listTrials(query),
);

export const POST = defineRoute({ permission: 'trial.edit', body: trialDraftSchema }, async ({ body, user, audit }) =>
  created({ trial: await createTrial({ draft: body, ctx: { user, audit } }) }),
);
