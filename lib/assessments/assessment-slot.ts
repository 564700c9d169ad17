import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

/** A clock a few minutes ahead on the recording tablet is not an error; a date in the future is. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

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

export function parseAdministeredAt(value: string | undefined, fallback: Date, now: Date): Date {
  const administeredAt = value ? new Date(value) : fallback;
  if (administeredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: { administeredAt: ['Administered at cannot be in the future.'] },
    });
  }
  return administeredAt;
}
