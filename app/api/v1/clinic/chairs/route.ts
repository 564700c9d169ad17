import { created, defineRoute } from '@/lib/auth/guard';
import { addChair } from '@/lib/clinic/add-chair';
import { chairCreateSchema } from '@/lib/validations/infusions';

export const POST = defineRoute(
  { permission: 'clinic.manage', body: chairCreateSchema },
  async ({ body, user, audit, request }) => created(await addChair({ input: body, ctx: { user, audit, request } })),
);
