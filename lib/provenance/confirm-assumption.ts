import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { readTrialDetail } from '@/lib/trials/get-trial';
import type { ActorContext } from '@/lib/auth/actor-context';
import type { TrialDetail } from '@/lib/trials/types';
import type { ConfirmAssumptionInput, StoredProvenance } from '@/lib/validations/provenance';
import { readProvenance } from './read-provenance';

type Located = { provenance: unknown; versionId: string; update: (provenance: StoredProvenance) => Promise<unknown> };

async function locate(tx: Tx, input: ConfirmAssumptionInput): Promise<Located | null> {
  const write = (value: StoredProvenance) => ({ provenance: value as unknown as Prisma.InputJsonValue });
  if (input.target === 'CRITERION') {
    const row = await tx.criterion.findUnique({ where: { id: input.rowId } });
    return row
      ? {
          provenance: row.provenance,
          versionId: row.protocolVersionId,
          update: (value) => tx.criterion.update({ where: { id: row.id }, data: write(value) }),
        }
      : null;
  }
  if (input.target === 'ARM_DOSING') {
    const row = await tx.armDosing.findUnique({ where: { id: input.rowId } });
    return row
      ? {
          provenance: row.provenance,
          versionId: row.protocolVersionId,
          update: (value) => tx.armDosing.update({ where: { id: row.id }, data: write(value) }),
        }
      : null;
  }
  const row = await tx.assessmentPlanItem.findUnique({ where: { id: input.rowId } });
  return row
    ? {
        provenance: row.provenance,
        versionId: row.protocolVersionId,
        update: (value) => tx.assessmentPlanItem.update({ where: { id: row.id }, data: write(value) }),
      }
    : null;
}

/**
 * An admin confirms one clinic assumption of the trial's current protocol version: the value stays exactly as
 * it is, so this is an audited in-place write (`trial.assumption_confirm`), not a protocol amendment. Once
 * confirmed, a dose-setting assumption no longer blocks the dose and an assumed rule decides eligibility.
 * 404 for a row or assumption the trial does not have; 409 for a past protocol version or one already confirmed.
 */
export async function confirmAssumption(options: {
  trialId: string;
  input: ConfirmAssumptionInput;
  ctx: ActorContext;
  now?: Date;
}): Promise<TrialDetail> {
  const { trialId, input, ctx, now = new Date() } = options;
  return prisma.$transaction(async (tx) => {
    // Same lock as an edit of the trial, so a confirmation cannot interleave with a change of the value.
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Trial" WHERE id = ${trialId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError('NOT_FOUND', 'This trial does not exist.');
    const current = await tx.protocolVersion.findFirst({
      where: { trialId },
      orderBy: { number: 'desc' },
      select: { id: true, number: true },
    });
    const row = await locate(tx, input);
    const version = row
      ? await tx.protocolVersion.findUnique({ where: { id: row.versionId }, select: { trialId: true, number: true } })
      : null;
    if (!row || !version || version.trialId !== trialId)
      throw new AppError('NOT_FOUND', 'This trial has no such protocol value.');
    if (current?.id !== row.versionId)
      throw new AppError(
        'CONFLICT',
        `This value belongs to protocol version ${version.number}; the current version is ${current?.number}. Reload the trial.`,
      );
    const provenance = readProvenance(row.provenance);
    const assumption = provenance?.assumptions.find((item) => item.field === input.field);
    if (!provenance || !assumption) throw new AppError('NOT_FOUND', 'This value has no such assumption.');
    if (assumption.confirmedAt !== null)
      throw new AppError(
        'CONFLICT',
        `This assumption was already confirmed by ${assumption.confirmedByName ?? 'an admin'} on ${assumption.confirmedAt}.`,
      );
    const user = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { name: true } });
    const confirmed = {
      ...assumption,
      confirmedById: ctx.user.id,
      confirmedByName: user.name,
      confirmedAt: now.toISOString(),
    };
    await row.update({
      ...provenance,
      assumptions: provenance.assumptions.map((item) => (item.field === input.field ? confirmed : item)),
    });
    await ctx.audit(tx, {
      action: 'trial.assumption_confirm',
      entityType:
        input.target === 'CRITERION' ? 'Criterion' : input.target === 'ARM_DOSING' ? 'ArmDosing' : 'AssessmentPlanItem',
      entityId: input.rowId,
      before: { trialId, field: input.field, note: assumption.note, confirmedAt: null },
      after: { trialId, field: input.field, note: assumption.note, confirmedAt: confirmed.confirmedAt },
    });
    return (await readTrialDetail({ tx, trialId }))!;
  });
}
