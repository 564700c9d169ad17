import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { Closure } from '@/lib/validations/scheduling';
import { ACTIVE_VISIT_STATUSES } from '@/lib/visits/types';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';
import { addDaysToDate } from '@/lib/scheduling/local-date';

export type AddClosureResult = {
  closure: { id: string; date: string; reason: string };
  /** Booked visits on that day: they stay booked and must be moved by a coordinator. */
  affectedVisitIds: string[];
};

/** Admin: closes the clinic on a day (holiday, training day). Audited `clinic.closure_add`. */
export async function addClosure({ input, ctx }: { input: Closure; ctx: ActorContext }): Promise<AddClosureResult> {
  return prisma.$transaction(async (tx) => {
    const date = new Date(`${input.date}T00:00:00.000Z`);
    if (await tx.clinicClosure.findUnique({ where: { date } })) {
      throw new AppError('CONFLICT', `${input.date} is already listed as a closure`, {
        fields: { date: [`${input.date} is already listed as a closure`] },
      });
    }
    const closure = await tx.clinicClosure.create({ data: { date, reason: input.reason } });
    const settings = await tx.clinicSettings.findUniqueOrThrow({ where: { id: 'clinic' } });
    const dayStart = zonedTimeToUtc({ date: input.date, time: '00:00', timeZone: settings.timeZone });
    const dayEnd = zonedTimeToUtc({ date: addDaysToDate(input.date, 1), time: '00:00', timeZone: settings.timeZone });
    const affected = await tx.visit.findMany({
      where: { scheduledAt: { gte: dayStart, lt: dayEnd }, status: { in: [...ACTIVE_VISIT_STATUSES] } },
      select: { id: true },
    });
    const dto = { id: closure.id, date: input.date, reason: closure.reason };
    await ctx.audit(tx, {
      action: 'clinic.closure_add',
      entityType: 'ClinicClosure',
      entityId: closure.id,
      after: { ...dto, affectedVisits: affected.length },
    });
    return { closure: dto, affectedVisitIds: affected.map((visit) => visit.id) };
  });
}
