import { describeRule } from '@/lib/eligibility/describe-rule';
import type { RuleNode } from '@/lib/validations/eligibility';
import {
  DOSING_FIELD_DEFAULTS,
  DOSING_FIELD_LABELS,
  SCHEDULE_FIELD_LABELS,
  showDosingValue,
} from './protocol-field-labels';
import { describeTimepointCode } from './timepoint-code';

// What changed between two protocol versions of one trial, as staff read it: criteria added,
// removed or reworded (text and structured rule), each arm's dosing and session schedule, and
// the assessment plan. Pure: the loader (compare-protocol-versions.ts) reads the versions and
// decides whether the viewer may see arm-specific dosing (decision 0001).

export type VersionCriterion = {
  kind: 'INCLUSION' | 'EXCLUSION';
  position: number;
  text: string;
  rule: RuleNode | null;
};
export type VersionArmDosing = { armLabel: string; protocol: Record<string, unknown> | null };
export type VersionPlanItem = {
  instrument: string;
  timepoint: string;
  windowBeforeDays: number;
  windowAfterDays: number;
};
export type VersionContent = {
  criteria: VersionCriterion[];
  dosing: VersionArmDosing[];
  assessmentPlan: VersionPlanItem[];
};

export type ChangeKind = 'added' | 'removed' | 'changed';
export type ValueChange = { field: string; label: string; before: string | null; after: string | null };

export type CriterionChange = {
  change: ChangeKind;
  kind: 'INCLUSION' | 'EXCLUSION';
  /** 1-based positions in each version (null where it does not exist). */
  numberBefore: number | null;
  numberAfter: number | null;
  textBefore: string | null;
  textAfter: string | null;
  /** The structured rule in words; "Clinician judgment" when there is none. */
  ruleBefore: string | null;
  ruleAfter: string | null;
  isTextChanged: boolean;
  isRuleChanged: boolean;
};

export type ArmDosingChange = {
  /** null: the same change in every arm (all a blinded viewer of a masked trial is shown). */
  armLabel: string | null;
  change: ChangeKind;
  dosing: ValueChange[];
  schedule: ValueChange[];
};

export type PlanChange = {
  change: ChangeKind;
  instrument: string;
  timepoint: string;
  timepointLabel: string;
  windowBefore: string | null;
  windowAfter: string | null;
};

export type ProtocolContentDiff = {
  criteria: CriterionChange[];
  arms: ArmDosingChange[];
  assessmentPlan: PlanChange[];
  /** Arm-specific dosing or schedule changes were left out: the viewer is blinded to this masked trial. */
  isArmDosingWithheld: boolean;
};

const NO_RULE = 'Clinician judgment';

