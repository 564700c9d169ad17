import 'server-only';
import type { Db, Tx } from '@/lib/db';
import type { BlindingViewer } from './policy';

/**
 * The viewer's access to allocation, read from the database on every request (like
 * the role): being taken off a trial's unblinded staff takes effect at once.
 */
export async function loadBlindingViewer(options: { userId: string; db: Db | Tx }): Promise<BlindingViewer> {
  const { userId, db } = options;
  // Sequential on purpose: inside a transaction the client runs one query at a time.
  const named = await db.unblindedStaff.findMany({ where: { userId }, select: { trialId: true } });
  const broken = await db.emergencyUnblinding.findMany({
    where: { unblindedById: userId },
    select: { enrollmentId: true },
  });
  return {
    userId,
    unblindedTrialIds: new Set(named.map((row) => row.trialId)),
    emergencyUnblindedEnrollmentIds: new Set(broken.map((row) => row.enrollmentId)),
  };
}
