import { created, defineRoute } from '@/lib/auth/guard';
import { recordCount } from '@/lib/drug-inventory/record-count';
import { countSchema } from '@/lib/validations/drug-inventory';

export const POST = defineRoute(
  { permission: 'drug.count', body: countSchema },
  async ({ body, user, audit, request }) => created(await recordCount({ input: body, ctx: { user, audit, request } })),
);
