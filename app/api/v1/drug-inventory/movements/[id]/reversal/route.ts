import { created, defineRoute } from '@/lib/auth/guard';
import { reverseMovement } from '@/lib/drug-inventory/reverse-movement';
import { drugIdParamsSchema, reversalSchema } from '@/lib/validations/drug-inventory';

export const POST = defineRoute(
  { permission: 'drug.reverse', params: drugIdParamsSchema, body: reversalSchema },
  async ({ params, body, user, audit, request }) =>
    created(await reverseMovement({ movementId: params.id, input: body, ctx: { user, audit, request } })),
);
