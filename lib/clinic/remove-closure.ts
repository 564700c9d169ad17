import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

/**
 * Admin: reopens a day. Closures are configuration, not clinical data, so the row is
 * deleted; the audit event `clinic.closure_remove` keeps what it was.
 */
export async function removeClosure({ id, ctx }: { id: string; ctx: ActorContext }): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const closure = await tx.clinicClosure.findUnique({ where: { id } });
    if (!closure) throw new AppError('NOT_FOUND', 'This closure does not exist.');
    await tx.clinicClosure.delete({ where: { id } });
    await ctx.audit(tx, {
      action: 'clinic.closure_remove',
      entityType: 'ClinicClosure',
      entityId: id,
      before: { date: closure.date.toISOString().slice(0, 10), reason: closure.reason },
    });
    return { id };
  });
}
