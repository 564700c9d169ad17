import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { extensionSessionNumber } from '@/lib/scheduling/extension-window';
import { AppError } from '@/lib/errors/app-error';
import { proposeShifts } from '@/lib/scheduling/propose-shifts';
import type { Conflict, SeriesVisit } from '@/lib/scheduling/types';
import { assertChairChoices } from './assert-chair-choice';
import { loadSchedulingInputs } from './load-scheduling-inputs';
import { runSerializable } from './run-serializable';
import { toVisitDto } from './to-visit-dto';
import type { VisitDto } from './types';

const DAY_MS = 86_400_000;
/** Later visits may be shifted well past the moved one; bookings are read this far ahead. */
const SHIFT_LOOKAHEAD_DAYS = 120;

export type ProposedShift = {
  visitId: string;
  sessionNumber: number;
  /** Send this back with the shift so a visit changed meanwhile is refused. */
  version: number;
  /** chairId null: a no-chair (perioperative or inpatient) session. */
  from: { scheduledAt: string; chairId: string | null };
  to: { scheduledAt: string; chairId: string | null; localDate: string; localTime: string };
};

export type RescheduleResult = {
  visit: VisitDto;
  /** Later visits that no longer fit and where they could go. Not applied: send them to applyVisitShifts. */
  shifts: ProposedShift[];
  /** Later visits for which no valid slot was found (the coordinator must decide). */
  problems: Conflict[];
};

type Input = { scheduledAt?: string | Date; chairId?: string | null; reason: string; version: number };

/**
 * Moves a SCHEDULED visit to a new time and/or chair. The moved visit is checked with the
 * series rules against the sessions before it, the chairs and the participant's other
 * appointments (conflict → 409 with details.conflicts). Later sessions are re-checked and
 * the ones that no longer fit come back as proposed shifts; they are not moved here.
 * Optimistic locking: `version` must be the visit's current version. Audited `visit.reschedule`.
 */
export async function rescheduleVisit({
  visitId,
  input,
  ctx,
  now = new Date(),
}: {
  visitId: string;
  input: Input;
  ctx: ActorContext;
  now?: Date;
}): Promise<RescheduleResult> {
  return runSerializable(async (tx) => {
    const visit = await tx.visit.findUnique({ where: { id: visitId } });
    if (!visit) throw new AppError('NOT_FOUND', 'This visit does not exist.');
    if (visit.version !== input.version)
      throw new AppError('CONFLICT', 'This visit was changed by someone else. Reload it and try again.', {
        details: { currentVersion: visit.version },
      });
    if (visit.status !== 'SCHEDULED')
      throw new AppError(
        'CONFLICT',
        `Only a scheduled visit can be moved; this one is ${visit.status.toLowerCase().replace('_', ' ')}.`,
      );
    const scheduledAt = input.scheduledAt === undefined ? visit.scheduledAt : new Date(input.scheduledAt);
    const earliest = Math.min(scheduledAt.getTime(), visit.scheduledAt.getTime(), now.getTime());
    const data = await loadSchedulingInputs({
      db: tx,
      enrollmentId: visit.enrollmentId,
      from: new Date(earliest - 8 * DAY_MS),
      to: new Date(Math.max(scheduledAt.getTime(), visit.scheduledAt.getTime()) + SHIFT_LOOKAHEAD_DAYS * DAY_MS),
    });
    if (visit.sessionNumber > (extensionSessionNumber(data.protocol) ?? data.protocol.sessionCount)) {
      throw new AppError(
        'CONFLICT',
        `Session ${visit.sessionNumber} is outside the protocol's ${data.protocol.sessionCount} sessions and cannot be moved by the series rules.`,
      );
    }
    // A chair named for a perioperative or inpatient session is refused (400); none given keeps the chair rules' choice.
    if (input.chairId !== undefined && input.chairId !== null)
      assertChairChoices({ kind: data.sessionKind, visits: [{ chairId: input.chairId, path: 'chairId' }] });
    const series: SeriesVisit[] = data.series.some((entry) => entry.visitId === visit.id)
      ? data.series
      : [
          ...data.series,
          {
            sessionNumber: visit.sessionNumber,
            scheduledAt: visit.scheduledAt,
            chairId: visit.chairId ?? input.chairId ?? null,
            visitId: visit.id,
          },
        ];
    const result = proposeShifts({
      protocol: data.protocol,
      settings: data.settings,
      visits: series,
      rescheduled: {
        sessionNumber: visit.sessionNumber,
        scheduledAt,
        ...(input.chairId === undefined || input.chairId === null ? {} : { chairId: input.chairId }),
      },
      busy: data.busy,
      participantBusy: data.participantBusy,
      visitMinutes: data.visitMinutes,
      now,
    });
    if (result.rescheduledConflicts.length > 0) {
      throw new AppError('CONFLICT', result.rescheduledConflicts[0].message, {
        details: { conflicts: result.rescheduledConflicts },
      });
    }
    const chairId = result.rescheduled.chairId;
    const updated = await tx.visit.update({
      where: { id: visit.id },
      data: {
        scheduledAt,
        chairId,
        sessionKind: data.sessionKind,
        durationMin: data.visitMinutes,
        endsAt: new Date(scheduledAt.getTime() + data.visitMinutes * 60_000),
        originalScheduledAt: visit.originalScheduledAt ?? visit.scheduledAt,
        statusReason: input.reason,
        version: { increment: 1 },
      },
      include: { chair: { select: { name: true } } },
    });
    await ctx.audit(tx, {
      action: 'visit.reschedule',
      entityType: 'Visit',
      entityId: visit.id,
      before: { scheduledAt: visit.scheduledAt.toISOString(), chairId: visit.chairId, version: visit.version },
      after: {
        scheduledAt: scheduledAt.toISOString(),
        chairId,
        version: updated.version,
        proposedShifts: result.shifts.length,
      },
      reason: input.reason,
    });
    const versions = new Map(data.rows.map((row) => [row.id, row.version]));
    return {
      visit: toVisitDto(updated, data.settings.timeZone),
      shifts: result.shifts.flatMap((shift) =>
        shift.visitId === undefined
          ? []
          : [
              {
                visitId: shift.visitId,
                sessionNumber: shift.sessionNumber,
                version: versions.get(shift.visitId) ?? 1,
                from: { scheduledAt: shift.fromScheduledAt.toISOString(), chairId: shift.fromChairId },
                to: {
                  scheduledAt: shift.to.scheduledAt.toISOString(),
                  chairId: shift.to.chairId,
                  localDate: shift.to.localDate,
                  localTime: shift.to.localTime,
                },
              },
            ],
      ),
      problems: result.problems,
    };
  });
}
