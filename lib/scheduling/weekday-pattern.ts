// Picks the weekdays a multi-session series should repeat on (e.g. Mon/Thu for twice weekly)
// when the coordinator states no preference: spread the sessions as evenly as the open days allow.

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, size - 1).map((combo) => [first, ...combo]), ...combinations(rest, size)];
}

function smallestCircularGap(days: readonly number[]): number {
  const sorted = [...days].sort((a, b) => a - b);
  return Math.min(...sorted.map((day, index) => (index === 0 ? day + 7 : day) - (sorted.at(index - 1) ?? day)));
}

function daysUntilNext(days: readonly number[], fromWeekday: number): number {
  return Math.min(...days.filter((day) => day !== fromWeekday).map((day) => (day - fromWeekday + 7) % 7 || 7));
}

type Candidate = { days: number[]; hasFirst: boolean; gap: number; next: number };

function isBetter(a: Candidate, b: Candidate): boolean {
  if (a.hasFirst !== b.hasFirst) return a.hasFirst;
  if (a.gap !== b.gap) return a.gap > b.gap;
  return a.next < b.next;
}

/**
 * Weekdays (ISO 1–7) for sessions after the first, or null when any open day will do
 * (no weekly limit, or the limit is at least the number of open days).
 */
export function chooseWeekdayPattern(options: {
  openDays: readonly number[];
  sessionsPerWeek: number | null;
  firstWeekday: number;
  minHoursBetweenSessions: number | null;
}): number[] | null {
  const { sessionsPerWeek, firstWeekday, minHoursBetweenSessions } = options;
  const openDays = [...new Set(options.openDays)].sort((a, b) => a - b);
  if (sessionsPerWeek === null || sessionsPerWeek >= openDays.length) return null;
  if (sessionsPerWeek === 1) return [firstWeekday];
  const candidates: Candidate[] = combinations(openDays, sessionsPerWeek).map((days) => ({
    days,
    hasFirst: days.includes(firstWeekday),
    gap: smallestCircularGap(days),
    next: daysUntilNext(days, firstWeekday),
  }));
  // Same time of day on each visit day, so a gap of N days gives N × 24 h.
  const minGapDays = (minHoursBetweenSessions ?? 0) / 24;
  const keepingGap = candidates.filter((candidate) => candidate.gap >= minGapDays);
  const pool = keepingGap.length > 0 ? keepingGap : candidates;
  const best = pool.reduce((winner, candidate) => (isBetter(candidate, winner) ? candidate : winner));
  return best.days;
}
