import { created, defineRoute } from '@/lib/auth/guard';
import { receiveLot } from '@/lib/drug-inventory/receive-lot';
import { receiveLotSchema } from '@/lib/validations/drug-inventory';

export const POST = defineRoute(
  { permission: 'drug.receive', body: receiveLotSchema },
  async ({ body, user, audit, request }) => created(await receiveLot({ input: body, ctx: { user, audit, request } })),
);
