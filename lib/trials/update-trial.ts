import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError, type FieldErrors } from '@/lib/errors/app-error';
import type { TrialDraft, TrialPatch } from '@/lib/validations/trials';
import { applyTrialDraft, loadTrialState, SCALAR_KEYS, type NextTrial, type TrialState } from './apply-trial-draft';
import { isUniqueViolation } from './create-trial';
import { readTrialDetail } from './get-trial';
import type { TrialDetail } from './types';

export const STALE_TRIAL_MESSAGE = 'This trial was changed by someone else; reload';

const SCALAR_PATCH_KEYS = [...SCALAR_KEYS, 'sites', 'outcomes', 'assessmentPlan'] as const satisfies ReadonlyArray<
  keyof TrialPatch & keyof TrialDraft
>;

function invalid(fields: FieldErrors): AppError {
  return new AppError('VALIDATION_FAILED', undefined, { fields });
}

/** Pairs each patched arm with an existing arm: by id, else by label among arms no other item names by id. */
function resolveArms(
  state: TrialState,
  arms: NonNullable<TrialPatch['arms']>,
): { draftArms: TrialDraft['arms']; armIds: Array<string | null> } {
  const fields: FieldErrors = {};
  const claimed = new Set(arms.flatMap((arm) => arm.id ?? []));
  const armIds = arms.map((arm, index) => {
    if (arm.id !== undefined) {
      if (!state.arms.has(arm.id)) (fields[`arms.${index}.id`] ??= []).push('This arm is not part of the trial.');
      return arm.id;
    }
    const match = state.armIds.find((id) => !claimed.has(id) && state.arms.get(id)!.label === arm.label) ?? null;
    if (match !== null) claimed.add(match);
    return match;
  });
  const seen = new Set<string>();
  armIds.forEach((id, index) => {
    if (id === null) return;
    if (seen.has(id)) (fields[`arms.${index}.id`] ??= []).push('This arm is listed twice.');
    seen.add(id);
  });
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const draftArms = arms.map((arm, index) => {
    const id = armIds[index];
    const current = id === null ? null : state.draft.arms[state.armIds.indexOf(id)];
    return {
      label: arm.label,
      type: arm.type,
      description: arm.description,
      allocationWeight: arm.allocationWeight,
      dosing: arm.dosing !== undefined ? arm.dosing : (current?.dosing ?? null),
      suggestedDosing: arm.suggestedDosing !== undefined ? arm.suggestedDosing : (current?.suggestedDosing ?? null),
      // Null keeps the arm's recorded provenance; confirmations reset where the dosing value changes.
      dosingProvenance: arm.dosingProvenance,
    };
  });
  return { draftArms, armIds };
}

/** Fills omitted rules from the criterion being edited (by id, else same kind and wording), if its kind and wording are unchanged. */
function resolveCriteria(state: TrialState, criteria: NonNullable<TrialPatch['criteria']>): TrialDraft['criteria'] {
  const fields: FieldErrors = {};
  const claimed = new Set<number>();
  criteria.forEach((criterion, index) => {
    if (criterion.id === undefined) return;
    const i = state.criteria.findIndex((row) => row.id === criterion.id);
    if (i === -1)
      (fields[`criteria.${index}.id`] ??= []).push('This criterion is not in the current protocol version.');
    else claimed.add(i);
  });
  if (Object.keys(fields).length > 0) throw invalid(fields);
  return criteria.map((criterion) => {
    let i = criterion.id !== undefined ? state.criteria.findIndex((row) => row.id === criterion.id) : -1;
    if (criterion.id === undefined) {
      i = state.draft.criteria.findIndex(
        (old, index) => !claimed.has(index) && old.kind === criterion.kind && old.text === criterion.text,
      );
      if (i !== -1) claimed.add(i);
    }
    const old = i === -1 ? null : state.draft.criteria[i];
    const same = old !== null && old.kind === criterion.kind && old.text === criterion.text;
    return {
      kind: criterion.kind,
      text: criterion.text,
      rule: criterion.rule !== undefined ? criterion.rule : same ? old.rule : null,
      suggestedRule: criterion.suggestedRule !== undefined ? criterion.suggestedRule : same ? old.suggestedRule : null,
      provenance: criterion.provenance,
    };
  });
}

/** The trial after the patch, as a draft. Interventions not in the patch follow their arms' renames and removals. */
function patchedTrial(state: TrialState, patch: TrialPatch): NextTrial {
  const draft: TrialDraft = { ...state.draft };
  const target = draft as Record<string, unknown>;
  for (const key of SCALAR_PATCH_KEYS) {
    if (patch[key] !== undefined) target[key] = patch[key];
  }
  let armIds: Array<string | null> = state.armIds;
  if (patch.arms) {
    const resolved = resolveArms(state, patch.arms);
    draft.arms = resolved.draftArms;
    armIds = resolved.armIds;
  }
  if (patch.interventions) draft.interventions = patch.interventions;
  else if (patch.arms) {
    const labelById = new Map(
      armIds.flatMap((id, index) => (id === null ? [] : [[id, draft.arms[index].label] as const])),
    );
    const idByOldLabel = new Map(state.armIds.map((id) => [state.arms.get(id)!.label, id]));
    draft.interventions = state.draft.interventions.map((item) => ({
      ...item,
      armLabels: item.armLabels.flatMap((label) => labelById.get(idByOldLabel.get(label) ?? '') ?? []),
    }));
  }
  if (patch.criteria) draft.criteria = resolveCriteria(state, patch.criteria);
  return { draft, armIds };
}

/**
 * Applies a PATCH to a trial. `patch.version` must be the trial's current
 * optimistic-lock counter (else 409). Fields, sites, outcomes, arms and
 * interventions change in place; criteria, dosing and the assessment plan change
 * in the current protocol version, or — once anyone has been screened for the
 * trial — in a new version that needs `amendmentReason` (400 without one).
 * Audits `trial.update` (and `trial.amend`) in the same transaction.
 */
export async function updateTrial({
  id,
  patch,
  ctx,
}: {
  id: string;
  patch: TrialPatch;
  ctx: ActorContext;
}): Promise<TrialDetail> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const state = await loadTrialState({ tx, trialId: id });
        if (patch.version !== state.trial.version) {
          throw new AppError('CONFLICT', STALE_TRIAL_MESSAGE, { details: { currentVersion: state.trial.version } });
        }
        const next = patchedTrial(state, patch);
        const result = await applyTrialDraft({ tx, state, next, ctx, amendmentReason: patch.amendmentReason });
        if (result.written) {
          await ctx.audit(tx, {
            action: 'trial.update',
            entityType: 'Trial',
            entityId: id,
            before: result.before,
            after: {
              ...result.after,
              ...(result.amendedToVersion !== null ? { protocolVersion: result.amendedToVersion } : {}),
            },
            reason: result.amendedToVersion !== null ? (patch.amendmentReason ?? null) : null,
          });
        }
        return (await readTrialDetail({ tx, trialId: id }))!;
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (patch.nctId && isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `Another trial already has NCT id ${patch.nctId}.`, {
        fields: { nctId: ['Another trial already has this NCT id.'] },
      });
    }
    throw error;
  }
}
