import 'server-only';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma, type Tx } from '@/lib/db';
import { parseClinicDateTime } from '@/lib/clinic/clinic-wall-time';
import { checkRecordInstant } from '@/lib/records/date-policy';
import { AppError } from '@/lib/errors/app-error';

/**
 * Serialises writes for one enrollment × instrument × timepoint inside the transaction, so two
 * clinicians saving the same questionnaire at once cannot both get past the duplicate check.
 */
export async function lockAssessmentSlot({
  tx,
  ...key
}: {
  tx: Tx;
  enrollmentId: string;
  instrument: string;
  timepoint: string;
}) {
  const lockKey = `assessment:${key.enrollmentId}:${key.instrument}:${key.timepoint}`;
  // ::text because Prisma cannot read a `void` column.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))::text AS locked`;
}

/**
 * The administration time, checked against the record date policy: not ahead of now,
 * its clinic-local day not before the participant's birth (lib/records/date-policy.ts).
 * A value without an offset ('2026-11-23T08:00', what the form sends) is the clinic's wall
 * clock in `bounds.timeZone`; a wall time the clinic clock skipped (DST gap) is a 400.
 */
export function parseAdministeredAt(
  value: string | undefined,
  fallback: Date,
  bounds: { now: Date; timeZone: string; dateOfBirth: string | null },
): Date {
  const parsed = value ? parseClinicDateTime(value, bounds.timeZone) : { ok: true as const, instant: fallback };
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', undefined, { fields: { administeredAt: [parsed.message] } });
  const administeredAt = parsed.instant;
  const problem = checkRecordInstant(administeredAt, bounds);
  if (problem) throw new AppError('VALIDATION_FAILED', undefined, { fields: { administeredAt: [problem] } });
  return administeredAt;
}

/** The participant's date of birth (YYYY-MM-DD) and the clinic's time zone, for parseAdministeredAt. */
export async function loadDateBounds(enrollmentId: string, now: Date) {
  const [enrollment, clock] = await Promise.all([
    prisma.enrollment.findUnique({
      where: { id: enrollmentId },
      select: { candidate: { select: { dateOfBirth: true } } },
    }),
    getClinicClock(),
  ]);
  const dateOfBirth = enrollment?.candidate.dateOfBirth.toISOString().slice(0, 10) ?? null;
  return { now, timeZone: clock.timeZone, dateOfBirth };
}
