import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { toScreeningWindowDto } from './get-trial';
import type { ActorContext } from '@/lib/auth/actor-context';
import type { ScreeningWindowDto } from './types';

type Options = { trialId: string; days: number; ctx: ActorContext };

const USER_REF = { select: { id: true, name: true } } as const;

/**
 * Sets a trial's screening window and records that an admin confirmed it (who,
 * when): until then the default is an assumption. Confirming the value already
 * there changes nothing the engine reads, so this is an audited in-place write
 * (`trial.screening_window`, before and after), not a protocol amendment; the
 * window each check used is in its audit event and in its explanations.
 */
export async function setScreeningWindow({ trialId, days, ctx }: Options): Promise<ScreeningWindowDto> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.trial.findUnique({
      where: { id: trialId },
      select: { screeningWindowDays: true, screeningWindowConfirmedAt: true, screeningWindowConfirmedBy: USER_REF },
    });
    if (!before) throw new AppError('NOT_FOUND', 'This trial does not exist.');
    const after = await tx.trial.update({
      where: { id: trialId },
      data: {
        screeningWindowDays: days,
        screeningWindowConfirmedAt: new Date(),
        screeningWindowConfirmedById: ctx.user.id,
      },
      select: { screeningWindowDays: true, screeningWindowConfirmedAt: true, screeningWindowConfirmedBy: USER_REF },
    });
    const previous = toScreeningWindowDto(before);
    const next = toScreeningWindowDto(after);
    await ctx.audit(tx, {
      action: 'trial.screening_window',
      entityType: 'Trial',
      entityId: trialId,
      before: {
        days: previous.days,
        confirmedAt: previous.confirmed?.at ?? null,
        confirmedById: previous.confirmed?.by.id ?? null,
      },
      after: { days: next.days, confirmedAt: next.confirmed?.at ?? null, confirmedById: next.confirmed?.by.id ?? null },
    });
    return next;
  });
}
