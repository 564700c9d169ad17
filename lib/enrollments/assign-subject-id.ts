import 'server-only';
import type { Db, Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { formatSubjectId, parseSubjectIdPattern } from './subject-id-pattern';

/**
 * The next subject ID of a trial, e.g. "KET-007". The counter row is bumped with one upsert,
 * which holds its row lock until the caller's transaction ends: concurrent enrolments queue
 * there and get distinct, consecutive numbers, and a rolled-back enrolment gives its number
 * back. The pattern is read after the bump, so a pattern change (which takes the same lock,
 * ./set-subject-id-pattern.ts) is either wholly before or wholly after.
 * The unique (trialId, subjectId) index is the last guard.
 */
export async function assignSubjectId({ tx, trialId }: { tx: Tx | Db; trialId: string }): Promise<string> {
  const [counter] = await tx.$queryRaw<Array<{ lastNumber: number }>>`
    INSERT INTO "SubjectIdCounter" ("trialId", "lastNumber", "updatedAt")
    VALUES (${trialId}, 1, CURRENT_TIMESTAMP)
    ON CONFLICT ("trialId") DO UPDATE
      SET "lastNumber" = "SubjectIdCounter"."lastNumber" + 1, "updatedAt" = CURRENT_TIMESTAMP
    RETURNING "lastNumber"`;
  const trial = await tx.trial.findUnique({ where: { id: trialId }, select: { subjectIdPattern: true } });
  if (!trial) throw new AppError('NOT_FOUND', 'This trial does not exist.');
  const parsed = parseSubjectIdPattern(trial.subjectIdPattern);
  if (!parsed.ok)
    throw new AppError('CONFLICT', `The trial's subject ID pattern is not valid: ${parsed.message}`, {
      details: { reason: 'SUBJECT_ID_PATTERN_INVALID' },
    });
  return formatSubjectId(parsed.pattern, counter.lastNumber);
}