/** Key-order-insensitive JSON, so {a,b} and {b,a} compare equal. */
function stable(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function ruleText(rule: RuleNode | null): string {
  return rule ? describeRule(rule) : NO_RULE;
}

/** Pairs criteria by identical kind and wording first (an insertion shifts nothing), then by kind and position. */
function diffCriteria(before: VersionCriterion[], after: VersionCriterion[]): CriterionChange[] {
  const pairs: Array<[number | null, number | null]> = [];
  const usedAfter = new Set<number>();
  const leftBefore: number[] = [];
  before.forEach((criterion, i) => {
    const j = after.findIndex(
      (c, index) => !usedAfter.has(index) && c.kind === criterion.kind && c.text === criterion.text,
    );
    if (j === -1) leftBefore.push(i);
    else {
      usedAfter.add(j);
      pairs.push([i, j]);
    }
  });
  for (const i of leftBefore) {
    const j = after.findIndex(
      (c, index) => !usedAfter.has(index) && c.kind === before[i].kind && c.position === before[i].position,
    );
    if (j === -1) pairs.push([i, null]);
    else {
      usedAfter.add(j);
      pairs.push([i, j]);
    }
  }
  after.forEach((_, j) => {
    if (!usedAfter.has(j)) pairs.push([null, j]);
  });
  const numberOf = (list: VersionCriterion[], index: number | null) =>
    index === null ? null : list.filter((c, k) => c.kind === list[index].kind && k <= index).length;
  const changes: CriterionChange[] = [];
  for (const [i, j] of pairs) {
    const old = i === null ? null : before[i];
    const now = j === null ? null : after[j];
    const isTextChanged = old?.text !== now?.text;
    const isRuleChanged = stable(old?.rule) !== stable(now?.rule);
    if (old && now && !isTextChanged && !isRuleChanged) continue;
    changes.push({
      change: old === null ? 'added' : now === null ? 'removed' : 'changed',
      kind: (now ?? old)!.kind,
      numberBefore: numberOf(before, i),
      numberAfter: numberOf(after, j),
      textBefore: old?.text ?? null,
      textAfter: now?.text ?? null,
      ruleBefore: old ? ruleText(old.rule) : null,
      ruleAfter: now ? ruleText(now.rule) : null,
      isTextChanged: old !== null && now !== null && isTextChanged,
      isRuleChanged: old !== null && now !== null && isRuleChanged,
    });
  }
  const order = (c: CriterionChange) => (c.kind === 'INCLUSION' ? 0 : 10_000) + (c.numberAfter ?? c.numberBefore ?? 0);
  return changes.sort((a, b) => order(a) - order(b));
}

function diffValues(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  labels: Record<string, string>,
): ValueChange[] {
  return Object.entries(labels).flatMap(([field, label]) => {
    const read = (protocol: Record<string, unknown> | null) =>
      protocol === null ? undefined : (protocol[field] ?? DOSING_FIELD_DEFAULTS[field]);
    const [b, a] = [read(before), read(after)];
    return stable(b) === stable(a)
      ? []
      : [{ field, label, before: showDosingValue(field, b), after: showDosingValue(field, a) }];
  });
}

function diffArms(before: VersionArmDosing[], after: VersionArmDosing[]): ArmDosingChange[] {
  const labels = [...new Set([...before.map((a) => a.armLabel), ...after.map((a) => a.armLabel)])];
  return labels.flatMap((armLabel): ArmDosingChange[] => {
    const old = before.find((arm) => arm.armLabel === armLabel);
    const now = after.find((arm) => arm.armLabel === armLabel);
    const dosing = diffValues(old?.protocol ?? null, now?.protocol ?? null, DOSING_FIELD_LABELS);
    const schedule = diffValues(old?.protocol ?? null, now?.protocol ?? null, SCHEDULE_FIELD_LABELS);
    const change: ChangeKind = !old ? 'added' : !now ? 'removed' : 'changed';
    if (change === 'changed' && dosing.length === 0 && schedule.length === 0) return [];
    return [{ armLabel, change, dosing, schedule }];
  });
}

/**
 * For a viewer blinded to a masked trial: only changes made alike in every arm, under no arm's
 * name. A change in one arm only (or an arm added or removed) would tell the arms apart.
 */
function armNeutral(changes: ArmDosingChange[], armCount: number): { arms: ArmDosingChange[]; isWithheld: boolean } {
  if (changes.length === 0) return { arms: [], isWithheld: false };
  const changed = changes.filter((c) => c.change === 'changed');
  const isEveryArm = changed.length === changes.length && changed.length === armCount;
  const common = (pick: (c: ArmDosingChange) => ValueChange[]) =>
    isEveryArm
      ? pick(changed[0]).filter((value) =>
          changed.every((c) => pick(c).some((other) => stable(other) === stable(value))),
        )
      : [];
  const dosing = common((c) => c.dosing);
  const schedule = common((c) => c.schedule);
  const shownCount = dosing.length + schedule.length;
  const totalCount = changes.reduce((sum, c) => sum + c.dosing.length + c.schedule.length, 0);
  const isWithheld = !isEveryArm || shownCount * armCount !== totalCount;
  const arms = shownCount > 0 ? [{ armLabel: null, change: 'changed' as const, dosing, schedule }] : [];
  return { arms, isWithheld };
}

function windowText(item: VersionPlanItem | undefined): string | null {
  if (!item) return null;
  return `${item.windowBeforeDays} days before to ${item.windowAfterDays} days after`;
}

function diffPlan(before: VersionPlanItem[], after: VersionPlanItem[]): PlanChange[] {
  const key = (item: VersionPlanItem) => `${item.instrument}|${item.timepoint}`;
  const keys = [...new Set([...before.map(key), ...after.map(key)])];
  return keys.flatMap((k): PlanChange[] => {
    const old = before.find((item) => key(item) === k);
    const now = after.find((item) => key(item) === k);
    const [windowBefore, windowAfter] = [windowText(old), windowText(now)];
    if (old && now && windowBefore === windowAfter) return [];
    const { instrument, timepoint } = (now ?? old)!;
    return [
      {
        change: !old ? 'added' : !now ? 'removed' : 'changed',
        instrument,
        timepoint,
        timepointLabel: describeTimepointCode(timepoint),
        windowBefore,
        windowAfter,
      },
    ];
  });
}

/** The changes from `before` to `after`; arm-specific dosing only when `canSeeArmDosing`. */
export function diffProtocolVersions(options: {
  before: VersionContent;
  after: VersionContent;
  canSeeArmDosing: boolean;
}): ProtocolContentDiff {
  const { before, after, canSeeArmDosing } = options;
  const armChanges = diffArms(before.dosing, after.dosing);
  const armCount = new Set([...before.dosing, ...after.dosing].map((arm) => arm.armLabel)).size;
  const { arms, isWithheld } = canSeeArmDosing
    ? { arms: armChanges, isWithheld: false }
    : armNeutral(armChanges, armCount);
  return {
    criteria: diffCriteria(before.criteria, after.criteria),
    arms,
    assessmentPlan: diffPlan(before.assessmentPlan, after.assessmentPlan),
    isArmDosingWithheld: isWithheld,
  };
}
