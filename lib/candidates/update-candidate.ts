import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors/app-error';
import type { CandidatePatch } from '@/lib/validations/candidates';
import { assertAssignableCoordinator } from './assert-coordinator';
import { duplicateMrn } from './candidate-errors';
import { loadCandidateDetail } from './load-candidate-detail';
import { fromDbSex, fromIsoDate, toDbSex, toIsoDate } from './mappers';
import type { CandidateDetail } from './types';
import { isUniqueViolation } from './unique-violation';

type Field = Exclude<keyof CandidatePatch, 'version'>;
type Current = Prisma.CandidateGetPayload<object>;

const DATE_FIELDS = new Set<Field>(['dateOfBirth', 'referralDate']);

function stale(currentVersion: number): AppError {
  return new AppError(
    'CONFLICT',
    'Someone else changed this candidate since you opened it. Reload to see their changes, then edit again.',
    {
      details: { reason: 'STALE_VERSION', currentVersion },
    },
  );
}

/** The field as the API speaks it (dates 'YYYY-MM-DD', sex in lower case). */
function apiValue(current: Current, field: Field): unknown {
  const value = current[field];
  if (value instanceof Date) return toIsoDate(value);
  if (field === 'sex') return fromDbSex(current.sex);
  return value ?? null;
}

function dbValue(field: Field, value: unknown): unknown {
  if (value === null) return null;
  if (DATE_FIELDS.has(field)) return fromIsoDate(value as string);
  if (field === 'sex') return toDbSex(value as CandidatePatch['sex'] & string);
  return value;
}

/**
 * Edits a candidate with optimistic locking: the write only happens where the
 * row still has the version the client read (`updateMany where {id, version}`);
 * otherwise 409. Only fields that really change are written and audited
 * (`candidate.update` with before/after of those fields); the version goes up by one.
 */
export async function updateCandidate({
  id,
  input,
  ctx,
}: {
  id: string;
  input: CandidatePatch;
  ctx: ActorContext;
}): Promise<CandidateDetail> {
  const { version, ...fields } = input;
  try {
    await prisma.$transaction(async (tx) => {
      const current = await tx.candidate.findUnique({ where: { id } });
      if (!current) throw new AppError('NOT_FOUND', 'This candidate does not exist.');
      if (current.version !== version) throw stale(current.version);

      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const data: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(fields) as Array<[Field, unknown]>) {
        if (value === undefined) continue;
        const next = value ?? null;
        const previous = apiValue(current, key);
        if (previous === next) continue;
        before[key] = previous;
        after[key] = next;
        data[key] = dbValue(key, next);
      }
      if (Object.keys(data).length === 0) return;

      if (typeof data.assignedCoordinatorId === 'string')
        await assertAssignableCoordinator({ tx, userId: data.assignedCoordinatorId });
      if (typeof data.mrn === 'string') {
        const holder = await tx.candidate.findUnique({ where: { mrn: data.mrn }, select: { id: true } });
        if (holder && holder.id !== id) throw duplicateMrn(holder.id);
      }

      const { count } = await tx.candidate.updateMany({
        where: { id, version },
        data: { ...(data as Prisma.CandidateUncheckedUpdateManyInput), version: { increment: 1 } },
      });
      if (count === 0) {
        const latest = await tx.candidate.findUnique({ where: { id }, select: { version: true } });
        throw stale(latest?.version ?? version);
      }
      await ctx.audit(tx, {
        action: 'candidate.update',
        entityType: 'Candidate',
        entityId: id,
        before: { ...before, version },
        after: { ...after, version: version + 1 },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'mrn')) throw duplicateMrn();
    throw error;
  }

  const detail = await loadCandidateDetail({ id, viewerId: ctx.user.id });
  if (!detail) throw new AppError('NOT_FOUND', 'This candidate does not exist.');
  return detail;
}
