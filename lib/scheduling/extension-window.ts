import { addDaysToDate, daysBetweenDates, formatDayLabel } from '@/lib/scheduling/local-date';
import type { SchedulingProtocol } from '@/lib/scheduling/types';

// The optional open-label extension infusion (NCT06668571: "1–7 days after" the blinded
// one) is session sessionCount + 1. It is booked only once the blinded series is done, on
// a clinic day from `minDaysAfterLastSession` to `maxDaysAfterLastSession` after the last
// blinded session, counted in clinic calendar days (day 0 is the same day).

export type ExtensionWindow = {
  sessionNumber: number;
  firstDay: string;
  lastDay: string;
  label: string;
  describe: string;
};

export function extensionSessionNumber(
  protocol: Pick<SchedulingProtocol, 'sessionCount' | 'extension'>,
): number | null {
  return protocol.extension ? protocol.sessionCount + 1 : null;
}

/** The days the extension may be on, given the day of the last blinded session. */
export function extensionWindow(
  protocol: Pick<SchedulingProtocol, 'sessionCount' | 'extension'>,
  lastSessionDay: string,
): ExtensionWindow | null {
  const { extension } = protocol;
  if (!extension) return null;
  const range = `${extension.minDaysAfterLastSession}–${extension.maxDaysAfterLastSession} days`;
  return {
    sessionNumber: protocol.sessionCount + 1,
    firstDay: addDaysToDate(lastSessionDay, extension.minDaysAfterLastSession),
    lastDay: addDaysToDate(lastSessionDay, extension.maxDaysAfterLastSession),
    label: extension.label,
    describe: `${range} after session ${protocol.sessionCount} on ${formatDayLabel(lastSessionDay)}`,
  };
}

/** Null when `day` is inside the window; otherwise the message a 409 carries, naming the window. */
export function extensionWindowProblem(options: {
  protocol: Pick<SchedulingProtocol, 'sessionCount' | 'extension'>;
  lastSessionDay: string;
  day: string;
}): string | null {
  const window = extensionWindow(options.protocol, options.lastSessionDay);
  if (!window || !options.protocol.extension) return null;
  const offset = daysBetweenDates(options.lastSessionDay, options.day);
  const { minDaysAfterLastSession: min, maxDaysAfterLastSession: max } = options.protocol.extension;
  if (offset >= min && offset <= max) return null;
  return `${window.label} (session ${window.sessionNumber}) must be ${window.describe}; ${formatDayLabel(options.day)} is day ${offset}`;
}
