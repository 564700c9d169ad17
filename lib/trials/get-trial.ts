import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { DosingProtocol } from '@/lib/validations/dosing';
import type { RuleNode } from '@/lib/validations/eligibility';
import { isMaskedTrial } from '@/lib/blinding/policy';
import { listAssumptions, trialLevelAssumptions, type AssumptionEffect } from '@/lib/provenance/list-assumptions';
import { TRIAL_LEVEL_ASSUMPTION_SOURCES } from '@/lib/provenance/trial-level-assumptions';
import { readProvenance } from '@/lib/provenance/read-provenance';
import { ruleForEngine } from '@/lib/provenance/rule-assumptions';
import { countScreened } from './count-screened';
import type { ScreeningWindowDto, TrialArmDto, TrialDetail } from './types';

const USER_REF = { select: { id: true, name: true } } as const;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toScreeningWindowDto(trial: {
  screeningWindowDays: number;
  screeningWindowConfirmedAt: Date | null;
  screeningWindowConfirmedBy: { id: string; name: string } | null;
}): ScreeningWindowDto {
  const { screeningWindowConfirmedAt: at, screeningWindowConfirmedBy: by } = trial;
  return {
    days: trial.screeningWindowDays,
    confirmed: at !== null && by !== null ? { at: at.toISOString(), by } : null,
  };
}

/**
 * The trial as the API and the trial page show it, with the criteria, dosing and
 * assessment plan of protocol version `versionNumber` (default: the current,
 * highest-numbered one). Null when the trial or that version does not exist.
 * Writers pass their transaction so they answer with what they just committed.
 */
