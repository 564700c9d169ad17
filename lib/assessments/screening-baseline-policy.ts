import { addDaysToDate, compareDates } from '@/lib/scheduling/local-date';
import type { DuePlanItem } from './compute-due';

// When a screening PHQ-9 may become the participant's PHQ-9 baseline (decision 0040, issue 15).
// Rule: the trial's current assessment plan has a PHQ-9 BASELINE; the screening day lies in that
// baseline's window (enrolment day − windowBeforeDays … enrolment day + windowAfterDays, clinic
// days, both ends included, as the due list reads the window); no current PHQ-9 baseline exists
// (correct that one instead); and the measurement is the participant's own, not voided, and was
// entered item by item (an assessment needs its items; a typed total has none).

export const SCREENING_BASELINE_INSTRUMENT = 'PHQ9';
export const SCREENING_BASELINE_TIMEPOINT = 'BASELINE';

export type ScreeningBaselineFacts = {
  plan: readonly DuePlanItem[];
  /** Enrolment day on the clinic's calendar, YYYY-MM-DD. */
  enrolledOn: string;
  measurement: { measuredOn: string; isOwn: boolean; isVoided: boolean; hasItems: boolean; isUsed: boolean };
  hasBaseline: boolean;
};

export type ScreeningBaselineProblem = { code: ScreeningBaselineProblemCode; message: string };
export type ScreeningBaselineProblemCode =
  | 'NOT_PLANNED'
  | 'NOT_OWN'
  | 'VOIDED'
  | 'NO_ITEMS'
  | 'ALREADY_USED'
  | 'OUTSIDE_WINDOW'
  | 'BASELINE_EXISTS';

/** The PHQ-9 BASELINE of the plan, if the plan has one. */
export function baselinePlanItem(plan: readonly DuePlanItem[]): DuePlanItem | null {
  return (
    plan.find(
      (item) => item.instrument === SCREENING_BASELINE_INSTRUMENT && item.timepoint === SCREENING_BASELINE_TIMEPOINT,
    ) ?? null
  );
}

/** The baseline window in clinic days, both ends included. */
export function baselineWindow(item: DuePlanItem, enrolledOn: string): { start: string; end: string } {
  return {
    start: addDaysToDate(enrolledOn, -item.windowBeforeDays),
    end: addDaysToDate(enrolledOn, item.windowAfterDays),
  };
}

/** Why this screening PHQ-9 cannot become the baseline (the first reason found), or null when it can. */
export function screeningBaselineProblem(facts: ScreeningBaselineFacts): ScreeningBaselineProblem | null {
  const item = baselinePlanItem(facts.plan);
  if (!item) return { code: 'NOT_PLANNED', message: "This trial's current assessment plan has no PHQ-9 baseline." };
  const { measurement } = facts;
  if (!measurement.isOwn) return { code: 'NOT_OWN', message: 'This screening PHQ-9 belongs to another person.' };
  if (measurement.isVoided) return { code: 'VOIDED', message: 'This screening PHQ-9 was voided.' };
  if (!measurement.hasItems)
    return {
      code: 'NO_ITEMS',
      message: 'This screening PHQ-9 was entered as a total without its nine item answers, so it cannot be a baseline.',
    };
  if (measurement.isUsed)
    return { code: 'ALREADY_USED', message: 'This screening PHQ-9 has already been used as a baseline.' };
  const window = baselineWindow(item, facts.enrolledOn);
  if (compareDates(measurement.measuredOn, window.start) < 0 || compareDates(measurement.measuredOn, window.end) > 0)
    return {
      code: 'OUTSIDE_WINDOW',
      message: `The screening PHQ-9 of ${measurement.measuredOn} is outside the baseline window (${window.start} to ${window.end}).`,
    };
  if (facts.hasBaseline)
    return {
      code: 'BASELINE_EXISTS',
      message: 'A PHQ-9 baseline is already recorded for this participant. Correct it instead.',
    };
  return null;
}
