import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import type { Tx } from '@/lib/db';
import { AppError, type FieldErrors } from '@/lib/errors/app-error';
import { Prisma, type Trial } from '@/lib/generated/prisma/client';
import type { InstrumentCode } from '@/lib/outcomes/instrument-codes';
import type { DosingProtocol } from '@/lib/validations/dosing';
import type { RuleNode } from '@/lib/validations/eligibility';
import type { TrialDraft } from '@/lib/validations/trials';
import { readProvenance, toProvenanceInput } from '@/lib/provenance/read-provenance';
import { diffTrialDrafts } from './diff-trial-drafts';
import { resolveProvenance, type ProvenanceRows } from './resolve-provenance';
import { parseTimepointCode, timepointCode } from './timepoint-code';
import { countScreened } from './count-screened';
import type { TrialChange } from './types';

// The one write path for changing an existing trial (PATCH, re-import, rule and
// dosing confirmation). Callers load the trial's state, build the next draft,
// and this module diffs, checks and writes it, deciding between editing the
// current protocol version in place and amending it (a new version).

type Confirmation = { byId: string | null; at: Date | null };

export type TrialState = {
  trial: Trial;
  version: { id: string; number: number };
  /** The trial and its current protocol version as a draft (arms in position order). */
  draft: TrialDraft;
  /** Arm id of each `draft.arms` item. */
  armIds: string[];
  arms: Map<string, { id: string; label: string; enrollments: number; allocationEntries: number }>;
  /** Row id and rule confirmation of each `draft.criteria` item. */
  criteria: Array<{ id: string } & Confirmation>;
  /** Stored provenance (with confirmations) of each criterion, arm dosing and plan item of `draft`. */
  provenance: ProvenanceRows;
  /** Anyone screened for this trial (see NOT_SCREENED_STAGES): protocol changes then need a new version. */
  hasScreenings: boolean;
};

export type NextTrial = {
  draft: TrialDraft;
  /** Existing arm id for each `draft.arms` item, null for an arm to create. */
  armIds: Array<string | null>;
};

