import { created, defineRoute } from '@/lib/auth/guard';
import { addClosure } from '@/lib/clinic/add-closure';
import { closureAddSchema } from '@/lib/validations/infusions';

/** Admin: closes the clinic on a day; answers with the booked visits that now need moving. */
export const POST = defineRoute(
  { permission: 'clinic.manage', body: closureAddSchema },
  async ({ body, user, audit, request }) => created(await addClosure({ input: body, ctx: { user, audit, request } })),
);
