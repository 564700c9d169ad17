import 'server-only';
import type { AuditFn } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';

export type ListReadContext = { audit: AuditFn };

/**
 * The PHI access log for reads that show many records at once (a list page, a
 * search, the review queue, an export): one event per read, listing the ids that
 * were shown, so a reviewer can answer "who saw this person's record, and where".
 * A read that showed nobody is not an access and is not logged. The caller logs
 * before handing the records out, so no list leaves without its entry.
 */
export async function recordListRead(
  ctx: ListReadContext,
  event: {
    action: 'candidate.list' | 'review_queue.list';
    entityType: 'Candidate';
    ids: readonly string[];
    query?: Record<string, unknown>;
  },
): Promise<void> {
  if (event.ids.length === 0) return;
  const ids = [...new Set(event.ids)];
  await prisma.$transaction((tx) =>
    ctx.audit(tx, {
      action: event.action,
      entityType: event.entityType,
      after: { count: ids.length, ids, ...(event.query ? { query: event.query } : {}) },
    }),
  );
}
