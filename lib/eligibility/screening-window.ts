// Screening-window policy: how old a recorded value may be on the day of a check and still decide a criterion.
//
// - Every trial has a screening window in days (default 30). No trial page we hold states one, so the default is
//   an assumption until an admin confirms it; who confirmed it and when is stored with the trial.
// - A rule with its own `withinDays` uses that instead (e.g. veteran status, a lifetime diagnosis). Medication
//   rules always carry their own look-back, which also bounds how old the medication history may be.
// - A value exactly `window` days old counts; one day older is stale. A stale value is UNKNOWN whatever it says:
//   an old "absent" must not clear an exclusion, nor an old score meet an inclusion.
// - Age and sex have no window (age is computed on the check day; sex is not re-measured).

export const DEFAULT_SCREENING_WINDOW_DAYS = 30;
export const MIN_WINDOW_DAYS = 1;
/** Ten years: anything longer is almost certainly a typo in days. */
export const MAX_WINDOW_DAYS = 3650;

export type AppliedWindow = { days: number; isRuleOwn: boolean };

/** The window a leaf is judged by: its own `withinDays`, else the trial's screening window. */
export function applicableWindow(ruleWithinDays: number | undefined, screeningWindowDays: number): AppliedWindow {
  if (ruleWithinDays !== undefined) return { days: ruleWithinDays, isRuleOwn: true };
  return { days: screeningWindowDays, isRuleOwn: false };
}

/** "PHQ-9 total recorded 400 days before the check; older than the 30-day screening window". */
export function describeStale(what: string, ageDays: number, window: AppliedWindow): string {
  const days = ageDays === 1 ? '1 day' : `${ageDays} days`;
  const limit = window.isRuleOwn
    ? `this criterion's ${window.days}-day window`
    : `the ${window.days}-day screening window`;
  return `${what} recorded ${days} before the check; older than ${limit}`;
}
