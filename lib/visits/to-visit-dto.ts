import type { Visit } from '@/lib/generated/prisma/client';
import { describeSession } from '@/lib/scheduling/session-policy';
import { utcToZoned } from '@/lib/scheduling/zoned-time';
import { visitEnd } from './load-scheduling-inputs';
import type { VisitDto } from './types';

export function toVisitDto(visit: Visit & { chair?: { name: string } | null }, timeZone: string): VisitDto {
  const local = utcToZoned(visit.scheduledAt, timeZone);
  return {
    id: visit.id,
    enrollmentId: visit.enrollmentId,
    sessionNumber: visit.sessionNumber,
    scheduledAt: visit.scheduledAt.toISOString(),
    endsAt: visitEnd(visit).toISOString(),
    localDate: local.date,
    localTime: local.time,
    durationMin: visit.durationMin,
    originalScheduledAt: visit.originalScheduledAt?.toISOString() ?? null,
    chairId: visit.chairId,
    chairName: visit.chair?.name ?? null,
    sessionKind: visit.sessionKind,
    sessionDescription: describeSession({ kind: visit.sessionKind, minutes: visit.durationMin }),
    status: visit.status,
    statusReason: visit.statusReason,
    version: visit.version,
  };
}
