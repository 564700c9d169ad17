import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { loadAllocationGate } from '@/lib/blinding/allocation-gate';
import { getClinicClock } from '@/lib/clinic/clock';
import { CONSENT_DOCUMENT_SELECT, toConsentDocumentDto } from '@/lib/consent/to-consent-document-dto';
import { movableNextStages } from '@/lib/pipeline/transitions';
import { loadVeteranStatus, type VeteranStatus } from './load-veteran-status';
import { fromDbSex, toIsoDate, trialLabel } from './mappers';
import type { CandidateDetail } from './types';

const TRIAL_NAME = { select: { id: true, acronym: true, shortTitle: true, title: true } } as const;
const TRIAL_WITH_MASKING = {
  select: { id: true, acronym: true, shortTitle: true, title: true, masking: true },
} as const;
const USER_REF = { select: { id: true, name: true } } as const;

/**
 * The candidate page's data in one round of queries (Prisma batches the
 * relations), without writing anything. Callers that show it to a person go
 * through getCandidate, which logs the view. In a masked trial the arm is left out
 * unless the viewer may see this participant's allocation (lib/blinding/policy.ts).
 */
export async function loadCandidateDetail(options: {
  id: string;
  viewerId: string;
  db?: Tx | typeof prisma;
}): Promise<CandidateDetail | null> {
  const { id, viewerId, db = prisma } = options;
  const gate = await loadAllocationGate({ userId: viewerId, db });
  const candidate = await db.candidate.findUnique({
    where: { id },
    include: {
      assignedCoordinator: USER_REF,
      pipelineEntries: {
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        include: {
          trial: TRIAL_WITH_MASKING,
          events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { actor: USER_REF } },
          enrollment: { include: { arm: { select: { id: true, label: true } } } },
          consents: {
            where: { voidedAt: null },
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
            take: 1,
            include: {
              obtainedBy: USER_REF,
              formVersion: { select: { id: true, label: true, retiredAt: true } },
              documents: { orderBy: { revision: 'desc' }, select: CONSENT_DOCUMENT_SELECT },
            },
          },
        },
      },
      contactAttempts: {
        where: { voidedAt: null },
        orderBy: [{ contactedAt: 'desc' }, { id: 'desc' }],
        include: { actor: USER_REF, trial: TRIAL_NAME },
      },
    },
  });
  if (!candidate) return null;
  const veteranStatus = await loadDisplayedVeteranStatus({ db, candidate });

  return {
    id: candidate.id,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    dateOfBirth: toIsoDate(candidate.dateOfBirth),
    sex: fromDbSex(candidate.sex),
    mrn: candidate.mrn,
    phone: candidate.phone,
    email: candidate.email,
    preferredContactMethod: candidate.preferredContactMethod,
    preferredLanguage: candidate.preferredLanguage,
    isVeteran: candidate.isVeteran,
    veteranStatus,
    referralSource: candidate.referralSource,
    referringProvider: candidate.referringProvider,
    referringContact: candidate.referringContact,
    referralDate: toIsoDate(candidate.referralDate),
    notes: candidate.notes,
    duplicateOverrideReason: candidate.duplicateOverrideReason,
    assignedCoordinatorId: candidate.assignedCoordinatorId,
    coordinator: candidate.assignedCoordinator,
    version: candidate.version,
    voided: candidate.voidedAt ? { at: candidate.voidedAt.toISOString(), reason: candidate.voidReason } : null,
    createdAt: candidate.createdAt.toISOString(),
    updatedAt: candidate.updatedAt.toISOString(),
    pipelines: candidate.pipelineEntries.map((entry) => {
      const consent = entry.consents[0];
      const showArm = entry.enrollment !== null && gate.canSee(entry.trial, entry.enrollment.id);
      return {
        id: entry.id,
        trialId: entry.trialId,
        trialLabel: trialLabel(entry.trial),
        stage: entry.stage,
        stageChangedAt: entry.stageChangedAt.toISOString(),
        enrollmentId: entry.enrollment?.id ?? null,
        subjectId: entry.enrollment?.subjectId ?? null,
        enrollmentStatus: entry.enrollment?.status ?? null,
        armId: showArm ? (entry.enrollment?.armId ?? null) : null,
        armLabel: showArm ? (entry.enrollment?.arm.label ?? null) : null,
        isAllocationMasked: entry.enrollment !== null && !showArm,
        history: entry.events.map((event) => ({
          fromStage: event.fromStage,
          toStage: event.toStage,
          reason: event.reason,
          actorName: event.actor?.name ?? null,
          at: event.createdAt.toISOString(),
        })),
        allowedNext: movableNextStages(entry.stage),
        consent: consent
          ? {
              id: consent.id,
              consentedOn: toIsoDate(consent.consentedOn),
              formVersion: {
                id: consent.formVersion.id,
                label: consent.formVersion.label,
                isRetired: consent.formVersion.retiredAt !== null,
              },
              obtainedBy: consent.obtainedBy,
              recordedAt: consent.createdAt.toISOString(),
              documents: consent.documents.map(toConsentDocumentDto),
            }
          : null,
      };
    }),
    contacts: candidate.contactAttempts.map((contact) => ({
      id: contact.id,
      trialId: contact.trialId,
      trialLabel: contact.trial ? trialLabel(contact.trial) : null,
      method: contact.method,
      outcome: contact.outcome,
      notes: contact.notes,
      contactedAt: contact.contactedAt.toISOString(),
      nextFollowUpOn: contact.nextFollowUpOn ? toIsoDate(contact.nextFollowUpOn) : null,
      actor: contact.actor,
    })),
  };
}

/**
 * The veteran answer the engine uses today (loadVeteranStatus). A voided candidate is never screened,
 * so the engine's loader skips it; its page shows the intake answer.
 */
async function loadDisplayedVeteranStatus({
  db,
  candidate,
}: {
  db: Tx | typeof prisma;
  candidate: { id: string; isVeteran: boolean | null; referralDate: Date; voidedAt: Date | null };
}): Promise<VeteranStatus | null> {
  if (candidate.voidedAt !== null) {
    return candidate.isVeteran === null
      ? null
      : { isVeteran: candidate.isVeteran, recordedOn: toIsoDate(candidate.referralDate) };
  }
  const asOf = (await getClinicClock({ db })).today();
  const load = (tx: Tx) => loadVeteranStatus({ tx, candidateId: candidate.id, asOf });
  // The engine's loader must run inside a transaction; getCandidate already passes one.
  return '$transaction' in db ? db.$transaction(load) : load(db);
}
