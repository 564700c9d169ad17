import 'server-only';
import { type ListReadContext, recordListRead } from '@/lib/audit/record-list-read';
import { prisma } from '@/lib/db';
import { DECISION_STAGES } from '@/lib/eligibility/record-decision-stage';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PipelineStageValue, ReviewQueueQuery } from '@/lib/validations/candidates';
import { TRIAL_LABEL_SQL, toIsoDate } from './mappers';
import type { ReviewQueueItem, ReviewQueueOverall } from './types';

/** A queue longer than this is a backlog to clear, not a page to scroll. */
const MAX_QUEUE = 500;

/** Results a clinician decides on; an INCOMPLETE check waits for screening data first. */
const AWAITING_DECISION: readonly ReviewQueueOverall[] = ['PENDING_REVIEW', 'PENDING_SIGNATURE', 'INELIGIBLE'];

type Row = {
  checkId: string;
  candidateId: string;
  trialId: string;
  overall: ReviewQueueOverall;
  createdAt: Date;
  asOf: Date;
  needsReview: number;
  criteria: number;
  draftSavedAt: Date | null;
  firstName: string;
  lastName: string;
  mrn: string;
  dateOfBirth: Date;
  trialLabel: string;
  stage: PipelineStageValue;
  coordinatorId: string | null;
  coordinatorName: string | null;
};

/**
 * Eligibility checks awaiting a clinician, the longest-waiting first: per candidate and trial
 * the newest check (the only one that can be signed), when it is unsigned, ran on the trial's
 * current protocol version, ended PENDING_REVIEW / PENDING_SIGNATURE / INELIGIBLE, and the
 * candidate (not voided) is at a pipeline stage a signed decision can move
 * (record-decision-stage.ts). Candidates without a check are not here: there is nothing to
 * review yet. The read is logged (`review_queue.list`) before the rows leave.
 */
export async function listReviewQueue(ctx: ListReadContext, query: ReviewQueueQuery = {}): Promise<ReviewQueueItem[]> {
  const trialFilter = query.trialId ? Prisma.sql`WHERE c."trialId" = ${query.trialId}` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH latest AS (
      SELECT DISTINCT ON (c."candidateId", c."trialId")
        c.id, c."candidateId", c."trialId", c."protocolVersionId", c.overall, c."createdAt", c."asOf", c.results,
        c."signedAt"
      FROM "EligibilityCheck" c
      ${trialFilter}
      ORDER BY c."candidateId", c."trialId", c."createdAt" DESC, c.id DESC
    )
    SELECT l.id AS "checkId", l."candidateId", l."trialId", l.overall::text AS overall, l."createdAt", l."asOf",
      (SELECT count(*)::int FROM jsonb_array_elements(l.results) e WHERE e->>'result' = 'NEEDS_REVIEW') AS "needsReview",
      jsonb_array_length(l.results)::int AS criteria,
      d."savedAt" AS "draftSavedAt",
      cand."firstName", cand."lastName", cand.mrn, cand."dateOfBirth",
      ${Prisma.raw(TRIAL_LABEL_SQL)} AS "trialLabel",
      p.stage::text AS stage,
      u.id AS "coordinatorId", u.name AS "coordinatorName"
    FROM latest l
    JOIN "Candidate" cand ON cand.id = l."candidateId" AND cand."voidedAt" IS NULL
    JOIN "Trial" t ON t.id = l."trialId"
    JOIN "PipelineEntry" p ON p."candidateId" = l."candidateId" AND p."trialId" = l."trialId"
    LEFT JOIN "EligibilityReviewDraft" d ON d."checkId" = l.id
    LEFT JOIN "User" u ON u.id = cand."assignedCoordinatorId"
    WHERE l."signedAt" IS NULL
      AND l.overall = ANY(${[...AWAITING_DECISION]}::"EligibilityOverall"[])
      AND p.stage = ANY(${[...DECISION_STAGES]}::"PipelineStage"[])
      AND l."protocolVersionId" = (
        SELECT pv.id FROM "ProtocolVersion" pv WHERE pv."trialId" = l."trialId" ORDER BY pv.number DESC LIMIT 1
      )
    ORDER BY l."createdAt" ASC, l.id ASC
    LIMIT ${MAX_QUEUE}`;

  await recordListRead(ctx, {
    action: 'review_queue.list',
    entityType: 'Candidate',
    ids: rows.map((row) => row.candidateId),
    query: { ...query },
  });
  const now = Date.now();
  return rows.map((row) => ({
    checkId: row.checkId,
    candidateId: row.candidateId,
    firstName: row.firstName,
    lastName: row.lastName,
    mrn: row.mrn,
    dateOfBirth: toIsoDate(row.dateOfBirth),
    trialId: row.trialId,
    trialLabel: row.trialLabel,
    stage: row.stage,
    status: { overall: row.overall, needsReview: row.needsReview, criteria: row.criteria },
    checkedAt: row.createdAt.toISOString(),
    ageMinutes: Math.max(0, Math.floor((now - row.createdAt.getTime()) / 60_000)),
    asOf: toIsoDate(row.asOf),
    draftSavedAt: row.draftSavedAt?.toISOString() ?? null,
    href: `/candidates/${row.candidateId}/eligibility/${row.checkId}`,
    coordinator: row.coordinatorId ? { id: row.coordinatorId, name: row.coordinatorName ?? '' } : null,
  }));
}
