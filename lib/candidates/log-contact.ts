import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { ContactAttemptInput } from '@/lib/validations/candidates';
import { fromIsoDate, toIsoDate, trialLabel } from './mappers';
import type { ContactAttemptDto } from './types';

/**
 * Logs one attempt to reach a candidate, with its `contact.log` audit event.
 * It never moves a pipeline: even a first REACHED contact leaves the stage for
 * the coordinator to set, because one contact can concern several trials.
 */
export async function logContact({
  candidateId,
  input,
  ctx,
}: {
  candidateId: string;
  input: ContactAttemptInput;
  ctx: ActorContext;
}): Promise<ContactAttemptDto> {
  return prisma.$transaction(async (tx) => {
    const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { voidedAt: true } });
    if (!candidate || candidate.voidedAt) throw new AppError('NOT_FOUND', 'This candidate does not exist.');
    if (input.trialId) {
      const trial = await tx.trial.findUnique({ where: { id: input.trialId }, select: { id: true } });
      if (!trial)
        throw new AppError('NOT_FOUND', 'This trial does not exist.', {
          fields: { trialId: ['Choose an existing trial.'] },
        });
    }
    const contact = await tx.contactAttempt.create({
      data: {
        candidateId,
        trialId: input.trialId ?? null,
        method: input.method,
        outcome: input.outcome,
        notes: input.notes ?? null,
        contactedAt: new Date(input.contactedAt),
        nextFollowUpOn: input.nextFollowUpOn ? fromIsoDate(input.nextFollowUpOn) : null,
        actorId: ctx.user.id,
      },
      include: {
        actor: { select: { id: true, name: true } },
        trial: { select: { acronym: true, shortTitle: true, title: true } },
      },
    });
    await ctx.audit(tx, {
      action: 'contact.log',
      entityType: 'ContactAttempt',
      entityId: contact.id,
      after: {
        candidateId,
        trialId: contact.trialId,
        method: contact.method,
        outcome: contact.outcome,
        contactedAt: contact.contactedAt.toISOString(),
        nextFollowUpOn: input.nextFollowUpOn,
        notes: contact.notes,
      },
    });
    return {
      id: contact.id,
      trialId: contact.trialId,
      trialLabel: contact.trial ? trialLabel(contact.trial) : null,
      method: contact.method,
      outcome: contact.outcome,
      notes: contact.notes,
      contactedAt: contact.contactedAt.toISOString(),
      nextFollowUpOn: contact.nextFollowUpOn ? toIsoDate(contact.nextFollowUpOn) : null,
      actor: contact.actor,
    };
  });
}
