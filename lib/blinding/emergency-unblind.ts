import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { isMaskedTrial } from './policy';

export type EmergencyUnblindResult = {
  id: string;
  enrollmentId: string;
  arm: { id: string; label: string; type: string };
  unblindedBy: string;
  unblindedAt: string;
  reason: string;
};

/**
 * A clinician breaks the blind for one participant in an emergency: the arm is answered
 * to them, the record shows to everyone that the blind was broken (by whom, when, why),
 * admins get an alert until one reviews it, and the audit trail gets
 * `enrollment.emergency_unblind`. The unblinding itself is a permanent row.
 */
export async function emergencyUnblind(options: {
  enrollmentId: string;
  reason: string;
  ctx: ActorContext;
}): Promise<EmergencyUnblindResult> {
  const { enrollmentId, reason, ctx } = options;
  return prisma.$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({
      where: { id: enrollmentId },
      select: {
        id: true,
        trialId: true,
        trial: { select: { masking: true } },
        arm: { select: { id: true, label: true, type: true } },
      },
    });
    if (!enrollment) throw new AppError('NOT_FOUND', 'This enrollment does not exist.');
    if (!isMaskedTrial(enrollment.trial.masking))
      throw new AppError('CONFLICT', 'This trial is not masked: the arm is already on the participant’s record.');
    const row = await tx.emergencyUnblinding.create({
      data: { trialId: enrollment.trialId, enrollmentId, unblindedById: ctx.user.id, reason },
    });
    await ctx.audit(tx, {
      action: 'enrollment.emergency_unblind',
      entityType: 'Enrollment',
      entityId: enrollmentId,
      // The arm stays out of the audit text: blinded admins read the trail.
      after: { emergencyUnblindingId: row.id, trialId: enrollment.trialId },
      reason,
    });
    const by = await tx.user.findUniqueOrThrow({ where: { id: ctx.user.id }, select: { name: true } });
    return {
      id: row.id,
      enrollmentId,
      arm: enrollment.arm,
      unblindedBy: by.name,
      unblindedAt: row.createdAt.toISOString(),
      reason,
    };
  });
}

export type UnreviewedUnblinding = {
  id: string;
  trialLabel: string;
  enrollmentId: string;
  candidateId: string;
  participantName: string;
  unblindedBy: string;
  at: string;
  reason: string;
};

/** The admins' alert: emergency unblindings no admin has reviewed yet (never the arm). */
export async function listUnreviewedUnblindings(): Promise<UnreviewedUnblinding[]> {
  const rows = await prisma.emergencyUnblinding.findMany({
    where: { reviewedAt: null },
    orderBy: { createdAt: 'asc' },
    include: {
      unblindedBy: { select: { name: true } },
      trial: { select: { acronym: true, shortTitle: true, title: true, nctId: true } },
      enrollment: { select: { candidate: { select: { id: true, firstName: true, lastName: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    trialLabel: row.trial.acronym ?? row.trial.shortTitle ?? row.trial.nctId ?? row.trial.title,
    enrollmentId: row.enrollmentId,
    candidateId: row.enrollment.candidate.id,
    participantName: `${row.enrollment.candidate.lastName}, ${row.enrollment.candidate.firstName}`,
    unblindedBy: row.unblindedBy.name,
    at: row.createdAt.toISOString(),
    reason: row.reason,
  }));
}

/** An admin marks an emergency unblinding reviewed (audited); once only. */
export async function reviewUnblinding(options: { id: string; ctx: ActorContext; now?: Date }) {
  const { id, ctx, now = new Date() } = options;
  return prisma.$transaction(async (tx) => {
    const row = await tx.emergencyUnblinding.findUnique({ where: { id }, select: { reviewedAt: true } });
    if (!row) throw new AppError('NOT_FOUND', 'This emergency unblinding does not exist.');
    if (row.reviewedAt) throw new AppError('CONFLICT', 'This emergency unblinding has already been reviewed.');
    await tx.emergencyUnblinding.update({ where: { id }, data: { reviewedById: ctx.user.id, reviewedAt: now } });
    await ctx.audit(tx, {
      action: 'enrollment.emergency_unblind_review',
      entityType: 'EmergencyUnblinding',
      entityId: id,
      after: { reviewedAt: now.toISOString() },
    });
    return { id, reviewedAt: now.toISOString() };
  });
}
