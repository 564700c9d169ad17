import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import type { VisitPatchInput } from '@/lib/validations/infusions';
import { cancelVisit } from './cancel-visit';
import { markMissed, type MarkMissedResult } from './mark-missed';
import { rescheduleVisit, type RescheduleResult } from './reschedule-visit';
import type { VisitDto } from './types';

export type UpdateVisitResult =
  | ({ action: 'RESCHEDULED' } & RescheduleResult)
  | ({ action: 'MISSED' } & MarkMissedResult)
  | { action: 'CANCELLED'; visit: VisitDto };

/** PATCH /api/v1/visits/{id}: a move (new time and/or chair) or a status change to MISSED or CANCELLED. */
export async function updateVisit({
  visitId,
  input,
  ctx,
}: {
  visitId: string;
  input: VisitPatchInput;
  ctx: ActorContext;
}): Promise<UpdateVisitResult> {
  const { reason, version } = input;
  if (input.status === 'MISSED')
    return { action: 'MISSED', ...(await markMissed({ visitId, input: { reason, version }, ctx })) };
  if (input.status === 'CANCELLED')
    return { action: 'CANCELLED', visit: await cancelVisit({ visitId, input: { reason, version }, ctx }) };
  return {
    action: 'RESCHEDULED',
    ...(await rescheduleVisit({
      visitId,
      input: { scheduledAt: input.scheduledAt, chairId: input.chairId, reason, version },
      ctx,
    })),
  };
}
