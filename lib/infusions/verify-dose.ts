import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { contentHash } from '@/lib/auth/content-hash';
import { loadAllocationGate } from '@/lib/blinding/allocation-gate';
import { isMaskedTrial } from '@/lib/blinding/policy';
import { reauthenticate } from '@/lib/auth/reauthenticate';
import { isUniqueViolation } from '@/lib/candidates/unique-violation';
import { clockFor } from '@/lib/clinic/clock';
import { calculateDose } from '@/lib/dosing/calculate-dose';
import type { Sex } from '@/lib/dosing/types';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DoseVerificationInput } from '@/lib/validations/infusions';
import { DEFAULT_VERIFY_MEANING } from '@/lib/infusions/verify-meaning';
import { assertLotCanSupply } from '@/lib/drug-inventory/dispense-from-lot';
import { doseErrorsToAppError } from './dose-errors';
import { assertDoseConfirmed, getArmProtocol } from './get-arm-protocol';
import { assertCheckedIn, assertNoHold, loadInfusionVisit } from './load-infusion-visit';

export type DoseVerificationDto = {
  id: string;
  visitId: string;
  weightKg: number;
  weightMeasuredOn: string;
  heightCm: number | null;
  doseMg: number;
  isCapped: boolean;
  volumeMl: number | null;
  rateMlPerH: number | null;
  steps: string[];
  signerName: string;
  meaning: string;
  signedAt: string;
  contentHash: string;
};

const SEX_FROM_RECORD: Record<string, Sex> = { FEMALE: 'female', MALE: 'male', OTHER: 'other', UNKNOWN: 'unknown' };

function ensureNotVerified(visit: { doseVerification: unknown }): void {
  if (visit.doseVerification) throw new AppError('CONFLICT', 'The dose for this visit is already verified.');
}

/**
 * A clinician's e-signed dose verification: today's weight (clinic-local day) through the
 * arm's confirmed protocol for this session. Needs a checked-in visit with pre-infusion
 * vitals and no active hold (409). Calculator errors → 400 on the input's field; a wrong
 * password → 403 (counts toward lockout, nothing stored). Stores the DoseVerification with
 * the SHA-256 of the signed content and today's weight as a weight_kg measurement.
 * Audited `dose.verify`.
 */
export async function verifyDose({
  visitId,
  input,
  ctx,
  now = new Date(),
}: {
  visitId: string;
  input: DoseVerificationInput;
  ctx: ActorContext;
  now?: Date;
}): Promise<DoseVerificationDto> {
  const loaded = await loadInfusionVisit({ db: prisma, visitId });
  const { visit } = loaded;
  assertCheckedIn(visit, 'verifying the dose');
  ensureNotVerified(visit);
  assertNoHold(loaded.hold);

  const trial = await prisma.trial.findUniqueOrThrow({
    where: { id: visit.enrollment.trialId },
    select: { id: true, masking: true },
  });
  if (
    isMaskedTrial(trial.masking) &&
    !(await loadAllocationGate({ userId: ctx.user.id })).canSee(trial, visit.enrollmentId)
  ) {
    // Verifying shows the mg, and 0 mg is a placebo: only those who may see the arm sign for it.
    throw new AppError('FORBIDDEN', "In a masked trial only the trial's unblinded staff prepare and verify the dose.");
  }
  const arm = await getArmProtocol({ trialId: visit.enrollment.trialId, armId: visit.enrollment.armId });
  assertDoseConfirmed(arm, visit.sessionNumber);
  const clock = clockFor(loaded.timeZone, () => now);
  const day = clock.todayAsDate();
  const date = clock.today();
  const sex = input.sex ?? SEX_FROM_RECORD[visit.enrollment.candidate.sex] ?? 'unknown';
  const result = calculateDose({
    protocol: arm.protocol,
    weight: { kg: input.weightKg, measuredAt: day },
    heightCm: input.heightCm ?? null,
    sex,
    sessionNumber: visit.sessionNumber,
    today: day,
  });
  if (!result.ok) throw doseErrorsToAppError(result.errors);

  const { signerName } = await reauthenticate({
    userId: ctx.user.id,
    password: input.password,
    purpose: 'dose.verify',
    requestId: ctx.request?.requestId ?? null,
    ipAddress: ctx.request?.ipAddress ?? null,
  });
  const meaning = input.meaning ?? DEFAULT_VERIFY_MEANING;
  const signedAt = now;
  const signed = {
    visitId,
    enrollmentId: visit.enrollmentId,
    sessionNumber: visit.sessionNumber,
    protocolVersionNumber: arm.protocolVersionNumber,
    protocol: arm.protocol,
    weightKg: input.weightKg,
    weightMeasuredOn: date,
    heightCm: input.heightCm ?? null,
    sex,
    doseMg: result.doseMg,
    isCapped: result.capped,
    volumeMl: result.volumeMl,
    rateMlPerH: result.rateMlPerH,
    steps: result.steps,
    verifiedById: ctx.user.id,
    signerName,
    meaning,
    signedAt: signedAt.toISOString(),
  };
  const hash = contentHash(signed);

  try {
    return await prisma.$transaction(async (tx) => {
      // The state may have changed while the password was checked.
      const current = await loadInfusionVisit({ db: tx, visitId });
      assertCheckedIn(current.visit, 'verifying the dose');
      ensureNotVerified(current.visit);
      assertNoHold(current.hold);
      // The lot must exist, be in date and hold the dose; a 0 mg (placebo) preparation draws no drug.
      if (input.lotId && result.doseMg > 0) await assertLotCanSupply({ tx, lotId: input.lotId, mg: result.doseMg });
      const verification = await tx.doseVerification.create({
        data: {
          visitId,
          weightKg: input.weightKg,
          weightMeasuredOn: day,
          heightCm: input.heightCm ?? null,
          protocol: arm.protocol as unknown as Prisma.InputJsonValue,
          doseMg: result.doseMg,
          isCapped: result.capped,
          volumeMl: result.volumeMl,
          rateMlPerH: result.rateMlPerH,
          steps: result.steps,
          verifiedById: ctx.user.id,
          signerName,
          meaning,
          contentHash: hash,
          signedAt,
          drugLotId: input.lotId && result.doseMg > 0 ? input.lotId : null,
        },
      });
      const measurement = await tx.measurement.create({
        data: {
          candidateId: visit.enrollment.candidateId,
          kind: 'NUMERIC',
          code: 'weight_kg',
          valueNum: input.weightKg,
          unit: 'kg',
          measuredOn: day,
          enteredById: ctx.user.id,
        },
      });
      await ctx.audit(tx, {
        action: 'dose.verify',
        entityType: 'DoseVerification',
        entityId: verification.id,
        // trialId lets the audit view withhold the dose from staff blinded to this trial.
        after: {
          ...signed,
          protocol: undefined,
          trialId: trial.id,
          contentHash: hash,
          weightMeasurementId: measurement.id,
        },
      });
      return {
        id: verification.id,
        visitId,
        weightKg: verification.weightKg,
        weightMeasuredOn: date,
        heightCm: verification.heightCm,
        doseMg: verification.doseMg,
        isCapped: verification.isCapped,
        volumeMl: verification.volumeMl,
        rateMlPerH: verification.rateMlPerH,
        steps: result.steps,
        signerName,
        meaning,
        signedAt: signedAt.toISOString(),
        contentHash: hash,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'visitId'))
      throw new AppError('CONFLICT', 'The dose for this visit is already verified.');
    throw error;
  }
}
