import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { AppError } from '@/lib/errors/app-error';
import { checkSeries } from '@/lib/scheduling/check-series';
import type { SeriesVisit } from '@/lib/scheduling/types';
import type { ApplyShiftsInput } from '@/lib/validations/infusions';
import { assertChairChoices } from './assert-chair-choice';
import { loadSchedulingInputs } from './load-scheduling-inputs';
import { runSerializable } from './run-serializable';
import { toVisitDto } from './to-visit-dto';
import type { VisitDto } from './types';

const DAY_MS = 86_400_000;

/**
 * Applies proposed shifts (from rescheduleVisit) to several visits of one enrollment at
 * once, all-or-nothing: the whole series is checked again with the shifted visits movable
 * and every other visit fixed. Each shift carries the visit's version. Audited
 * `visit.reschedule` per visit, with the reason.
 */
export async function applyVisitShifts({
  enrollmentId,
  input,
  ctx,
  now = new Date(),
}: {
  enrollmentId: string;
  input: ApplyShiftsInput;
  ctx: ActorContext;
  now?: Date;
}): Promise<{ visits: VisitDto[] }> {
  const times = input.shifts.map((shift) => new Date(shift.scheduledAt).getTime());
  return runSerializable(async (tx) => {
    const data = await loadSchedulingInputs({
      db: tx,
      enrollmentId,
      from: new Date(Math.min(...times, now.getTime()) - 8 * DAY_MS),
      to: new Date(Math.max(...times) + 8 * DAY_MS),
    });
    const rows = new Map(data.rows.map((row) => [row.id, row]));
    const moves = new Map(input.shifts.map((shift) => [shift.visitId, shift]));
    for (const shift of input.shifts) {
      const row = rows.get(shift.visitId);
      if (!row)
        throw new AppError('NOT_FOUND', 'A visit in the list is not part of this enrollment.', {
          details: { visitId: shift.visitId },
        });
      if (row.status !== 'SCHEDULED')
        throw new AppError(
          'CONFLICT',
          `Session ${row.sessionNumber} is ${row.status.toLowerCase().replace('_', ' ')} and cannot be moved.`,
        );
      if (row.version !== shift.version)
        throw new AppError(
          'CONFLICT',
          `Session ${row.sessionNumber} was changed by someone else. Reload and try again.`,
          { details: { visitId: row.id, currentVersion: row.version } },
        );
    }
    assertChairChoices({
      kind: data.sessionKind,
      visits: input.shifts.map((shift, index) => ({ chairId: shift.chairId, path: `shifts.${index}.chairId` })),
    });
    const series: SeriesVisit[] = data.series.map((visit) => {
      const move = visit.visitId === undefined ? undefined : moves.get(visit.visitId);
      return move
        ? { ...visit, scheduledAt: new Date(move.scheduledAt), chairId: move.chairId ?? null, isLocked: false }
        : { ...visit, isLocked: true };
    });
    const conflicts = checkSeries({
      protocol: data.protocol,
      settings: data.settings,
      visits: series,
      busy: data.busy,
      participantBusy: data.participantBusy,
      visitMinutes: data.visitMinutes,
      now,
    });
    if (conflicts.length > 0) throw new AppError('CONFLICT', conflicts[0].message, { details: { conflicts } });
    const updated = [];
    for (const shift of input.shifts) {
      const row = rows.get(shift.visitId)!;
      const scheduledAt = new Date(shift.scheduledAt);
      const visit = await tx.visit.update({
        where: { id: row.id },
        data: {
          scheduledAt,
          chairId: shift.chairId ?? null,
          sessionKind: data.sessionKind,
          durationMin: data.visitMinutes,
          endsAt: new Date(scheduledAt.getTime() + data.visitMinutes * 60_000),
          originalScheduledAt: row.originalScheduledAt ?? row.scheduledAt,
          statusReason: input.reason,
          version: { increment: 1 },
        },
        include: { chair: { select: { name: true } } },
      });
      await ctx.audit(tx, {
        action: 'visit.reschedule',
        entityType: 'Visit',
        entityId: row.id,
        before: { scheduledAt: row.scheduledAt.toISOString(), chairId: row.chairId, version: row.version },
        after: {
          scheduledAt: scheduledAt.toISOString(),
          chairId: shift.chairId ?? null,
          version: visit.version,
          asShift: true,
        },
        reason: input.reason,
      });
      updated.push(visit);
    }
    return { visits: updated.map((visit) => toVisitDto(visit, data.settings.timeZone)) };
  });
}
