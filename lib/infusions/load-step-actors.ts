import 'server-only';
import { prisma } from '@/lib/db';

export type StepActor = { by: string; at: string };

/**
 * Who did each infusion-day step and when, read from the audit trail (the record rows keep
 * the time but not always the person): keyed by `<action>:<entityId>`, the latest event wins.
 */
export async function loadStepActors(entityIds: string[]): Promise<Map<string, StepActor>> {
  if (entityIds.length === 0) return new Map();
  const events = await prisma.auditEvent.findMany({
    where: {
      entityId: { in: entityIds },
      action: {
        in: [
          'visit.check_in',
          'visit.hold_override',
          'visit.discharge',
          'vital_sign.record',
          'adverse_event.create',
          'infusion.administer',
          'dose.verify',
        ],
      },
    },
    select: { action: true, entityId: true, createdAt: true, actorLabel: true, actor: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const actors = new Map<string, StepActor>();
  for (const event of events) {
    actors.set(`${event.action}:${event.entityId}`, {
      by: event.actor?.name ?? event.actorLabel ?? 'Unknown',
      at: event.createdAt.toISOString(),
    });
  }
  return actors;
}
