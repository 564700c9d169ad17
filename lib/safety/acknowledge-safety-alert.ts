import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

/**
 * A clinician acknowledges an open alert, saying what they did. Once only (409 after):
 * the row is then closed for good (a trigger refuses any other change). Audited.
 */
export async function acknowledgeSafetyAlert(options: {
  alertId: string;
  action: string;
  ctx: ActorContext;
  now?: Date;
}) {
  const { alertId, action, ctx, now = new Date() } = options;
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      Array<{ status: string }>
    >`SELECT "status"::text AS status FROM "SafetyAlert" WHERE "id" = ${alertId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError('NOT_FOUND', 'This safety alert does not exist.');
    if (locked[0].status !== 'OPEN') throw new AppError('CONFLICT', 'This safety alert has already been acknowledged.');
    const row = await tx.safetyAlert.update({
      where: { id: alertId },
      data: { status: 'ACKNOWLEDGED', acknowledgedById: ctx.user.id, acknowledgedAt: now, action },
    });
    const after = { id: row.id, status: row.status, acknowledgedAt: now.toISOString(), action };
    await ctx.audit(tx, { action: 'safety_alert.acknowledge', entityType: 'SafetyAlert', entityId: row.id, after });
    return after;
  });
}
