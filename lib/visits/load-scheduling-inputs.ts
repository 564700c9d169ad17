import 'server-only';
import { getClinicSettings, type ClinicSetup } from '@/lib/clinic/get-clinic-settings';
import type { Db, Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { Visit } from '@/lib/generated/prisma/client';
import { getArmProtocol, type ArmProtocol } from '@/lib/infusions/get-arm-protocol';
import { MAX_STAY_MINUTES, type SessionKind } from '@/lib/scheduling/session-policy';
import { resolveVisitMinutes, sessionKindOf } from '@/lib/scheduling/slot-rules';
import type { BusyInterval, ChairBooking, SchedulingProtocol, SeriesVisit } from '@/lib/scheduling/types';
import { ACTIVE_VISIT_STATUSES } from './types';

const DAY_MS = 86_400_000;
/** The longest visit that can overlap the window from before it: a stay of MAX_STAY_MINUTES. */
const STAY_LOOKBACK_MS = MAX_STAY_MINUTES * 60_000 + DAY_MS;

export type SchedulingInputs = {
  enrollment: { id: string; candidateId: string; trialId: string; armId: string; status: string };
  arm: ArmProtocol;
  settings: ClinicSetup;
  protocol: SchedulingProtocol;
  /** Where the arm's sessions take place: a chair, or perioperative / inpatient without one. */
  sessionKind: SessionKind;
  /** Time per visit: chair time (infusion + monitoring), or the stay of a no-chair session. */
  visitMinutes: number;
  /** Every chair booking of the clinic in the window (this participant's included, with visitId). */
  busy: ChairBooking[];
  /** The participant's appointments in the window, across all their enrollments. */
  participantBusy: BusyInterval[];
  /** This enrollment's visits that hold a slot; visits that already happened are locked. */
  series: SeriesVisit[];
  /** This enrollment's visit rows of every status. */
  rows: Visit[];
};

export function visitEnd(visit: { scheduledAt: Date; endsAt: Date | null; durationMin: number }): Date {
  return visit.endsAt ?? new Date(visit.scheduledAt.getTime() + visit.durationMin * 60_000);
}

/**
 * Everything the pure scheduling rules need for one enrollment, read through `db` (pass
 * the transaction client when booking so the reads are part of the serializable snapshot).
 * Bookings are read for [from, to], starting STAY_LOOKBACK_MS early so a visit that began
 * before the window (a chair visit, or a stay of up to a week) and overlaps it is caught.
 */
export async function loadSchedulingInputs(options: {
  db: Db | Tx;
  enrollmentId: string;
  from: Date;
  to: Date;
}): Promise<SchedulingInputs> {
  const { db } = options;
  const { enrollmentId, from, to } = options;
  const enrollment = await db.enrollment.findUnique({
    where: { id: enrollmentId },
    select: { id: true, candidateId: true, trialId: true, armId: true, status: true },
  });
  if (!enrollment) throw new AppError('NOT_FOUND', 'This enrollment does not exist.');
  // Sequential on purpose: inside a transaction the client runs one query at a time.
  const arm = await getArmProtocol({ trialId: enrollment.trialId, armId: enrollment.armId, db });
  const settings = await getClinicSettings({ db });
  const window = { gte: new Date(from.getTime() - STAY_LOOKBACK_MS), lt: to };
  const clinicVisits = await db.visit.findMany({
    where: { scheduledAt: window, status: { in: [...ACTIVE_VISIT_STATUSES] }, chairId: { not: null } },
    select: { id: true, chairId: true, scheduledAt: true, endsAt: true, durationMin: true },
  });
  const participantVisits = await db.visit.findMany({
    where: {
      scheduledAt: window,
      status: { in: [...ACTIVE_VISIT_STATUSES] },
      enrollment: { candidateId: enrollment.candidateId },
    },
    select: { id: true, scheduledAt: true, endsAt: true, durationMin: true },
  });
  const rows = await db.visit.findMany({
    where: { enrollmentId },
    orderBy: [{ sessionNumber: 'asc' }, { createdAt: 'asc' }],
  });
  const protocol: SchedulingProtocol = {
    sessionCount: arm.protocol.sessionCount,
    sessionsPerWeek: arm.protocol.sessionsPerWeek,
    minHoursBetweenSessions: arm.protocol.minHoursBetweenSessions,
    maxDaysBetweenSessions: arm.protocol.maxDaysBetweenSessions,
    infusionMinutes: arm.protocol.infusionMinutes,
    sessionKind: arm.protocol.sessionKind,
    sessionDurationMinutes: arm.protocol.sessionDurationMinutes,
    extension: arm.protocol.extension,
  };
  const lastSessionNumber = protocol.extension ? protocol.sessionCount + 1 : protocol.sessionCount;
  const series: SeriesVisit[] = rows
    .filter(
      (row) =>
        // Chairless (perioperative, inpatient) visits are part of the series like any other.
        (ACTIVE_VISIT_STATUSES as readonly string[]).includes(row.status) && row.sessionNumber <= lastSessionNumber,
    )
    .map((row) => ({
      sessionNumber: row.sessionNumber,
      scheduledAt: row.scheduledAt,
      chairId: row.chairId,
      visitId: row.id,
      ...(row.status === 'SCHEDULED' ? {} : { isLocked: true }),
    }));
  return {
    enrollment,
    arm,
    settings,
    protocol,
    sessionKind: sessionKindOf(protocol),
    visitMinutes: resolveVisitMinutes({ protocol, settings }),
    busy: clinicVisits.map((visit) => ({
      chairId: visit.chairId!,
      start: visit.scheduledAt,
      end: visitEnd(visit),
      visitId: visit.id,
    })),
    participantBusy: participantVisits.map((visit) => ({
      start: visit.scheduledAt,
      end: visitEnd(visit),
      visitId: visit.id,
    })),
    series,
    rows,
  };
}