export type ApplyResult = {
  changes: TrialChange[];
  /** The new protocol version's number when the change was an amendment. */
  amendedToVersion: number | null;
  /** False when `next` equals the current state and nothing was written. */
  written: boolean;
  /** Changed top-level sections, for the caller's audit event. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
};

/** The trial's own registry fields (not lists): what an edit or re-import overwrites in place. */
export const SCALAR_KEYS = [
  'nctId',
  'protocolNumber',
  'title',
  'shortTitle',
  'phases',
  'overallStatus',
  'studyType',
  'allocation',
  'masking',
  'leadSponsor',
  'collaborators',
  'principalInvestigator',
  'conditions',
  'targetEnrollment',
  'startDate',
  'completionDate',
  'briefSummary',
  'coverageNote',
] as const satisfies ReadonlyArray<keyof TrialDraft>;

const jsonOrNull = (value: unknown) =>
  value === null || value === undefined ? Prisma.DbNull : (value as Prisma.InputJsonValue);
const jsonOrUndefined = (value: unknown) =>
  value === null || value === undefined ? undefined : (value as Prisma.InputJsonValue);

/** Key-order-insensitive JSON for comparing rules and protocols. */
function stable(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Loads the trial's current state and (unless `lock: false`, for read-only
 * previews) locks its row until the transaction ends, so two edits of one trial
 * run one after the other.
 */
export async function loadTrialState({
  tx,
  trialId,
  lock = true,
}: {
  tx: Tx;
  trialId: string;
  lock?: boolean;
}): Promise<TrialState> {
  if (lock) await tx.$queryRaw`SELECT id FROM "Trial" WHERE id = ${trialId} FOR UPDATE`;
  const trial = await tx.trial.findUnique({
    where: { id: trialId },
    include: {
      sites: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      outcomes: { orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
      arms: {
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
        include: { _count: { select: { enrollments: true, allocationEntries: true } } },
      },
      interventions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { arms: { select: { armId: true } } } },
      protocolVersions: { orderBy: { number: 'desc' }, take: 1 },
    },
  });
  if (!trial) throw new AppError('NOT_FOUND', 'This trial does not exist.');
  const { protocolVersions, sites, outcomes, arms, interventions, ...row } = trial;
  const version = protocolVersions[0];
  if (!version) throw new AppError('CONFLICT', 'This trial has no protocol version.');
  const [criteria, dosing, plan, screened] = await Promise.all([
    tx.criterion.findMany({ where: { protocolVersionId: version.id }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    tx.armDosing.findMany({ where: { protocolVersionId: version.id } }),
    tx.assessmentPlanItem.findMany({
      where: { protocolVersionId: version.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
    countScreened({ tx, trialId }),
  ]);
  const dosingByArm = new Map(dosing.map((row) => [row.armId, row]));
  const planRowsKept = plan.filter((item) => parseTimepointCode(item.timepoint) !== null);
  const provenance: ProvenanceRows = {
    criteria: criteria.map((criterion) => readProvenance(criterion.provenance)),
    arms: arms.map((arm) => readProvenance(dosingByArm.get(arm.id)?.provenance ?? null)),
    plan: planRowsKept.map((item) => readProvenance(item.provenance)),
  };
  const labelById = new Map(arms.map((arm) => [arm.id, arm.label]));

  const draft: TrialDraft = {
    nctId: trial.nctId,
    protocolNumber: trial.protocolNumber,
    title: trial.title,
    shortTitle: trial.shortTitle,
    phases: trial.phases,
    overallStatus: trial.overallStatus,
    studyType: trial.studyType,
    allocation: trial.allocation,
    masking: trial.masking,
    leadSponsor: trial.leadSponsor,
    collaborators: trial.collaborators,
    principalInvestigator: trial.principalInvestigator,
    sites: sites.map(({ facility, city, state, country }) => ({ facility, city, state, country })),
    conditions: trial.conditions,
    targetEnrollment: trial.targetEnrollment,
    startDate: trial.startDate,
    completionDate: trial.completionDate,
    briefSummary: trial.briefSummary,
    coverageNote: trial.coverageNote,
    arms: arms.map((arm, index) => ({
      label: arm.label,
      type: arm.type,
      description: arm.description,
      allocationWeight: arm.allocationWeight,
      dosing: (dosingByArm.get(arm.id)?.protocol ?? null) as DosingProtocol | null,
      suggestedDosing: (dosingByArm.get(arm.id)?.suggestedProtocol ?? null) as DosingProtocol | null,
      dosingProvenance: toProvenanceInput(provenance.arms[index]),
    })),
    interventions: interventions.map((item) => ({
      type: item.type,
      name: item.name,
      description: item.description,
      armLabels: item.arms.flatMap((link) => labelById.get(link.armId) ?? []),
    })),
    criteria: criteria.map((criterion, index) => ({
      kind: criterion.kind,
      text: criterion.text,
      rule: (criterion.rule ?? null) as RuleNode | null,
      suggestedRule: (criterion.suggestedRule ?? null) as RuleNode | null,
      provenance: toProvenanceInput(provenance.criteria[index]),
    })),
    outcomes: outcomes.map(({ kind, measure, description, timeFrame }) => ({ kind, measure, description, timeFrame })),
    assessmentPlan: planRowsKept.map((item, index) => ({
      instrument: item.instrument as InstrumentCode,
      timepoint: parseTimepointCode(item.timepoint)!,
      windowBeforeDays: item.windowBeforeDays,
      windowAfterDays: item.windowAfterDays,
      provenance: toProvenanceInput(provenance.plan[index]),
    })),
  };

  return {
    trial: row,
    version: { id: version.id, number: version.number },
    draft,
    armIds: arms.map((arm) => arm.id),
    arms: new Map(
      arms.map((arm) => [
        arm.id,
        {
          id: arm.id,
          label: arm.label,
          enrollments: arm._count.enrollments,
          allocationEntries: arm._count.allocationEntries,
        },
      ]),
    ),
    criteria: criteria.map((criterion) => ({
      id: criterion.id,
      byId: criterion.ruleConfirmedById,
      at: criterion.ruleConfirmedAt,
    })),
    provenance,
    hasScreenings: screened > 0,
  };
}

/**
 * Cross-field checks the draft schema cannot make: arm labels are unique,
 * interventions link to arms that exist, and each instrument is planned once
 * per timepoint. Throws 400 with per-field messages (prefixed with `prefix`).
 */
export function checkDraftConsistency(draft: TrialDraft, prefix = ''): void {
  const fields: FieldErrors = {};
  const add = (path: string, message: string) => (fields[`${prefix}${path}`] ??= []).push(message);
  const labels = new Set<string>();
  draft.arms.forEach((arm, index) => {
    if (labels.has(arm.label)) add(`arms.${index}.label`, `Another arm is already labelled "${arm.label}".`);
    labels.add(arm.label);
  });
  draft.interventions.forEach((item, index) => {
    item.armLabels.forEach((label, j) => {
      if (!labels.has(label)) add(`interventions.${index}.armLabels.${j}`, `There is no arm labelled "${label}".`);
    });
  });
  const planned = new Set<string>();
  draft.assessmentPlan.forEach((item, index) => {
    const key = `${item.instrument} ${timepointCode(item.timepoint)}`;
    if (planned.has(key)) add(`assessmentPlan.${index}`, `${item.instrument} is already planned at this timepoint.`);
    planned.add(key);
  });
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', undefined, { fields });
}

function criteriaOrder(draft: TrialDraft): string {
  return stable(draft.criteria.map((criterion) => [criterion.kind, criterion.text]));
}

/** Whether applying `next` to `state` amends the protocol, and what changes. */
export function planChange(state: TrialState, next: NextTrial): { changes: TrialChange[]; isProtocolChange: boolean } {
  const { changes, isProtocolChange } = diffTrialDrafts(state.draft, next.draft);
  const armSetChanged =
    stable([...state.armIds].sort()) !== stable(next.armIds.filter((id): id is string => id !== null).sort()) ||
    next.armIds.includes(null);
  // Reordering criteria is not a field change for the diff, but it rewrites a frozen version.
  const reordered = criteriaOrder(state.draft) !== criteriaOrder(next.draft);
  return { changes, isProtocolChange: isProtocolChange || armSetChanged || reordered };
}

function requireReason(reason: string | null | undefined): string {
  const text = reason?.trim();
  if (!text) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Someone has been screened under the current protocol, so this change creates a new protocol version. Say why.',
      {
        fields: { amendmentReason: ['Give the reason for this protocol amendment.'] },
      },
    );
  }
  return text;
}

/** Keeps who confirmed a rule as long as the criterion and its rule are unchanged. */
function confirmations(
  state: TrialState,
  next: TrialDraft,
  actorId: string,
  now: Date,
  reconfirm: number | null,
): Confirmation[] {
  const used = new Set<number>();
  return next.criteria.map((criterion, index) => {
    if (criterion.rule === null) return { byId: null, at: null };
    if (index === reconfirm) return { byId: actorId, at: now };
    const match = state.draft.criteria.findIndex(
      (old, i) =>
        !used.has(i) &&
        old.kind === criterion.kind &&
        old.text === criterion.text &&
        stable(old.rule) === stable(criterion.rule),
    );
    if (match === -1) return { byId: actorId, at: now };
    used.add(match);
    return { byId: state.criteria[match].byId, at: state.criteria[match].at };
  });
}

/** Arms `next` drops; 409 if any has enrollments or randomization-list entries, which must never disappear. */
function removedArms(state: TrialState, next: NextTrial): string[] {
  const keep = new Set(next.armIds.filter((id): id is string => id !== null));
  const removed = state.armIds.filter((id) => !keep.has(id));
  for (const id of removed) {
    const arm = state.arms.get(id)!;
    if (arm.enrollments > 0)
      throw new AppError('CONFLICT', `Arm "${arm.label}" has enrolled participants and cannot be removed.`);
    if (arm.allocationEntries > 0)
      throw new AppError('CONFLICT', `Arm "${arm.label}" is in the randomization list and cannot be removed.`);
  }
  return removed;
}

async function writeArms(tx: Tx, state: TrialState, next: NextTrial, isAmendment: boolean): Promise<string[]> {
  const trialId = state.trial.id;
  const removed = removedArms(state, next);
  if (removed.length > 0) {
    // Edited in place, the current version's dosing goes with the arm. A version
    // that stays in the history keeps its dosing row, which keeps the arm alive
    // (onDelete: Restrict): that removal answers 409 (see toAppError, P2003).
    if (!isAmendment)
      await tx.armDosing.deleteMany({ where: { armId: { in: removed }, protocolVersionId: state.version.id } });
    await tx.arm.deleteMany({ where: { id: { in: removed } } });
  }
  // Park renamed arms on temporary labels first so swapping two labels never collides.
  const renamed = next.armIds.flatMap((id, index) =>
    id !== null && state.arms.get(id)!.label !== next.draft.arms[index].label ? [id] : [],
  );
  for (const id of renamed) await tx.arm.update({ where: { id }, data: { label: `~renaming~${id}` } });

  const ids: string[] = [];
  for (const [position, arm] of next.draft.arms.entries()) {
    const data = {
      label: arm.label,
      type: arm.type,
      description: arm.description,
      allocationWeight: arm.allocationWeight,
      position,
    };
    const id = next.armIds[position];
    if (id === null) ids.push((await tx.arm.create({ data: { ...data, trialId }, select: { id: true } })).id);
    else {
      await tx.arm.update({ where: { id }, data });
      ids.push(id);
    }
  }
  return ids;
}

async function writeInterventions(
  tx: Tx,
  trialId: string,
  draft: TrialDraft,
  armIdByLabel: Map<string, string>,
): Promise<void> {
  await tx.intervention.deleteMany({ where: { trialId } });
  for (const item of draft.interventions) {
    await tx.intervention.create({
      data: {
        trialId,
        type: item.type,
        name: item.name,
        description: item.description,
        arms: { create: [...new Set(item.armLabels)].map((label) => ({ armId: armIdByLabel.get(label)! })) },
      },
    });
  }
}

function planRows(versionId: string, draft: TrialDraft, provenance: ProvenanceRows) {
  return draft.assessmentPlan.map((item, index) => ({
    protocolVersionId: versionId,
    instrument: item.instrument,
    timepoint: timepointCode(item.timepoint),
    windowBeforeDays: item.windowBeforeDays,
    windowAfterDays: item.windowAfterDays,
    provenance: jsonOrUndefined(provenance.plan[index]),
  }));
}

/** Writes criteria, dosing and plan into a brand-new protocol version. */
async function writeNewVersion(options: {
  tx: Tx;
  state: TrialState;
  draft: TrialDraft;
  armIds: string[];
  confirmed: Confirmation[];
  provenance: ProvenanceRows;
  reason: string;
  actorId: string;
}) {
  const { tx, state, draft, armIds, confirmed, provenance, reason, actorId } = options;
  const version = await tx.protocolVersion.create({
    data: { trialId: state.trial.id, number: state.version.number + 1, reason, createdById: actorId },
  });
  await tx.criterion.createMany({
    data: draft.criteria.map((criterion, position) => ({
      protocolVersionId: version.id,
      kind: criterion.kind,
      position,
      text: criterion.text,
      rule: jsonOrUndefined(criterion.rule),
      suggestedRule: jsonOrUndefined(criterion.suggestedRule),
      ruleConfirmedById: confirmed[position].byId,
      ruleConfirmedAt: confirmed[position].at,
      provenance: jsonOrUndefined(provenance.criteria[position]),
    })),
  });
  await tx.armDosing.createMany({
    data: draft.arms.map((arm, index) => ({
      protocolVersionId: version.id,
      armId: armIds[index],
      protocol: jsonOrUndefined(arm.dosing),
      suggestedProtocol: jsonOrUndefined(arm.suggestedDosing),
      provenance: jsonOrUndefined(provenance.arms[index]),
    })),
  });
  await tx.assessmentPlanItem.createMany({ data: planRows(version.id, draft, provenance) });
  return version;
}

/** Rewrites the current protocol version's criteria, dosing and plan, keeping criterion ids where the wording is unchanged. */
async function writeInPlace(options: {
  tx: Tx;
  state: TrialState;
  draft: TrialDraft;
  armIds: string[];
  confirmed: Confirmation[];
  provenance: ProvenanceRows;
  planChanged: boolean;
}) {
  const { tx, state, draft, armIds, confirmed, provenance, planChanged } = options;
  const versionId = state.version.id;
  const used = new Set<number>();
  const matchIndex = draft.criteria.map((criterion) => {
    const i = state.draft.criteria.findIndex(
      (old, index) => !used.has(index) && old.kind === criterion.kind && old.text === criterion.text,
    );
    if (i !== -1) used.add(i);
    return i;
  });
  const stale = state.criteria.filter((_, index) => !used.has(index)).map((row) => row.id);
  if (stale.length > 0) await tx.criterion.deleteMany({ where: { id: { in: stale } } });
  for (const [position, criterion] of draft.criteria.entries()) {
    const data = {
      kind: criterion.kind,
      position,
      text: criterion.text,
      ruleConfirmedById: confirmed[position].byId,
      ruleConfirmedAt: confirmed[position].at,
      provenance: jsonOrNull(provenance.criteria[position]),
    };
    const i = matchIndex[position];
    if (i === -1) {
      await tx.criterion.create({
        data: {
          ...data,
          protocolVersionId: versionId,
          rule: jsonOrUndefined(criterion.rule),
          suggestedRule: jsonOrUndefined(criterion.suggestedRule),
        },
      });
      continue;
    }
    const old = state.draft.criteria[i];
    const row = state.criteria[i];
    const isSame =
      i === position &&
      stable(old.rule) === stable(criterion.rule) &&
      stable(old.suggestedRule) === stable(criterion.suggestedRule) &&
      stable(state.provenance.criteria[i]) === stable(provenance.criteria[position]) &&
      row.byId === data.ruleConfirmedById &&
      row.at?.getTime() === data.ruleConfirmedAt?.getTime();
    if (!isSame) {
      await tx.criterion.update({
        where: { id: row.id },
        data: { ...data, rule: jsonOrNull(criterion.rule), suggestedRule: jsonOrNull(criterion.suggestedRule) },
      });
    }
  }
  for (const [index, arm] of draft.arms.entries()) {
    const values = {
      protocol: jsonOrNull(arm.dosing),
      suggestedProtocol: jsonOrNull(arm.suggestedDosing),
      provenance: jsonOrNull(provenance.arms[index]),
    };
    await tx.armDosing.upsert({
      where: { protocolVersionId_armId: { protocolVersionId: versionId, armId: armIds[index] } },
      create: { protocolVersionId: versionId, armId: armIds[index], ...values },
      update: values,
    });
  }
  if (planChanged) {
    await tx.assessmentPlanItem.deleteMany({ where: { protocolVersionId: versionId } });
    await tx.assessmentPlanItem.createMany({ data: planRows(versionId, draft, provenance) });
  }
}

function topLevelKey(path: string): string {
  return /^[A-Za-z]+/.exec(path)?.[0] ?? path;
}

/**
 * Writes `next` over the trial in `state` inside the caller's transaction: the
 * trial's fields, sites, outcomes, arms and interventions in place, and its
 * criteria, dosing and assessment plan either in the current protocol version
 * or, when they change after anyone was screened, in a new version with the
 * given reason (400 on amendmentReason without one). Bumps the trial's
 * optimistic-lock version and audits `trial.amend`; the caller audits the change
 * itself. `reconfirmCriterion` marks that criterion's rule as confirmed by the
 * actor now even if its rule is unchanged.
 */
export async function applyTrialDraft(options: {
  tx: Tx;
  state: TrialState;
  next: NextTrial;
  ctx: ActorContext;
  amendmentReason?: string | null;
  reconfirmCriterion?: number | null;
}): Promise<ApplyResult> {
  const { tx, state, next, ctx } = options;
  checkDraftConsistency(next.draft);
  const { changes, isProtocolChange } = planChange(state, next);
  const reconfirm = options.reconfirmCriterion ?? null;
  const needsReconfirm =
    reconfirm !== null && next.draft.criteria[reconfirm]?.rule !== null && state.criteria[reconfirm]?.byId === null;
  if (changes.length === 0 && !isProtocolChange && !needsReconfirm)
    return { changes, amendedToVersion: null, written: false, before: {}, after: {} };

  removedArms(state, next);
  const amend = isProtocolChange && state.hasScreenings;
  const reason = amend ? requireReason(options.amendmentReason) : null;
  const trialId = state.trial.id;
  const draft = next.draft;

  if (draft.nctId !== null && draft.nctId !== state.draft.nctId) {
    const taken = await tx.trial.findFirst({
      where: { nctId: draft.nctId, id: { not: trialId } },
      select: { id: true },
    });
    if (taken)
      throw new AppError('CONFLICT', `Another trial already has NCT id ${draft.nctId}.`, {
        fields: { nctId: ['Another trial already has this NCT id.'] },
      });
  }

  const keys = new Set(changes.map((change) => topLevelKey(change.path)));
  if (criteriaOrder(state.draft) !== criteriaOrder(draft)) keys.add('criteria');
  await tx.trial.update({
    where: { id: trialId },
    data: { ...Object.fromEntries(SCALAR_KEYS.map((key) => [key, draft[key]])), version: { increment: 1 } },
  });
  if (keys.has('sites')) {
    await tx.trialSite.deleteMany({ where: { trialId } });
    await tx.trialSite.createMany({ data: draft.sites.map((site) => ({ ...site, trialId })) });
  }
  if (keys.has('outcomes')) {
    await tx.trialOutcome.deleteMany({ where: { trialId } });
    await tx.trialOutcome.createMany({
      data: draft.outcomes.map((outcome, position) => ({ ...outcome, position, trialId })),
    });
  }
  const armIds = await writeArms(tx, state, next, amend);
  const armIdByLabel = new Map(draft.arms.map((arm, index) => [arm.label, armIds[index]]));
  // Arm links are by id: a renamed arm keeps them, a removed arm's go with it.
  if (keys.has('interventions')) await writeInterventions(tx, trialId, draft, armIdByLabel);

  const actorId = ctx.user.id;
  const confirmed = confirmations(state, draft, actorId, new Date(), reconfirm);
  const provenance = resolveProvenance({
    previous: { draft: state.draft, armIds: state.armIds, rows: state.provenance },
    next: draft,
    nextArmIds: next.armIds,
  });
  let amendedToVersion: number | null = null;
  if (amend) {
    const version = await writeNewVersion({
      tx,
      state,
      draft,
      armIds,
      confirmed,
      provenance,
      reason: reason!,
      actorId,
    });
    amendedToVersion = version.number;
    await ctx.audit(tx, {
      action: 'trial.amend',
      entityType: 'Trial',
      entityId: trialId,
      before: { protocolVersion: state.version.number, protocolVersionId: state.version.id },
      after: {
        protocolVersion: version.number,
        protocolVersionId: version.id,
        changes: changes.map((change) => change.label),
      },
      reason,
    });
  } else {
    await writeInPlace({ tx, state, draft, armIds, confirmed, provenance, planChanged: keys.has('assessmentPlan') });
  }

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of keys) {
    before[key] = state.draft[key as keyof TrialDraft];
    after[key] = draft[key as keyof TrialDraft];
  }
  return { changes, amendedToVersion, written: true, before, after };
}
