import { INSTRUMENT_LABELS, type InstrumentCode } from '@/lib/outcomes/instrument-codes';
import { summarizeByArmAndTimepoint, type ArmTimepointSummary, type OutcomeRow } from '@/lib/outcomes/summarize';
import { BASELINE_TIMEPOINT, countsResponseAt, hasPercentChange, isTScoreScale } from './change-policy';
import { compareTimepoints, type GroupChange, type PairedScore } from './compare-timepoints';
import { primaryScore, primaryScoreLabel } from './primary-score';
import type { TimepointRange } from './timepoint-range';
import { timepointOrder } from './timepoint-order';

export type InstrumentChange = TimepointRange & {
  /** True on a T-score scale: the change is reported in points only, never as a %. */
  isTScore: boolean;
  /** False when the plan does not schedule this instrument at both timepoints (figures then rest on unplanned scores, if any). */
  isPlannedAtBoth: boolean;
  groups: GroupChange[];
};

export type InstrumentResults = {
  instrument: string;
  label: string;
  scoreLabel: string;
  isTScore: boolean;
  timepoints: string[];
  /** Per group × timepoint, groups in arm order, timepoints in time order. */
  rows: ArmTimepointSummary[];
  /** The change between the report's two timepoints; null when the plan has fewer than two. */
  change: InstrumentChange | null;
};

type Assessment = {
  instrument: string;
  timepoint: string;
  total: number | null;
  subscores: unknown;
  administeredAt: Date;
};
type Enrollment = { id: string; armId: string; assessments: Assessment[] };

/** No one responds or remits at baseline; a T-score has no % change. Applied to every summary row. */
function applyChangePolicy(row: ArmTimepointSummary, instrument: string): ArmTimepointSummary {
  let out = row;
  if (!hasPercentChange(instrument)) out = { ...out, meanPercentChange: null, nPercentChange: 0 };
  if (!countsResponseAt(row.timepoint))
    out = { ...out, responders: null, nResponseEvaluable: null, remitters: null, nRemissionEvaluable: null };
  return out;
}

/** One instrument's section of the results report: summaries per group × timepoint and the change over `range`. */
export function buildInstrumentResults(options: {
  instrument: InstrumentCode;
  enrollments: readonly Enrollment[];
  groups: readonly string[];
  groupOfArm: (armId: string) => string;
  planned: ReadonlyArray<{ instrument: string; timepoint: string }>;
  range: TimepointRange | null;
}): InstrumentResults {
  const { instrument, enrollments, groups, groupOfArm, planned, range } = options;
  const rows: OutcomeRow[] = [];
  const paired: PairedScore[] = [];
  for (const enrollment of enrollments) {
    // One current score per participant per timepoint (the latest administration if ever more than one).
    const latestByTimepoint = new Map<string, Assessment>();
    for (const assessment of enrollment.assessments) {
      if (assessment.instrument !== instrument) continue;
      const seen = latestByTimepoint.get(assessment.timepoint);
      if (!seen || seen.administeredAt < assessment.administeredAt)
        latestByTimepoint.set(assessment.timepoint, assessment);
    }
    const scoreAt = (timepoint: string) => {
      const row = latestByTimepoint.get(timepoint);
      return row ? primaryScore(instrument, row.total, row.subscores) : null;
    };
    const baselineTotal = scoreAt(BASELINE_TIMEPOINT);
    for (const [timepoint, assessment] of latestByTimepoint) {
      rows.push({
        armLabel: groupOfArm(enrollment.armId),
        timepoint,
        participantId: enrollment.id,
        total: primaryScore(instrument, assessment.total, assessment.subscores),
        baselineTotal,
      });
    }
    if (range !== null)
      paired.push({
        group: groupOfArm(enrollment.armId),
        participantId: enrollment.id,
        from: scoreAt(range.from),
        to: scoreAt(range.to),
      });
  }
  const groupIndex = (group: string) => groups.indexOf(group);
  const summaries = summarizeByArmAndTimepoint(rows, { instrument })
    .map((row) => applyChangePolicy(row, instrument))
    .sort(
      (a, b) =>
        groupIndex(a.armLabel) - groupIndex(b.armLabel) || timepointOrder(a.timepoint) - timepointOrder(b.timepoint),
    );
  const plannedHere = planned.filter((item) => item.instrument === instrument).map((item) => item.timepoint);
  const timepoints = [...new Set([...plannedHere, ...rows.map((row) => row.timepoint)])].sort(
    (a, b) => timepointOrder(a) - timepointOrder(b),
  );
  const change: InstrumentChange | null =
    range === null
      ? null
      : {
          ...range,
          isTScore: isTScoreScale(instrument),
          isPlannedAtBoth: plannedHere.includes(range.from) && plannedHere.includes(range.to),
          groups: compareTimepoints({ instrument, groups, scores: paired }),
        };
  return {
    instrument,
    label: INSTRUMENT_LABELS[instrument],
    scoreLabel: primaryScoreLabel(instrument),
    isTScore: isTScoreScale(instrument),
    timepoints,
    rows: summaries,
    change,
  };
}
