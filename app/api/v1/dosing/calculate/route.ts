import { defineRoute } from '@/lib/auth/guard';
import { calculateDoseForArm } from '@/lib/infusions/calculate-dose-for-arm';
import { dosingCalculateSchema } from '@/lib/validations/infusions';

/** The dose for a weight measured today: {doseMg, capped, volumeMl, rateMlPerH, steps}. */
export const POST = defineRoute({ permission: 'dose.calculate', body: dosingCalculateSchema }, async ({ body }) =>
  calculateDoseForArm(body),
);
