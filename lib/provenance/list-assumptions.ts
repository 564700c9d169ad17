import { dosingFieldLabel, doseSettingFields } from '@/lib/provenance/dose-assumptions';
import { INSTRUMENT_LABELS, isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import { parseTimepointCode } from '@/lib/trials/timepoint-code';
import type { DosingProtocol } from '@/lib/validations/dosing';
import type { DosingAssumptionField, StoredProvenance } from '@/lib/validations/provenance';

/** Which rows an assumption can sit on; TRIAL = a trial-level value (see TRIAL_LEVEL_ASSUMPTION_SOURCES). */
export type AssumptionTarget = 'CRITERION' | 'ARM_DOSING' | 'ASSESSMENT_PLAN_ITEM' | 'TRIAL';

/**
 * What an unconfirmed assumption does meanwhile: BLOCKS_DOSE (no mg is calculated or verified),
 * CLINICIAN_JUDGMENT (the rule decides nothing; a clinician judges the criterion) or LISTED (used as is,
 * shown so an admin can check it: rounding, weight window, spacing, assessment windows and the like).
 */
export type AssumptionEffect = 'BLOCKS_DOSE' | 'CLINICIAN_JUDGMENT' | 'LISTED';

export type AssumptionItem = {
  target: AssumptionTarget;
  rowId: string;
  field: string;
  /** What the assumption is about, e.g. "Ketamine Group · weight basis". */
  subject: string;
  note: string;
  effect: AssumptionEffect;
  confirmedByName: string | null;
  confirmedAt: string | null;
};

/**
 * A trial-level value that may be an assumption (e.g. a screening window no page states), stored on the Trial
 * row with its own confirmation columns. Each source reads its value's assumption from the trial, or null when
 * that value is not an assumption for this trial; its confirmation is written by the source's owner.
 */
export type TrialLevelAssumptionSource<TrialRow> = {
  field: string;
  read: (trial: TrialRow) => Omit<AssumptionItem, 'target' | 'rowId' | 'field'> | null;
};

/** The trial-level assumptions a trial has, as panel items (rowId = the trial's id). */
export function trialLevelAssumptions<TrialRow extends { id: string }>(
  trial: TrialRow,
  sources: ReadonlyArray<TrialLevelAssumptionSource<TrialRow>>,
): AssumptionItem[] {
  return sources.flatMap((source) => {
    const item = source.read(trial);
    return item ? [{ ...item, target: 'TRIAL' as const, rowId: trial.id, field: source.field }] : [];
  });
}

type Row = { id: string; provenance: StoredProvenance | null };

function describePlanItem(instrument: string, code: string): string {
  const name = isInstrumentCode(instrument) ? INSTRUMENT_LABELS[instrument].split(' (')[0] : instrument;
  const timepoint = parseTimepointCode(code);
  const when =
    timepoint === null
      ? code
      : timepoint.kind === 'BASELINE'
        ? 'at baseline'
        : timepoint.kind === 'AFTER_SESSION'
          ? `after session ${timepoint.session}`
          : `${timepoint.days} days after the last session`;
  return `${name} ${when}`;
}

function itemsOf(
  row: Row,
  target: AssumptionTarget,
  subject: (field: string) => string,
  effect: (field: string) => AssumptionEffect,
): AssumptionItem[] {
  return (row.provenance?.assumptions ?? []).map((assumption) => ({
    target,
    rowId: row.id,
    field: assumption.field,
    subject: subject(assumption.field),
    note: assumption.note,
    effect: effect(assumption.field),
    confirmedByName: assumption.confirmedByName,
    confirmedAt: assumption.confirmedAt,
  }));
}

/** Dose-setting for some session of this protocol: any of them blocks that session's dose. */
function isDoseSetting(protocol: DosingProtocol | null, field: string): boolean {
  if (protocol === null) return false;
  const sessions = [null, ...protocol.doseSteps.map((step) => step.sessionNumber)];
  if (protocol.extension) sessions.push(protocol.sessionCount + 1);
  return sessions.some((session) => doseSettingFields(protocol, session).includes(field as DosingAssumptionField));
}

/** Every assumption of one protocol version, unconfirmed first, in protocol order within each group. */
export function listAssumptions(input: {
  criteria: Array<Row & { kind: 'INCLUSION' | 'EXCLUSION'; position: number; text: string }>;
  arms: Array<Row & { label: string; protocol: DosingProtocol | null }>;
  plan: Array<Row & { instrument: string; timepoint: string }>;
  trialLevel?: AssumptionItem[];
}): AssumptionItem[] {
  const items = [
    ...(input.trialLevel ?? []),
    ...input.criteria.flatMap((row) =>
      itemsOf(
        row,
        'CRITERION',
        () => `${row.kind === 'INCLUSION' ? 'Inclusion' : 'Exclusion'} ${row.position + 1}: ${row.text}`,
        () => 'CLINICIAN_JUDGMENT',
      ),
    ),
    ...input.arms.flatMap((row) =>
      itemsOf(
        row,
        'ARM_DOSING',
        (field) => `${row.label} · ${dosingFieldLabel(field as DosingAssumptionField) ?? field}`,
        (field) => (isDoseSetting(row.protocol, field) ? 'BLOCKS_DOSE' : 'LISTED'),
      ),
    ),
    ...input.plan.flatMap((row) =>
      itemsOf(
        row,
        'ASSESSMENT_PLAN_ITEM',
        (field) => `${describePlanItem(row.instrument, row.timepoint)} · ${field}`,
        () => 'LISTED',
      ),
    ),
  ];
  // Stable sort: the unconfirmed ones, which are what an admin has to act on, come first.
  return items.sort((a, b) => Number(a.confirmedAt !== null) - Number(b.confirmedAt !== null));
}
