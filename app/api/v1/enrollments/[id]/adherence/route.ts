import { defineRoute } from '@/lib/auth/guard';
import { getAdherence } from '@/lib/visits/get-adherence';
import { idParamsSchema } from '@/lib/validations/infusions';

export const GET = defineRoute({ permission: 'schedule.read', params: idParamsSchema }, async ({ params }) =>
  getAdherence({ enrollmentId: params.id }),
);
