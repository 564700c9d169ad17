import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors/app-error';
import { addToTrialPipeline, alreadyInPipeline } from '@/lib/pipeline/add-to-trial-pipeline';
import type { CandidateInput } from '@/lib/validations/candidates';
import { assertAssignableCoordinator } from './assert-coordinator';
import { duplicateMrn } from './candidate-errors';
import { findPossibleDuplicates } from './find-possible-duplicates';
import { loadCandidateDetail } from './load-candidate-detail';
import { fromIsoDate, toDbSex } from './mappers';
import type { CandidateDetail } from './types';
import { isUniqueViolation } from './unique-violation';

/**
 * Logs a referral: the candidate, optionally their place at REFERRED in one
 * trial's pipeline, and the audit events, all in one transaction.
 *
 * - The same MRN → 409 on `mrn` (details.candidateId names the existing record).
 * - The same date of birth and a similar name → 409 "Possible duplicate" with
 *   details.matches, unless `duplicateOverrideReason` says why this is someone
 *   else; then the reason is stored on the record and audited.
 */
export async function createCandidate({
  input,
  ctx,
}: {
  input: CandidateInput;
  ctx: ActorContext;
}): Promise<CandidateDetail> {
  const existing = await prisma.candidate.findUnique({ where: { mrn: input.mrn }, select: { id: true } });
  if (existing) throw duplicateMrn(existing.id);

  let id: string;
  try {
    id = await prisma.$transaction(async (tx) => {
      // Creations with the same birth date queue here, so each one's duplicate check
      // sees the ones before it: without this, parallel same-person referrals all
      // passed the check and skipped the required reason. Same-birth-date people are
      // few, so this serializes almost nothing else.
      await lockBirthDate(tx, input.dateOfBirth);
      const matches = await findPossibleDuplicates(input, tx);
      if (matches.length > 0 && !input.duplicateOverrideReason) {
        throw new AppError('CONFLICT', 'Possible duplicate', { details: { reason: 'POSSIBLE_DUPLICATE', matches } });
      }
      const overrideReason = matches.length > 0 ? (input.duplicateOverrideReason ?? null) : null;
      if (input.assignedCoordinatorId) await assertAssignableCoordinator({ tx, userId: input.assignedCoordinatorId });
      const data = {
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: fromIsoDate(input.dateOfBirth),
        sex: toDbSex(input.sex),
        mrn: input.mrn,
        phone: input.phone,
        email: input.email ?? null,
        preferredContactMethod: input.preferredContactMethod ?? null,
        preferredLanguage: input.preferredLanguage ?? null,
        isVeteran: input.isVeteran ?? null,
        referralSource: input.referralSource,
        referringProvider: input.referringProvider ?? null,
        referringContact: input.referringContact ?? null,
        referralDate: fromIsoDate(input.referralDate),
        notes: input.notes ?? null,
        assignedCoordinatorId: input.assignedCoordinatorId ?? null,
        duplicateOverrideReason: overrideReason,
      };
      const candidate = await tx.candidate.create({ data, select: { id: true } });
      await ctx.audit(tx, {
        action: 'candidate.create',
        entityType: 'Candidate',
        entityId: candidate.id,
        after: { ...data, dateOfBirth: input.dateOfBirth, referralDate: input.referralDate, sex: input.sex },
      });
      if (overrideReason) {
        await ctx.audit(tx, {
          action: 'candidate.duplicate_override',
          entityType: 'Candidate',
          entityId: candidate.id,
          after: { possibleDuplicates: matches.map((match) => ({ id: match.id, mrn: match.mrn })) },
          reason: overrideReason,
        });
      }
      if (input.trialId) await addToTrialPipeline({ tx, candidateId: candidate.id, trialId: input.trialId, ctx });
      return candidate.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'mrn')) throw duplicateMrn();
    if (isUniqueViolation(error, 'trialId')) throw alreadyInPipeline();
    throw error;
  }

  const detail = await loadCandidateDetail({ id, viewerId: ctx.user.id });
  if (!detail) throw new AppError('NOT_FOUND', 'This candidate does not exist.');
  return detail;
}

/** A transaction-scoped advisory lock on the birth date (released at commit or rollback). */
async function lockBirthDate(tx: Tx, dateOfBirth: string): Promise<void> {
  await tx.$executeRaw(
    Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`candidate-dob:${dateOfBirth}`}, 0))`,
  );
}
