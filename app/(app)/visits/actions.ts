'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/guard';
import { calculateDoseForArm } from '@/lib/infusions/calculate-dose-for-arm';
import { checkIn } from '@/lib/infusions/check-in';
import { discharge } from '@/lib/infusions/discharge';
import { overrideHold } from '@/lib/infusions/override-hold';
import { recordAdministration } from '@/lib/infusions/record-administration';
import { recordAdverseEvent } from '@/lib/infusions/record-adverse-event';
import { recordVitals } from '@/lib/infusions/record-vitals';
import { verifyDose } from '@/lib/infusions/verify-dose';
import {
  administrationSchema,
  adverseEventSchema,
  checkInSchema,
  dischargeSchema,
  dosingCalculateSchema,
  doseVerificationSchema,
  holdOverrideSchema,
  idParamsSchema,
  vitalsSchema,
} from '@/lib/validations/infusions';

// The infusion-day steps. Each parses with the API's own schema plus the visit id, calls
// one lib function (which enforces the order: check-in → vitals/hold → verify → administer
// → discharge) and refreshes the record.

const visitId = idParamsSchema.shape.id;

function refresh(id: string) {
  revalidatePath(`/visits/${id}`);
  revalidatePath('/schedule');
  revalidatePath('/');
}

export const checkInAction = defineAction(
  { permission: 'infusion.record', input: checkInSchema.extend({ visitId }) },
  async ({ input: { visitId: id, ...input }, user, audit, request }) => {
    await checkIn({ visitId: id, input, ctx: { user, audit, request } });
    refresh(id);
    return { visitId: id };
  },
);

export const recordVitalsAction = defineAction(
  { permission: 'infusion.record', input: vitalsSchema.safeExtend({ visitId }) },
  async ({ input: { visitId: id, ...input }, user, audit, request }) => {
    const result = await recordVitals({ visitId: id, input, ctx: { user, audit, request } });
    refresh(id);
    return { hold: result.hold };
  },
);

export const overrideHoldAction = defineAction(
  { permission: 'infusion.record', input: holdOverrideSchema.extend({ visitId }) },
  async ({ input: { visitId: id, ...input }, user, audit, request }) => {
    const result = await overrideHold({ visitId: id, input, ctx: { user, audit, request } });
    refresh(id);
    return result;
  },
);

/** The calculation shown before the signature; coordinators may see it too (dose.calculate). */
export const calculateDoseAction = defineAction(
  { permission: 'dose.calculate', input: dosingCalculateSchema },
  async ({ input }) => {
    const result = await calculateDoseForArm(input);
    return {
      doseMg: result.doseMg,
      capped: result.capped,
      volumeMl: result.volumeMl,
      rateMlPerH: result.rateMlPerH,
      steps: result.steps,
    };
  },
);

export const verifyDoseAction = defineAction(
  { permission: 'dose.verify', input: doseVerificationSchema.extend({ visitId }) },
  async ({ input: { visitId: id, ...input }, user, audit, request }) => {
    const result = await verifyDose({ visitId: id, input, ctx: { user, audit, request } });
    refresh(id);
    return { doseMg: result.doseMg, isCapped: result.isCapped };
  },
);

export const recordAdministrationAction = defineAction(
  { permission: 'infusion.record', input: administrationSchema.safeExtend({ visitId }) },
  async ({ input: { visitId: id, ...input }, user, audit, request }) => {
    const result = await recordAdministration({ visitId: id, input, ctx: { user, audit, request } });
    refresh(id);
    return { administeredDoseMg: result.administeredDoseMg };
  },
);

export const recordAdverseEventAction = defineAction(
  { permission: 'infusion.record', input: adverseEventSchema.safeExtend({ visitId }) },
  async ({ input: { visitId: id, ...input }, user, audit, request }) => {
    const result = await recordAdverseEvent({ visitId: id, input, ctx: { user, audit, request } });
    refresh(id);
    return { id: result.id };
  },
);

export const dischargeAction = defineAction(
  { permission: 'infusion.record', input: dischargeSchema.extend({ visitId }) },
  async ({ input: { visitId: id, ...input }, user, audit, request }) => {
    const result = await discharge({ visitId: id, input, ctx: { user, audit, request } });
    refresh(id);
    return result;
  },
);
