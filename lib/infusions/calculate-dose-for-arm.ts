import 'server-only';
import { calculateDose } from '@/lib/dosing/calculate-dose';
import { getClinicClock } from '@/lib/clinic/clock';
import type { DosingCalculateInput } from '@/lib/validations/infusions';
import { doseErrorsToAppError } from './dose-errors';
import { assertDoseConfirmed, getArmProtocol } from './get-arm-protocol';

export type DoseForArm = {
  doseMg: number;
  capped: boolean;
  volumeMl: number | null;
  rateMlPerH: number | null;
  steps: string[];
  uncappedDoseMg: number;
  basisWeightKg: number;
  protocolVersionNumber: number;
};

/**
 * POST /api/v1/dosing/calculate: the dose for a weight measured today (clinic-local) under
 * the arm's confirmed protocol. Unknown trial/arm → 404, no confirmed protocol or an unconfirmed
 * dose-setting assumption → 409,
 * anything the calculator refuses (weight out of 30–300 kg, missing height...) → 400 with
 * its message on the input's field.
 */
export async function calculateDoseForArm(input: DosingCalculateInput, now: Date = new Date()): Promise<DoseForArm> {
  const arm = await getArmProtocol({ trialId: input.trialId, armId: input.armId });
  assertDoseConfirmed(arm, input.sessionNumber ?? null);
  const day = (await getClinicClock({ now: () => now })).todayAsDate();
  const result = calculateDose({
    protocol: arm.protocol,
    weight: { kg: input.weightKg, measuredAt: day },
    heightCm: input.heightCm ?? null,
    sex: input.sex ?? null,
    sessionNumber: input.sessionNumber ?? null,
    today: day,
  });
  if (!result.ok) throw doseErrorsToAppError(result.errors);
  return {
    doseMg: result.doseMg,
    capped: result.capped,
    volumeMl: result.volumeMl,
    rateMlPerH: result.rateMlPerH,
    steps: result.steps,
    uncappedDoseMg: result.uncappedDoseMg,
    basisWeightKg: result.basisWeightKg,
    protocolVersionNumber: arm.protocolVersionNumber,
  };
}
