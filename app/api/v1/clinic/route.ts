import { defineRoute } from '@/lib/auth/guard';
import { getClinicSettings } from '@/lib/clinic/get-clinic-settings';
import { updateClinicSettings } from '@/lib/clinic/update-clinic-settings';
import { clinicUpdateSchema } from '@/lib/validations/infusions';

/** Opening days and hours, slot length, monitoring time, hold rule, closures and chairs. */
export const GET = defineRoute({ permission: 'schedule.read' }, async () => getClinicSettings());

/** Admin: hours, slot length, monitoring time and the hold rule (closures and chairs have their own endpoints). */
export const PUT = defineRoute(
  { permission: 'clinic.manage', body: clinicUpdateSchema },
  async ({ body, user, audit, request }) => updateClinicSettings({ input: body, ctx: { user, audit, request } }),
);
