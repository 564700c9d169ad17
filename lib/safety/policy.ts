import { FLAG_DEFINITIONS, isFlagCode, isSuicidalityFlag, type FlagCode } from '@/lib/outcomes/flags';

// Safety-alert policy: which answers and events must reach a clinician, and how each
// alert reads. Suicidality flags (PHQ-9 item 9 > 0, BDI-II item 9 > 0, QIDS-SR16
// item 12 ≥ 1 — the items and thresholds live on each instrument's definition) and
// serious adverse events open an alert that stays at the top of every clinician's
// dashboard and on the participant's page until a clinician acknowledges it with the
// action taken. Alert text never names an arm or a dose (masked trials).

export type SafetyAlertKind = 'SUICIDALITY' | 'SERIOUS_ADVERSE_EVENT';

export const SAFETY_ALERT_KIND_LABELS: Record<SafetyAlertKind, string> = {
  SUICIDALITY: 'Suicidality answer',
  SERIOUS_ADVERSE_EVENT: 'Serious adverse event',
};

/** The longest action note an acknowledgement may carry. */
export const MAX_ACTION_LENGTH = 1000;

/** The flags of a scored questionnaire that open a safety alert. */
export function alertingFlags(flags: readonly string[]): FlagCode[] {
  return flags.filter((flag): flag is FlagCode => isFlagCode(flag) && isSuicidalityFlag(flag));
}

/** A serious adverse event (ICH E2A: death, life-threatening, hospitalisation, disability...) opens an alert. */
export function isAlertingAdverseEvent(event: { isSerious: boolean }): boolean {
  return event.isSerious;
}

export function flagAlertSummary(options: {
  flag: FlagCode;
  item: number | null;
  answer: number | null;
  source: 'STAFF' | 'PATIENT';
}): string {
  const { flag, answer, source } = options;
  const who = source === 'PATIENT' ? 'answered by the participant' : 'recorded by staff';
  return `${FLAG_DEFINITIONS[flag].label} (answer ${answer ?? 'n/a'}, ${who}).`;
}

export function adverseEventAlertSummary(event: { term: string; grade: number }): string {
  return `Serious adverse event: ${event.term}, CTCAE grade ${event.grade}.`;
}