export async function readTrialDetail({
  tx,
  trialId,
  versionNumber,
}: {
  tx: Tx;
  trialId: string;
  versionNumber?: number;
}): Promise<TrialDetail | null> {
  const trial = await tx.trial.findUnique({
    where: { id: trialId },
    include: {
      sites: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      outcomes: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
      arms: {
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
        include: { _count: { select: { enrollments: true } } },
      },
      interventions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { arms: { select: { armId: true } } } },
      protocolVersions: {
        orderBy: { number: 'desc' },
        include: { createdBy: USER_REF, _count: { select: { criteria: true } } },
      },
      imports: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true, createdAt: true, changes: true, importedBy: USER_REF },
      },
      screeningWindowConfirmedBy: USER_REF,
      subjectIdPatternConfirmedBy: USER_REF,
      _count: { select: { enrollments: true } },
    },
  });
  if (!trial) return null;
  const current = trial.protocolVersions[0];
  const shown =
    versionNumber === undefined ? current : trial.protocolVersions.find((version) => version.number === versionNumber);
  if (!shown) return null;
  const isCurrentVersion = shown.id === current.id;

  const [criteria, dosing, plan, screened] = await Promise.all([
    tx.criterion.findMany({
      where: { protocolVersionId: shown.id },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      include: { ruleConfirmedBy: USER_REF },
    }),
    tx.armDosing.findMany({ where: { protocolVersionId: shown.id } }),
    tx.assessmentPlanItem.findMany({
      where: { protocolVersionId: shown.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    countScreened({ tx, trialId }),
  ]);
  const dosingByArm = new Map(dosing.map((row) => [row.armId, row]));
  // A past version shows only the arms it had (an arm added later has no dosing row in it).
  const arms = isCurrentVersion ? trial.arms : trial.arms.filter((arm) => dosingByArm.has(arm.id));
  const criterionProvenance = new Map(criteria.map((row) => [row.id, readProvenance(row.provenance)]));
  const assumptions = listAssumptions({
    criteria: criteria.map((row) => ({ ...row, provenance: criterionProvenance.get(row.id) ?? null })),
    arms: arms.flatMap((arm) => {
      const row = dosingByArm.get(arm.id);
      return row
        ? [
            {
              id: row.id,
              label: arm.label,
              protocol: (row.protocol ?? null) as DosingProtocol | null,
              provenance: readProvenance(row.provenance),
            },
          ]
        : [];
    }),
    plan: plan.map((row) => ({ ...row, provenance: readProvenance(row.provenance) })),
    trialLevel: trialLevelAssumptions(trial, TRIAL_LEVEL_ASSUMPTION_SOURCES),
  });

  const countOpen = (dosingRowId: string | undefined, effect: AssumptionEffect) =>
    assumptions.filter(
      (item) =>
        item.target === 'ARM_DOSING' &&
        item.rowId === dosingRowId &&
        item.effect === effect &&
        item.confirmedAt === null,
    ).length;

  return {
    id: trial.id,
    nctId: trial.nctId,
    protocolNumber: trial.protocolNumber,
    title: trial.title,
    shortTitle: trial.shortTitle,
    acronym: trial.acronym,
    phases: trial.phases,
    overallStatus: trial.overallStatus,
    studyType: trial.studyType,
    allocation: trial.allocation,
    masking: trial.masking,
    leadSponsor: trial.leadSponsor,
    collaborators: trial.collaborators,
    principalInvestigator: trial.principalInvestigator,
    conditions: trial.conditions,
    targetEnrollment: trial.targetEnrollment,
    enrolledCount: trial._count.enrollments,
    startDate: trial.startDate,
    completionDate: trial.completionDate,
    briefSummary: trial.briefSummary,
    coverageNote: trial.coverageNote,
    screeningWindow: toScreeningWindowDto(trial),
    source: trial.source,
    version: trial.version,
    createdAt: trial.createdAt.toISOString(),
    updatedAt: trial.updatedAt.toISOString(),
    sites: trial.sites.map(({ id, facility, city, state, country }) => ({ id, facility, city, state, country })),
    outcomes: trial.outcomes.map(({ id, kind, measure, description, timeFrame, position }) => ({
      id,
      kind,
      measure,
      description,
      timeFrame,
      position,
    })),
    interventions: trial.interventions.map((item) => ({
      id: item.id,
      type: item.type,
      name: item.name,
      description: item.description,
      armIds: item.arms.map((link) => link.armId).filter((armId) => arms.some((arm) => arm.id === armId)),
    })),
    arms: arms.map((arm): TrialArmDto => {
      const row = dosingByArm.get(arm.id);
      const confirmed = (row?.protocol ?? null) as DosingProtocol | null;
      const suggested = (row?.suggestedProtocol ?? null) as DosingProtocol | null;
      return {
        id: arm.id,
        label: arm.label,
        type: arm.type,
        description: arm.description,
        allocationWeight: arm.allocationWeight,
        position: arm.position,
        dosing: confirmed ?? suggested,
        dosingStatus: confirmed ? 'confirmed' : suggested ? 'suggested' : null,
        confirmedDosing: confirmed,
        suggestedDosing: suggested,
        openAssumptions: {
          blockingDose: countOpen(row?.id, 'BLOCKS_DOSE'),
          listed: countOpen(row?.id, 'LISTED'),
        },
        // Per-arm counts would show which arm the last enrolment went to: none for masked trials.
        enrollmentCount: isMaskedTrial(trial.masking) ? null : arm._count.enrollments,
      };
    }),
    criteria: criteria.map((criterion) => ({
      id: criterion.id,
      kind: criterion.kind === 'INCLUSION' ? 'inclusion' : 'exclusion',
      position: criterion.position,
      text: criterion.text,
      rule: (criterion.rule ?? null) as RuleNode | null,
      suggestedRule: (criterion.suggestedRule ?? null) as RuleNode | null,
      ruleConfirmedBy: criterion.ruleConfirmedBy,
      ruleConfirmedAt: iso(criterion.ruleConfirmedAt),
      isRuleAssumed:
        criterion.rule !== null &&
        ruleForEngine(criterion.rule, criterionProvenance.get(criterion.id) ?? null) === null,
      sourceQuote: sourceWording(criterion.text, criterionProvenance.get(criterion.id)?.quote ?? null),
    })),
    assessmentPlan: plan.map(({ id, instrument, timepoint, windowBeforeDays, windowAfterDays }) => ({
      id,
      instrument,
      timepoint,
      windowBeforeDays,
      windowAfterDays,
    })),
    assumptions,
    protocolVersion: {
      id: shown.id,
      number: shown.number,
      reason: shown.reason,
      createdAt: shown.createdAt.toISOString(),
      createdBy: shown.createdBy,
    },
    isCurrentVersion,
    versions: trial.protocolVersions.map((version) => ({
      id: version.id,
      number: version.number,
      reason: version.reason,
      createdAt: version.createdAt.toISOString(),
      createdByName: version.createdBy?.name ?? null,
      criteriaCount: version._count.criteria,
    })),
    imports: trial.imports.map((row) => ({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      importedByName: row.importedBy?.name ?? null,
      changeCount: Array.isArray(row.changes) ? row.changes.length : 0,
    })),
    hasScreenings: screened > 0,
  };
}

/** The quote, when it says something the shown wording does not (spacing and markdown escapes aside). */
function sourceWording(text: string, quote: string | null): string | null {
  if (quote === null) return null;
  const plain = (value: string) =>
    value
      .replace(/\\([<>])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
  return plain(quote) === plain(text) ? null : quote;
}

/** The trial with its current (highest-numbered) protocol version. */
export async function getTrial(id: string): Promise<TrialDetail> {
  const detail = await readTrialDetail({ tx: prisma, trialId: id });
  if (!detail) throw new AppError('NOT_FOUND', 'This trial does not exist.');
  return detail;
}

/** The trial as it was under protocol version `number`, for the version history. */
export async function getProtocolVersion(trialId: string, number: number): Promise<TrialDetail> {
  const detail = await readTrialDetail({ tx: prisma, trialId, versionNumber: number });
  if (!detail) throw new AppError('NOT_FOUND', `This trial has no protocol version ${number}.`);
  return detail;
}
