import 'server-only';
import type { Db, Tx } from '@/lib/db';
import type { EligibilityCandidate } from '@/lib/eligibility/types';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PipelineStage } from '@/lib/generated/prisma/enums';
import { toEligibilityCandidate, type CandidateRow } from '@/lib/screening/parse-candidate-row';

// The engine's view of candidates, straight from the database. A single check and
// the batch pre-screen both come through here, so they can never see different
// data. Each candidate comes back with, per code, only its latest non-voided
// value as of the check day (DISTINCT ON over the (candidateId, code, measuredOn
// DESC) index; on the same day the later entry wins), which is all the engine
// uses: older values would be superseded, and values after the check day did not
// exist yet on that day. The values are aggregated into one text column per
// candidate, so 10,000 candidates are 10,000 rows. Plain delimited text instead of
// JSON halves the database's share of a pre-screen; every field is a vocabulary
// code, a number, a boolean or a date, so the control-character separators cannot
// occur inside one.

export type CandidateSelection = {
  /** Only these candidates (unknown or voided ids are simply not returned). */
  candidateIds?: readonly string[];
  /** Leave out candidates with an enrolment in this trial. */
  notEnrolledInTrialId?: string;
  /** Only candidates whose pipeline in `trialId` is at `stage`. */
  atStage?: { trialId: string; stage: PipelineStage };
};

export type LoadOptions = {
  /** The check day (YYYY-MM-DD): values recorded after it are left out. */
  asOf: string;
  /** Only values of these codes (measurementCodesFor the protocol's criteria); default all. */
  codes?: readonly string[];
};

export type LoadedCandidate = { id: string; firstName: string; lastName: string; data: EligibilityCandidate };

/** A candidate as the statement returns it, before toEligibilityCandidate. */
export type CandidateDataRow = CandidateRow & { id: string; firstName: string; lastName: string };

function whereCandidates(selection: CandidateSelection): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`c."voidedAt" IS NULL`];
  if (selection.candidateIds !== undefined)
    conditions.push(Prisma.sql`c.id = ANY(${[...selection.candidateIds]}::text[])`);
  if (selection.notEnrolledInTrialId !== undefined) {
    conditions.push(
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "Enrollment" e WHERE e."candidateId" = c.id AND e."trialId" = ${selection.notEnrolledInTrialId})`,
    );
  }
  if (selection.atStage !== undefined) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "PipelineEntry" pe WHERE pe."candidateId" = c.id AND pe."trialId" = ${selection.atStage.trialId} AND pe.stage = ${selection.atStage.stage}::"PipelineStage")`,
    );
  }
  return conditions;
}

// Run inside a transaction: it turns PostgreSQL's JIT off for that transaction, because compiling the plan
// of a many-candidate statement cost more (~230 ms) than executing it.
async function queryCandidateRows({
  tx,
  selection,
  asOf,
  codes,
}: { tx: Tx; selection: CandidateSelection } & LoadOptions): Promise<CandidateDataRow[]> {
  const onlyCodes = codes === undefined ? Prisma.empty : Prisma.sql`AND m.code = ANY(${[...codes]}::text[])`;
  if (selection.candidateIds !== undefined && selection.candidateIds.length === 0) return [];
  await tx.$executeRaw`SET LOCAL jit = off`;
  return tx.$queryRaw<CandidateDataRow[]>`
    SELECT c.id, c."firstName", c."lastName", c."dateOfBirth"::text AS "dateOfBirth", c.sex::text AS sex, c."isVeteran",
           c."referralDate"::text AS "referralDate",
           (SELECT string_agg(
                     concat_ws(chr(31), x.kind::text, x.code, COALESCE(x."valueNum"::text, ''), COALESCE(x."valueBool"::text, ''),
                               COALESCE(x.uln::text, ''), COALESCE(x.lln::text, ''), COALESCE(x."lastDoseOn"::text, ''),
                               COALESCE(x."isCurrent"::text, ''), x."isNeverTaken"::text, x."measuredOn"::text),
                     chr(30))
            FROM (SELECT DISTINCT ON (m.code) m.*
                  FROM "Measurement" m
                  WHERE m."candidateId" = c.id AND m."voidedAt" IS NULL AND m."measuredOn" <= ${asOf}::date ${onlyCodes}
                  ORDER BY m.code, m."measuredOn" DESC, m."createdAt" DESC, m.id DESC) x) AS items
    FROM "Candidate" c
    WHERE ${Prisma.join(whereCandidates(selection), ' AND ')}
    ORDER BY c."lastName", c."firstName", c.id`;
}

/**
 * Non-voided candidates matching `selection`, ordered by name, each with the
 * engine's input built from its latest non-voided value per code as of `asOf`.
 * Run it inside a transaction (see queryCandidateRows).
 */
export async function loadCandidateData(
  options: { tx: Tx; selection: CandidateSelection } & LoadOptions,
): Promise<LoadedCandidate[]> {
  const rows = await queryCandidateRows(options);
  return rows.map((row) => ({
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    data: toEligibilityCandidate(row),
  }));
}

const BATCH_SIZE = 1_000;
const BATCHES_IN_FLIGHT = 3;

/**
 * loadCandidateData for many candidates (the pre-screen): the ids are listed
 * first, in name order, then loaded in batches of 1,000 with a few transactions
 * in flight, and yielded in order as each arrives, so the caller evaluates one
 * batch while the database reads the next. Rows come unparsed: the caller builds
 * each candidate's input (toEligibilityCandidate) just before evaluating it, so
 * those objects die young instead of waiting in a batch, where the garbage
 * collector had to copy them.
 */
export async function* loadCandidatesInBatches({
  db,
  selection,
  asOf,
  codes,
}: { db: Db; selection: CandidateSelection } & LoadOptions): AsyncGenerator<CandidateDataRow[]> {
  if (selection.candidateIds !== undefined && selection.candidateIds.length === 0) return;
  const idRows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "Candidate" c
    WHERE ${Prisma.join(whereCandidates(selection), ' AND ')}
    ORDER BY c."lastName", c."firstName", c.id`;
  // The ids were selected above; loading by id alone keeps each batch's order and membership.
  const load = (start: number) =>
    db.$transaction((tx) =>
      queryCandidateRows({
        tx,
        selection: { candidateIds: idRows.slice(start, start + BATCH_SIZE).map((row) => row.id) },
        asOf,
        codes,
      }),
    );
  const inFlight: Promise<CandidateDataRow[]>[] = [];
  let next = 0;
  const fill = () => {
    while (inFlight.length < BATCHES_IN_FLIGHT && next < idRows.length) {
      const pending = load(next);
      // Awaited in order below; this only keeps an early failure from being reported as unhandled meanwhile.
      pending.catch(() => {});
      inFlight.push(pending);
      next += BATCH_SIZE;
    }
  };
  fill();
  while (inFlight.length > 0) {
    const batch = await inFlight.shift()!;
    fill();
    yield batch;
  }
}
