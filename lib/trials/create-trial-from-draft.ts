import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db';
import type { TrialDraft } from '@/lib/validations/trials';
import { newProvenance } from '@/lib/provenance/merge-provenance';
import { timepointCode } from './timepoint-code';

type Options = {
  tx: Tx;
  draft: TrialDraft;
  source: 'MANUAL' | 'CTGOV_IMPORT' | 'SEED';
  actorId: string | null;
};

const json = (value: unknown) => (value === null || value === undefined ? undefined : (value as Prisma.InputJsonValue));

/**
 * Writes a complete trial record (trial, sites, arms, interventions, outcomes and
 * protocol version 1 with criteria, dosing and assessment plan) inside the
 * caller's transaction. The caller writes the audit event in the same transaction.
 */
export async function createTrialFromDraft({ tx, draft, source, actorId }: Options) {
  const trial = await tx.trial.create({
    data: {
      nctId: draft.nctId,
      protocolNumber: draft.protocolNumber,
      title: draft.title,
      shortTitle: draft.shortTitle,
      phases: draft.phases,
      overallStatus: draft.overallStatus,
      studyType: draft.studyType,
      allocation: draft.allocation,
      masking: draft.masking,
      leadSponsor: draft.leadSponsor,
      collaborators: draft.collaborators,
      principalInvestigator: draft.principalInvestigator,
      conditions: draft.conditions,
      targetEnrollment: draft.targetEnrollment,
      startDate: draft.startDate,
      completionDate: draft.completionDate,
      briefSummary: draft.briefSummary,
      coverageNote: draft.coverageNote,
      source,
      sites: { create: draft.sites },
    },
  });

  const armIdByLabel = new Map<string, string>();
  for (const [position, arm] of draft.arms.entries()) {
    const created = await tx.arm.create({
      data: {
        trialId: trial.id,
        label: arm.label,
        type: arm.type,
        description: arm.description,
        allocationWeight: arm.allocationWeight,
        position,
      },
    });
    armIdByLabel.set(arm.label, created.id);
  }

  for (const intervention of draft.interventions) {
    const armIds = intervention.armLabels
      .map((label) => armIdByLabel.get(label))
      .filter((id): id is string => Boolean(id));
    await tx.intervention.create({
      data: {
        trialId: trial.id,
        type: intervention.type,
        name: intervention.name,
        description: intervention.description,
        arms: { create: armIds.map((armId) => ({ armId })) },
      },
    });
  }

  if (draft.outcomes.length > 0) {
    await tx.trialOutcome.createMany({
      data: draft.outcomes.map((outcome, position) => ({ ...outcome, position, trialId: trial.id })),
    });
  }

  const version = await tx.protocolVersion.create({
    data: { trialId: trial.id, number: 1, createdById: actorId, reason: null },
  });
  const now = new Date();
  await tx.criterion.createMany({
    data: draft.criteria.map((criterion, position) => ({
      protocolVersionId: version.id,
      kind: criterion.kind,
      position,
      text: criterion.text,
      rule: json(criterion.rule),
      suggestedRule: json(criterion.suggestedRule),
      ruleConfirmedById: criterion.rule ? actorId : null,
      ruleConfirmedAt: criterion.rule ? now : null,
      // Assumptions start unconfirmed whoever creates the trial: only the audited confirm action confirms one.
      provenance: json(newProvenance(criterion.provenance)),
    })),
  });
  await tx.armDosing.createMany({
    data: draft.arms.map((arm) => ({
      protocolVersionId: version.id,
      armId: armIdByLabel.get(arm.label)!,
      protocol: json(arm.dosing),
      suggestedProtocol: json(arm.suggestedDosing),
      provenance: json(newProvenance(arm.dosingProvenance)),
    })),
  });
  await tx.assessmentPlanItem.createMany({
    data: draft.assessmentPlan.map((item) => ({
      protocolVersionId: version.id,
      instrument: item.instrument,
      timepoint: timepointCode(item.timepoint),
      windowBeforeDays: item.windowBeforeDays,
      windowAfterDays: item.windowAfterDays,
      provenance: json(newProvenance(item.provenance)),
    })),
  });
  return { trial, protocolVersion: version, armIdByLabel };
}
