import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma } from '@/lib/db';
import { checkRecordInstant, isVisitHeld } from '@/lib/records/date-policy';
import { openAdverseEventAlert } from '@/lib/safety/open-safety-alerts';
import { AppError } from '@/lib/errors/app-error';
import type { AdverseEventInput } from '@/lib/validations/infusions';

export type AdverseEventDto = {
  id: string;
  enrollmentId: string;
  visitId: string | null;
  term: string;
  grade: number;
  isSerious: boolean;
  relatedness: AdverseEventInput['relatedness'];
  actionTaken: AdverseEventInput['actionTaken'];
  outcome: AdverseEventInput['outcome'];
  onsetAt: string;
  resolvedAt: string | null;
  notes: string | null;
};

/**
 * An adverse event during a visit: term, CTCAE grade 1–5, serious, relatedness, action
 * taken, outcome, onset. A serious event opens a safety alert for clinicians in the same
 * transaction. Audited `adverse_event.create`.
 */
export async function recordAdverseEvent({
  visitId,
  input,
  ctx,
  now = new Date(),
}: {
  visitId: string;
  input: AdverseEventInput;
  ctx: ActorContext;
  now?: Date;
}): Promise<AdverseEventDto> {
  return prisma.$transaction(async (tx) => {
    const visit = await tx.visit.findUnique({
      where: { id: visitId },
      select: {
        id: true,
        enrollmentId: true,
        status: true,
        checkedInAt: true,
        enrollment: { select: { candidate: { select: { dateOfBirth: true } } } },
      },
    });
    if (!visit) throw new AppError('NOT_FOUND', 'This visit does not exist.');
    if (visit.status === 'CANCELLED')
      throw new AppError('CONFLICT', 'This visit was cancelled; record the event against the visit where it happened.');
    if (!isVisitHeld(visit))
      throw new AppError(
        'CONFLICT',
        'This visit has not taken place (the participant was never checked in); record the event against the visit where it happened.',
        { details: { reason: 'VISIT_NOT_HELD' } },
      );
    const onsetAt = new Date(input.onsetAt);
    const clock = await getClinicClock({ db: tx });
    const problem = checkRecordInstant(onsetAt, {
      now,
      timeZone: clock.timeZone,
      dateOfBirth: visit.enrollment.candidate.dateOfBirth.toISOString().slice(0, 10),
    });
    if (problem) throw new AppError('VALIDATION_FAILED', undefined, { fields: { onsetAt: [problem] } });
    const row = await tx.adverseEvent.create({
      data: {
        enrollmentId: visit.enrollmentId,
        visitId,
        term: input.term,
        grade: input.grade,
        isSerious: input.isSerious,
        relatedness: input.relatedness,
        actionTaken: input.actionTaken,
        outcome: input.outcome,
        onsetAt,
        resolvedAt: input.resolvedAt ? new Date(input.resolvedAt) : null,
        notes: input.notes ?? null,
        reportedById: ctx.user.id,
      },
    });
    const dto: AdverseEventDto = {
      id: row.id,
      enrollmentId: row.enrollmentId,
      visitId: row.visitId,
      term: row.term,
      grade: row.grade,
      isSerious: row.isSerious,
      relatedness: row.relatedness,
      actionTaken: row.actionTaken,
      outcome: row.outcome,
      onsetAt: row.onsetAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      notes: row.notes,
    };
    await ctx.audit(tx, { action: 'adverse_event.create', entityType: 'AdverseEvent', entityId: row.id, after: dto });
    await openAdverseEventAlert({ tx, adverseEvent: row, audit: ctx.audit });
    return dto;
  });
}
