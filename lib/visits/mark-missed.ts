import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { rebookMissed, type RebookVisit } from '@/lib/scheduling/rebook-missed';
import { loadSchedulingInputs } from './load-scheduling-inputs';
import { toVisitDto } from './to-visit-dto';
import type { VisitDto } from './types';

const DAY_MS = 86_400_000;

export type MarkMissedResult = {
  visit: VisitDto;
  rebook:
    | {
        kind: 'SLOT';
        /** chairId null: a no-chair (perioperative or inpatient) session. */
        proposed: {
          sessionNumber: number;
          scheduledAt: string;
          chairId: string | null;
          localDate: string;
          localTime: string;
        };
        latestDate: string | null;
      }
    | { kind: 'DEVIATION'; deviationId: string; reason: string; latestDate: string | null };
};

/**
 * Marks a SCHEDULED visit whose time has come as MISSED. Then either proposes a new slot
 * for the session inside the protocol's window (book it with bookSeries for that session;
 * nothing is booked here), or, when no slot fits the window, records a ProtocolDeviation
 * (kind MISSED_VISIT) in the same transaction. Audited `visit.mark_missed` (and
 * `protocol_deviation.create`).
 */
export async function markMissed({
  visitId,
  input,
  ctx,
  now = new Date(),
}: {
  visitId: string;
  input: { reason: string; version: number };
  ctx: ActorContext;
  now?: Date;
}): Promise<MarkMissedResult> {
  return prisma.$transaction(
    async (tx) => {
      const visit = await tx.visit.findUnique({ where: { id: visitId } });
      if (!visit) throw new AppError('NOT_FOUND', 'This visit does not exist.');
      if (visit.version !== input.version)
        throw new AppError('CONFLICT', 'This visit was changed by someone else. Reload it and try again.', {
          details: { currentVersion: visit.version },
        });
      if (visit.status !== 'SCHEDULED')
        throw new AppError(
          'CONFLICT',
          `Only a scheduled visit can be marked missed; this one is ${visit.status.toLowerCase().replace('_', ' ')}.`,
        );
      if (visit.scheduledAt.getTime() > now.getTime())
        throw new AppError(
          'CONFLICT',
          'This visit has not started yet; cancel or move it instead of marking it missed.',
        );
      const updated = await tx.visit.update({
        where: { id: visit.id },
        data: { status: 'MISSED', statusReason: input.reason, version: { increment: 1 } },
        include: { chair: { select: { name: true } } },
      });
      await ctx.audit(tx, {
        action: 'visit.mark_missed',
        entityType: 'Visit',
        entityId: visit.id,
        before: { status: visit.status, version: visit.version },
        after: { status: 'MISSED', version: updated.version },
        reason: input.reason,
      });

      const data = await loadSchedulingInputs({
        db: tx,
        enrollmentId: visit.enrollmentId,
        from: new Date(now.getTime() - 60 * DAY_MS),
        to: new Date(now.getTime() + 120 * DAY_MS),
      });
      const dto = toVisitDto(updated, data.settings.timeZone);
      let rebook: ReturnType<typeof rebookMissed> | null = null;
      if (visit.sessionNumber <= data.protocol.sessionCount) {
        // One record per session: the missed visit itself, and for the others the visit that holds (or held) the session.
        const visits: RebookVisit[] = data.rows
          .filter(
            (row) =>
              row.id === visit.id ||
              (row.sessionNumber !== visit.sessionNumber && row.status !== 'CANCELLED' && row.status !== 'MISSED'),
          )
          .filter((row) => row.sessionNumber <= data.protocol.sessionCount)
          .map((row) => ({
            sessionNumber: row.sessionNumber,
            status: row.status,
            scheduledAt: row.scheduledAt,
            completedAt: row.completedAt,
            chairId: row.chairId,
            visitId: row.id,
          }));
        rebook = rebookMissed({
          protocol: data.protocol,
          settings: data.settings,
          visits,
          missedSessionNumber: visit.sessionNumber,
          busy: data.busy,
          participantBusy: data.participantBusy,
          visitMinutes: data.visitMinutes,
          now,
        });
      }
      if (rebook !== null && rebook.kind === 'SLOT') {
        const proposed = rebook.visit;
        return {
          visit: dto,
          rebook: {
            kind: 'SLOT',
            proposed: {
              sessionNumber: proposed.sessionNumber,
              scheduledAt: proposed.scheduledAt.toISOString(),
              chairId: proposed.chairId,
              localDate: proposed.localDate,
              localTime: proposed.localTime,
            },
            latestDate: rebook.latestDate,
          },
        };
      }
      const reason =
        rebook?.reason ?? `Session ${visit.sessionNumber} is outside the protocol's sessions and cannot be rebooked`;
      const deviation = await tx.protocolDeviation.create({
        data: {
          enrollmentId: visit.enrollmentId,
          visitId: visit.id,
          kind: 'MISSED_VISIT',
          description: `Session ${visit.sessionNumber} missed (${input.reason}). ${reason}.`,
          recordedById: ctx.user.id,
        },
      });
      await ctx.audit(tx, {
        action: 'protocol_deviation.create',
        entityType: 'ProtocolDeviation',
        entityId: deviation.id,
        after: {
          enrollmentId: visit.enrollmentId,
          visitId: visit.id,
          kind: deviation.kind,
          description: deviation.description,
        },
      });
      return {
        visit: dto,
        rebook: { kind: 'DEVIATION', deviationId: deviation.id, reason, latestDate: rebook?.latestDate ?? null },
      };
    },
    { timeout: 20_000 },
  );
}
