import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { PossibleDuplicate } from './types';
import { fromIsoDate } from './mappers';
import { isSimilarName, NAME_SIMILARITY_THRESHOLD } from './name-similarity';

type Row = { id: string; firstName: string; lastName: string; dateOfBirth: string; mrn: string; score: number };

/** Same-birth-date people are few (a handful in 100,000), so all of them are scored. */
const MAX_SAME_BIRTH_DATE = 200;

/**
 * Candidates that may be the same person: the same date of birth and a similar
 * name. pg_trgm scores `lower(first || ' ' || last)` (and last-first, for
 * swapped fields) against the new name; the same-birth-date rows are also
 * scored on accent-free normalised names, so "José" matches "Jose".
 */
export async function findPossibleDuplicates(
  person: { firstName: string; lastName: string; dateOfBirth: string; excludeId?: string },
  db: Tx | typeof prisma = prisma,
): Promise<PossibleDuplicate[]> {
  const name = `${person.firstName} ${person.lastName}`.trim();
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT id, "firstName", "lastName", to_char("dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", mrn,
      greatest(
        similarity(lower("firstName" || ' ' || "lastName"), lower(${name})),
        similarity(lower("lastName" || ' ' || "firstName"), lower(${name}))
      )::float8 AS score
    FROM "Candidate"
    WHERE "dateOfBirth" = ${fromIsoDate(person.dateOfBirth)}::date
      AND "voidedAt" IS NULL
      ${person.excludeId ? Prisma.sql`AND id <> ${person.excludeId}` : Prisma.empty}
    ORDER BY score DESC, "lastName", "firstName", id
    LIMIT ${MAX_SAME_BIRTH_DATE}`);
  return rows
    .filter((row) => Number(row.score) > NAME_SIMILARITY_THRESHOLD || isSimilarName(row, person))
    .map(({ id, firstName, lastName, dateOfBirth, mrn }) => ({ id, firstName, lastName, dateOfBirth, mrn }));
}
