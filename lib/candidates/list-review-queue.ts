import 'server-only';
import { type ListReadContext, recordListRead } from '@/lib/audit/record-list-read';
import { prisma } from '@/lib/db';
import type { ReviewQueueQuery } from '@/lib/validations/candidates';
import { toIsoDate, trialLabel } from './mappers';
import type { ReviewQueueItem } from './types';

/** A queue longer than this is a backlog to clear, not a page to scroll. */
const MAX_QUEUE = 500;

/** Candidates waiting for a clinician's eligibility review, the longest-waiting first; the read is logged (`review_queue.list`). */
export async function listReviewQueue(ctx: ListReadContext, query: ReviewQueueQuery = {}): Promise<ReviewQueueItem[]> {
  const entries = await prisma.pipelineEntry.findMany({
    where: {
      stage: 'AWAITING_REVIEW',
      candidate: { voidedAt: null },
      ...(query.trialId ? { trialId: query.trialId } : {}),
    },
    orderBy: [{ stageChangedAt: 'asc' }, { id: 'asc' }],
    take: MAX_QUEUE,
    select: {
      id: true,
      stageChangedAt: true,
      trial: { select: { id: true, acronym: true, shortTitle: true, title: true } },
      candidate: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          mrn: true,
          dateOfBirth: true,
          assignedCoordinator: { select: { id: true, name: true } },
        },
      },
    },
  });
  await recordListRead(ctx, {
    action: 'review_queue.list',
    entityType: 'Candidate',
    ids: entries.map((entry) => entry.candidate.id),
    query: { ...query },
  });
  return entries.map((entry) => ({
    pipelineEntryId: entry.id,
    candidateId: entry.candidate.id,
    firstName: entry.candidate.firstName,
    lastName: entry.candidate.lastName,
    mrn: entry.candidate.mrn,
    dateOfBirth: toIsoDate(entry.candidate.dateOfBirth),
    trialId: entry.trial.id,
    trialLabel: trialLabel(entry.trial),
    since: entry.stageChangedAt.toISOString(),
    coordinator: entry.candidate.assignedCoordinator,
  }));
}
