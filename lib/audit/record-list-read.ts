import 'server-only';
import type { AuditFn } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';

export type ListReadContext = { audit: AuditFn };

type ListReadEvent = {
  action: 'candidate.list' | 'review_queue.list';
  entityType: 'Candidate';
  ids: readonly string[];
  query?: Record<string, unknown>;
};

type Waiting = { ctx: ListReadContext; event: ListReadEvent; resolve: () => void; reject: (error: unknown) => void };

/** Events sealed in one transaction at most; the rest wait for the next. */
const MAX_BATCH = 100;

// Group commit. Every audit event takes the chain lock (lib/audit/audit-chain.ts)
// until its transaction commits, so list reads written one transaction each
// queue behind one another: with 50 people on the list at once, the wait for the
// lock was most of the response time. Reads that arrive while a batch is being
// written wait for the next batch and are written together, each still its own
// event with its own actor. Every caller still waits until its event has
// committed, so no list leaves without its entry.
let waiting: Waiting[] = [];
let isWriting = false;

function write(batch: Waiting[]): Promise<void> {
  return prisma.$transaction(async (tx) => {
    for (const { ctx, event } of batch) {
      const ids = [...new Set(event.ids)];
      await ctx.audit(tx, {
        action: event.action,
        entityType: event.entityType,
        after: { count: ids.length, ids, ...(event.query ? { query: event.query } : {}) },
      });
    }
  });
}

/** Writes the batch; if it fails, each read alone, so one caller's failing audit fails only that read. */
async function settle(batch: Waiting[]): Promise<void> {
  try {
    await write(batch);
    for (const item of batch) item.resolve();
  } catch (error) {
    if (batch.length === 1) {
      batch[0].reject(error);
      return;
    }
    for (const item of batch) await write([item]).then(item.resolve, item.reject);
  }
}

function writeBatch() {
  const batch = waiting.slice(0, MAX_BATCH);
  waiting = waiting.slice(MAX_BATCH);
  isWriting = true;
  void settle(batch).finally(() => {
    isWriting = false;
    if (waiting.length > 0) writeBatch();
  });
}

/**
 * The PHI access log for reads that show many records at once (a list page, a
 * search, the review queue, an export): one event per read, listing the ids that
 * were shown, so a reviewer can answer "who saw this person's record, and where".
 * A read that showed nobody is not an access and is not logged. The caller logs
 * before handing the records out, so no list leaves without its entry.
 */
export function recordListRead(ctx: ListReadContext, event: ListReadEvent): Promise<void> {
  if (event.ids.length === 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    waiting.push({ ctx, event, resolve, reject });
    if (!isWriting) writeBatch();
  });
}
