import 'server-only';
import { prisma, type Db, type Tx } from '@/lib/db';
import type { ArmType } from '@/lib/generated/prisma/enums';
import { dosingProtocolSchema } from '@/lib/validations/dosing';

// The registry's arm types that are prepared without active drug (the importer reads them the same way).
const PLACEBO_ARM_TYPES: readonly ArmType[] = ['PLACEBO_COMPARATOR', 'SHAM_COMPARATOR'];

/**
 * Whether any arm of the trial is a placebo arm: typed so in the registry, or dosed as placebo in the
 * trial's current protocol version. That a trial has a placebo arm is public registry data; it says
 * nothing about which arm a participant is in, so any viewer may be told.
 */
export async function trialHasPlaceboArm({
  trialId,
  db = prisma,
}: {
  trialId: string;
  db?: Db | Tx;
}): Promise<boolean> {
  const [placeboTyped, version] = await Promise.all([
    db.arm.count({ where: { trialId, type: { in: [...PLACEBO_ARM_TYPES] } } }),
    db.protocolVersion.findFirst({
      where: { trialId },
      orderBy: { number: 'desc' },
      select: { dosing: { select: { protocol: true } } },
    }),
  ]);
  if (placeboTyped > 0) return true;
  return (version?.dosing ?? []).some(
    (row) => dosingProtocolSchema.safeParse(row.protocol).data?.doseMode === 'PLACEBO',
  );
}
