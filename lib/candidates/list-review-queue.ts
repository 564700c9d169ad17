import 'server-only';
import { prisma } from '@/lib/db';
import type { ReviewQueueQuery } from '@/lib/validations/candidates';
import { toIsoDate, trialLabel } from './mappers';
import type { ReviewQueueItem } from './types';

/** A queue longer than this is a backlog to clear, not a page to scroll. */
const MAX_QUEUE = 500;

/** Candidates waiting for a clinician's eligibility review, the longest-waiting first. */
export async function listReviewQueue(query: ReviewQueueQuery = {}): Promise<ReviewQueueItem[]> {
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
