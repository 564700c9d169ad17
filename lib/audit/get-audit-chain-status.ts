import 'server-only';
import { type Db, prisma } from '@/lib/db';
import { verifyAuditChainFull, verifyAuditChainIncremental } from './verify-audit-chain';

/** A full walk runs in the background when the last one is older than this. */
const FULL_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

export type AuditChainStatus = {
  isValid: boolean;
  /** The first problem ever found (it stays until the trail is restored from a backup). */
  failure: string | null;
  failureFoundAt: Date | null;
  verifiedThrough: number;
  /** More events are waiting than one page load verifies; the next load continues. */
  isPartial: boolean;
  lastFullCheckAt: Date | null;
  isFullCheckDue: boolean;
};

/**
 * The admin dashboard's view of the audit chain: the events written since the last
 * checkpoint are verified now (cheap: each event is verified once), and any failure a
 * check has ever recorded (incremental, full, or `npm run audit:verify`) is shown.
 */
export async function getAuditChainStatus(db: Db = prisma, now = new Date()): Promise<AuditChainStatus> {
  let current: Awaited<ReturnType<typeof verifyAuditChainIncremental>>;
  try {
    current = await verifyAuditChainIncremental(db);
  } catch (error) {
    // A missing AUDIT_KEY is itself something the admins must see, not a broken page.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      isValid: false,
      failure: `The audit chain could not be checked: ${reason}`,
      failureFoundAt: now,
      verifiedThrough: 0,
      isPartial: false,
      lastFullCheckAt: null,
      isFullCheckDue: false,
    };
  }
  const [failure, lastFull] = await Promise.all([
    db.auditChainCheck.findFirst({ where: { isValid: false }, orderBy: { checkedAt: 'asc' } }),
    db.auditChainCheck.findFirst({ where: { kind: 'FULL' }, orderBy: { checkedAt: 'desc' } }),
  ]);
  const failureText = current.problem?.message ?? failure?.failure ?? null;
  return {
    isValid: failureText === null,
    failure: failureText,
    failureFoundAt: current.problem ? now : (failure?.checkedAt ?? null),
    verifiedThrough: current.verifiedThrough,
    isPartial: current.isPartial,
    lastFullCheckAt: lastFull?.checkedAt ?? null,
    isFullCheckDue: !lastFull || now.getTime() - lastFull.checkedAt.getTime() > FULL_CHECK_INTERVAL_MS,
  };
}

/**
 * The background full walk: catches changes to events that incremental checks verified
 * long ago. Its result is recorded like any check; a failure here must not surface as an
 * unhandled rejection after the response has gone.
 */
export async function runFullAuditCheck(db: Db = prisma): Promise<void> {
  try {
    await verifyAuditChainFull(db);
  } catch (error) {
    console.error('[audit chain] full check failed to run:', error);
  }
}
