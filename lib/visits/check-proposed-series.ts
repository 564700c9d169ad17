import 'server-only';
import { prisma } from '@/lib/db';
import { checkSeries } from '@/lib/scheduling/check-series';
import type { Conflict, SeriesVisit } from '@/lib/scheduling/types';
import type { BookSeriesInput } from '@/lib/validations/scheduling';
import { loadSchedulingInputs } from '@/lib/visits/load-scheduling-inputs';

const DAY_MS = 86_400_000;

/**
 * The booking form's "Check again": the same rules bookSeries applies (sessions already
 * held are fixed anchors), read-only, so the coordinator sees every conflict before booking.
 */
export async function checkProposedSeries({
  enrollmentId,
  input,
  now = new Date(),
}: {
  enrollmentId: string;
  input: BookSeriesInput;
  now?: Date;
}): Promise<Conflict[]> {
  const requested = input.visits.map((visit) => ({
    sessionNumber: visit.sessionNumber,
    scheduledAt: new Date(visit.scheduledAt),
    chairId: visit.chairId ?? null,
  }));
  const times = requested.map((visit) => visit.scheduledAt.getTime());
  const data = await loadSchedulingInputs({
    db: prisma,
    enrollmentId,
    from: new Date(Math.min(...times) - 8 * DAY_MS),
    to: new Date(Math.max(...times) + 8 * DAY_MS),
  });
  const held = new Set(data.series.map((visit) => visit.sessionNumber));
  const alreadyBooked: Conflict[] = requested
    .filter((visit) => held.has(visit.sessionNumber))
    .map((visit) => ({
      sessionNumber: visit.sessionNumber,
      code: 'PARTICIPANT_BUSY',
      message: `Session ${visit.sessionNumber} is already booked for this participant; reschedule it instead.`,
    }));
  const anchors: SeriesVisit[] = data.series.map((visit) => ({ ...visit, isLocked: true }));
  const conflicts = checkSeries({
    protocol: data.protocol,
    settings: data.settings,
    visits: [...anchors, ...requested.filter((visit) => !held.has(visit.sessionNumber))],
    busy: data.busy,
    participantBusy: data.participantBusy,
    visitMinutes: data.visitMinutes,
    now,
  });
  return [...alreadyBooked, ...conflicts];
}
