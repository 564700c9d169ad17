import { created, defineRoute } from '@/lib/auth/guard';
import { recordWaste } from '@/lib/drug-inventory/record-waste';
import { wasteSchema } from '@/lib/validations/drug-inventory';

export const POST = defineRoute(
  { permission: 'drug.waste', body: wasteSchema },
  async ({ body, user, audit, request }) => created(await recordWaste({ input: body, ctx: { user, audit, request } })),
);
