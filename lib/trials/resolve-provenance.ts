import { mergeProvenance } from '@/lib/provenance/merge-provenance';
import type { DosingProtocol } from '@/lib/validations/dosing';
import type { AssumptionField, StoredProvenance } from '@/lib/validations/provenance';
import type { TrialDraft } from '@/lib/validations/trials';
import { timepointCode } from './timepoint-code';

/** The stored provenance of each criterion, arm dosing and plan item, in the order of their draft lists. */
export type ProvenanceRows = {
  criteria: Array<StoredProvenance | null>;
  arms: Array<StoredProvenance | null>;
  plan: Array<StoredProvenance | null>;
};

/** Key-order-insensitive JSON, for "is this value unchanged". */
function stable(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The value an assumed dosing field is about, read from a protocol (null protocol = nothing). */
function dosingValue(protocol: DosingProtocol | null, field: AssumptionField): unknown {
  if (protocol === null) return null;
  if (field === 'extension.window')
    return [protocol.extension?.minDaysAfterLastSession, protocol.extension?.maxDaysAfterLastSession];
  if (field.startsWith('extension.')) return protocol.extension?.[field.slice(10) as 'mgPerKg' | 'fixedMg'] ?? null;
  return (protocol as Record<string, unknown>)[field] ?? null;
}

const planKey = (item: TrialDraft['assessmentPlan'][number]) => `${item.instrument} ${timepointCode(item.timepoint)}`;

/**
 * What each row of `next` stores as provenance, given the rows it replaces: criteria are matched by kind and
 * wording (as the in-place write does), arms by id, plan items by instrument and timepoint. An assumption keeps
 * its confirmation only while the value it is about is unchanged (lib/provenance/merge-provenance.ts).
 */
export function resolveProvenance(options: {
  previous: { draft: TrialDraft; armIds: string[]; rows: ProvenanceRows };
  next: TrialDraft;
  nextArmIds: Array<string | null>;
}): ProvenanceRows {
  const { previous, next, nextArmIds } = options;
  const used = new Set<number>();
  const criteria = next.criteria.map((criterion) => {
    const i = previous.draft.criteria.findIndex(
      (old, index) => !used.has(index) && old.kind === criterion.kind && old.text === criterion.text,
    );
    if (i !== -1) used.add(i);
    const old = i === -1 ? null : previous.draft.criteria[i];
    return mergeProvenance({
      previous: i === -1 ? null : previous.rows.criteria[i],
      next: criterion.provenance,
      isChanged: () => old === null || stable(old.rule) !== stable(criterion.rule),
    });
  });
  const arms = next.arms.map((arm, index) => {
    const id = nextArmIds[index];
    const i = id === null ? -1 : previous.armIds.indexOf(id);
    const oldDosing = i === -1 ? null : previous.draft.arms[i].dosing;
    return mergeProvenance({
      previous: i === -1 ? null : previous.rows.arms[i],
      next: arm.dosingProvenance,
      isChanged: (field) =>
        i === -1 || stable(dosingValue(oldDosing, field)) !== stable(dosingValue(arm.dosing, field)),
    });
  });
  const plan = next.assessmentPlan.map((item) => {
    const i = previous.draft.assessmentPlan.findIndex((old) => planKey(old) === planKey(item));
    const old = i === -1 ? null : previous.draft.assessmentPlan[i];
    return mergeProvenance({
      previous: i === -1 ? null : previous.rows.plan[i],
      next: item.provenance,
      isChanged: (field) =>
        old === null ||
        (field === 'window' &&
          (old.windowBeforeDays !== item.windowBeforeDays || old.windowAfterDays !== item.windowAfterDays)),
    });
  });
  return { criteria, arms, plan };
}
