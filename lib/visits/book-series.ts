import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { AppError } from '@/lib/errors/app-error';
import { checkSeries } from '@/lib/scheduling/check-series';
import { extensionSessionNumber } from '@/lib/scheduling/extension-window';
import type { SeriesVisit } from '@/lib/scheduling/types';
import type { BookSeriesInput } from '@/lib/validations/scheduling';
import { assertChairChoices } from './assert-chair-choice';
import { loadSchedulingInputs } from './load-scheduling-inputs';
import { runSerializable } from './run-serializable';
import { toVisitDto } from './to-visit-dto';
import type { VisitDto } from './types';

const DAY_MS = 86_400_000;

/**
 * Books sessions of an enrollment all-or-nothing. Inside one SERIALIZABLE transaction the
 * whole series (the new visits plus any already held, as fixed anchors) is checked again
 * with checkSeries against the bookings as they are now; any conflict → 409 with
 * `details.conflicts` and nothing written. A session that is already booked → 409.
 * Two coordinators taking the last chair at once: one commits, the other gets 409.
 * Audited `visit.book_series`.
 */
export async function bookSeries({
  enrollmentId,
  input,
  ctx,
  now = new Date(),
}: {
  enrollmentId: string;
  input: BookSeriesInput;
  ctx: ActorContext;
  now?: Date;
}): Promise<{ visits: VisitDto[] }> {
  const requested = input.visits.map((visit) => ({
    ...visit,
    chairId: visit.chairId ?? null,
    scheduledAt: new Date(visit.scheduledAt),
  }));
  const times = requested.map((visit) => visit.scheduledAt.getTime());
  const from = new Date(Math.min(...times) - 8 * DAY_MS);
  const to = new Date(Math.max(...times) + 8 * DAY_MS);

  return runSerializable(async (tx) => {
    const data = await loadSchedulingInputs({ db: tx, enrollmentId, from, to });
    if (data.enrollment.status !== 'ACTIVE')
      throw new AppError('CONFLICT', 'Only an active enrollment can be scheduled.');
    assertChairChoices({
      kind: data.sessionKind,
      visits: requested.map((visit, index) => ({ chairId: visit.chairId, path: `visits.${index}.chairId` })),
    });
    const held = new Map(data.series.map((visit) => [visit.sessionNumber, visit]));
    const alreadyBooked = requested
      .filter((visit) => held.has(visit.sessionNumber))
      .map((visit) => visit.sessionNumber);
    if (alreadyBooked.length > 0) {
      throw new AppError(
        'CONFLICT',
        `Session ${alreadyBooked.join(', ')} is already booked for this participant; reschedule it instead.`,
        {
          details: { bookedSessions: alreadyBooked },
        },
      );
    }
    const extensionNumber = extensionSessionNumber(data.protocol);
    if (extensionNumber !== null && requested.some((visit) => visit.sessionNumber === extensionNumber)) {
      // The open-label extension follows the blinded series: only once its last session is done.
      const last = data.rows.find(
        (row) => row.sessionNumber === data.protocol.sessionCount && row.status === 'COMPLETED',
      );
      if (!last) {
        throw new AppError(
          'CONFLICT',
          `${data.protocol.extension?.label ?? 'The extension'} (session ${extensionNumber}) can be booked once session ${data.protocol.sessionCount} is completed.`,
          {
            details: {
              conflicts: [
                {
                  sessionNumber: extensionNumber,
                  code: 'EXTENSION_WINDOW',
                  message: 'The blinded series is not completed yet',
                },
              ],
            },
          },
        );
      }
    }
    // Sessions already held anchor the interval and weekly rules but are not re-judged.
    const anchors: SeriesVisit[] = data.series.map((visit) => ({ ...visit, isLocked: true }));
    const conflicts = checkSeries({
      protocol: data.protocol,
      settings: data.settings,
      visits: [
        ...anchors,
        ...requested.map((visit) => ({
          sessionNumber: visit.sessionNumber,
          scheduledAt: visit.scheduledAt,
          chairId: visit.chairId,
        })),
      ],
      busy: data.busy,
      participantBusy: data.participantBusy,
      visitMinutes: data.visitMinutes,
      now,
    });
    if (conflicts.length > 0) {
      const first = conflicts[0];
      throw new AppError(
        'CONFLICT',
        conflicts.length === 1 ? first.message : `${first.message} (and ${conflicts.length - 1} more conflicts)`,
        { details: { conflicts } },
      );
    }
    const created = [];
    for (const visit of [...requested].sort((a, b) => a.sessionNumber - b.sessionNumber)) {
      created.push(
        await tx.visit.create({
          data: {
            enrollmentId,
            sessionNumber: visit.sessionNumber,
            scheduledAt: visit.scheduledAt,
            originalScheduledAt: visit.scheduledAt,
            durationMin: data.visitMinutes,
            endsAt: new Date(visit.scheduledAt.getTime() + data.visitMinutes * 60_000),
            chairId: visit.chairId,
            sessionKind: data.sessionKind,
          },
          include: { chair: { select: { name: true } } },
        }),
      );
    }
    await ctx.audit(tx, {
      action: 'visit.book_series',
      entityType: 'Enrollment',
      entityId: enrollmentId,
      after: {
        visits: created.map((visit) => ({
          id: visit.id,
          sessionNumber: visit.sessionNumber,
          scheduledAt: visit.scheduledAt.toISOString(),
          chairId: visit.chairId,
          sessionKind: visit.sessionKind,
        })),
      },
    });
    return { visits: created.map((visit) => toVisitDto(visit, data.settings.timeZone)) };
  });
}
