import { defineRoute } from '@/lib/auth/guard';
import { getLotLog } from '@/lib/drug-inventory/get-lot-log';
import { drugIdParamsSchema } from '@/lib/validations/drug-inventory';

export const GET = defineRoute({ permission: 'drug.read', params: drugIdParamsSchema }, async ({ params, user }) =>
  getLotLog({ lotId: params.id, viewerId: user.id }),
);
