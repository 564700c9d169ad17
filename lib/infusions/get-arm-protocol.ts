import 'server-only';
import { prisma, type Db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { blockingDoseAssumptions, doseBlockedMessage } from '@/lib/provenance/dose-assumptions';
import { readProvenance } from '@/lib/provenance/read-provenance';
import { dosingProtocolSchema, type DosingProtocol } from '@/lib/validations/dosing';
import type { StoredProvenance } from '@/lib/validations/provenance';

export type ArmProtocol = {
  trialId: string;
  armId: string;
  armLabel: string;
  protocol: DosingProtocol;
  protocolVersionId: string;
  protocolVersionNumber: number;
  /** Where each dosing field comes from; unconfirmed dose-setting assumptions block the dose (assertDoseConfirmed). */
  provenance: StoredProvenance | null;
};

type Target = { enrollmentId: string } | { trialId: string; armId: string };

/**
 * The confirmed dosing protocol of an arm (given directly or as an enrollment's arm) in
 * the trial's CURRENT protocol version (the highest-numbered one), parsed with
 * dosingProtocolSchema. Unknown trial, arm or enrollment → 404; no confirmed protocol,
 * or one that no longer parses → 409: never a guessed protocol.
 */
export async function getArmProtocol(options: Target & { db?: Db | Tx }): Promise<ArmProtocol> {
  const { db = prisma, ...target } = options;
  let trialId: string;
  let armId: string;
  if ('enrollmentId' in target) {
    const enrollment = await db.enrollment.findUnique({
      where: { id: target.enrollmentId },
      select: { trialId: true, armId: true },
    });
    if (!enrollment) throw new AppError('NOT_FOUND', 'This enrollment does not exist.');
    ({ trialId, armId } = enrollment);
  } else {
    ({ trialId, armId } = target);
  }
  const trial = await db.trial.findUnique({
    where: { id: trialId },
    select: {
      id: true,
      protocolVersions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, number: true } },
    },
  });
  if (!trial)
    throw new AppError('NOT_FOUND', 'This trial does not exist.', {
      fields: { trialId: ['This trial does not exist.'] },
    });
  const arm = await db.arm.findUnique({ where: { id: armId }, select: { id: true, trialId: true, label: true } });
  if (!arm || arm.trialId !== trial.id)
    throw new AppError('NOT_FOUND', 'This arm is not part of the trial.', {
      fields: { armId: ['This arm is not part of the trial.'] },
    });
  const version = trial.protocolVersions[0];
  const dosing = version
    ? await db.armDosing.findUnique({ where: { protocolVersionId_armId: { protocolVersionId: version.id, armId } } })
    : null;
  if (!version || !dosing || dosing.protocol === null)
    throw new AppError('CONFLICT', 'The arm has no confirmed dosing protocol');
  const parsed = dosingProtocolSchema.safeParse(dosing.protocol);
  if (!parsed.success)
    throw new AppError(
      'CONFLICT',
      "The arm's confirmed dosing protocol is no longer valid; an admin must confirm it again",
    );
  return {
    trialId,
    armId,
    armLabel: arm.label,
    protocol: parsed.data,
    protocolVersionId: version.id,
    protocolVersionNumber: version.number,
    provenance: readProvenance(dosing.provenance),
  };
}

/**
 * The one gate before any mg is worked out (POST /api/v1/dosing/calculate and the e-signed verification both
 * pass here): 409 while a field that sets this session's dose is an unconfirmed clinic assumption.
 */
export function assertDoseConfirmed(arm: ArmProtocol, sessionNumber: number | null): void {
  const blocking = blockingDoseAssumptions({ provenance: arm.provenance, protocol: arm.protocol, sessionNumber });
  if (blocking.length === 0) return;
  throw new AppError('CONFLICT', doseBlockedMessage(blocking), {
    details: { unconfirmedAssumptions: blocking.map((assumption) => assumption.field) },
  });
}
