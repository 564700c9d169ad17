import { defineRoute } from '@/lib/auth/guard';
import { listLots } from '@/lib/drug-inventory/list-lots';
import { lotListQuerySchema } from '@/lib/validations/drug-inventory';

export const GET = defineRoute({ permission: 'drug.read', query: lotListQuerySchema }, async ({ query }) => ({
  lots: await listLots({ include: query.include }),
}));
