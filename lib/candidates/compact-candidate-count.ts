import 'server-only';
import { prisma } from '@/lib/db';
import { logRequestError } from '@/lib/errors/log-request-error';
import { toAppError } from '@/lib/errors/to-app-error';
import { COMPACT_AFTER_ROWS, compactCandidateCount } from './candidate-count';

let compacting: Promise<unknown> | null = null;

/**
 * After a list read summed `deltaRows` rows of the running count: when there are many,
 * folds them into one, one compaction at a time per process, without holding up the read
 * (the read's total is already exact; this only keeps the next sums short). A failure is
 * logged and the rows simply wait for the next read.
 */
export function compactCandidateCountWhenLong(deltaRows: number): void {
  if (deltaRows <= COMPACT_AFTER_ROWS || compacting) return;
  compacting = compactCandidateCount(prisma)
    .catch((error: unknown) => logRequestError('candidate count compaction', error, toAppError(error)))
    .finally(() => {
      compacting = null;
    });
}
