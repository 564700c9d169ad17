import {
  addDaysToDate,
  compareDates,
  daysBetweenDates,
  formatDayLabel,
  isoWeekdayOfDate,
} from '@/lib/scheduling/local-date';
import { ROLLING_WINDOW_DAYS, wouldExceedRollingLimit } from '@/lib/scheduling/session-spacing';
import { joinList, pluralize } from '@/lib/scheduling/format';
import {
  earliestAfter,
  findChairBooking,
  findFreeChair,
  getClosedReason,
  getHoursProblem,
  getIntervalConflict,
  isParticipantFree,
  listDaySlots,
  placeVisit,
  type DaySlot,
  type PlacedVisit,
  type SchedulingContext,
} from '@/lib/scheduling/slot-rules';
import type { Conflict, ConflictCode } from '@/lib/scheduling/types';
import { utcToZoned } from '@/lib/scheduling/zoned-time';

// Depth-first search for a series of sessions that keeps every rule. Each session tries
// its current slot (if any), then dates nearest its ideal date and times nearest its
// preferred time; a dead end backtracks into the previous session's next choice.

export type SessionRequest = { sessionNumber: number; current?: { start: Date; chairId: string | null } };
export type SessionPreference = { days: readonly number[] | null; minutes: number | null };

export type SearchSeriesRequest = {
  ctx: SchedulingContext;
  /** Sessions already fixed before the ones to place, in order. */
  anchors: readonly PlacedVisit[];
  sessions: readonly SessionRequest[];
  earliestDate: string;
  earliestInstant: Date;
  horizonDays: number;
  preferenceFor: (index: number, placed: readonly PlacedVisit[]) => SessionPreference;
  maxSteps?: number;
};

export type SearchSeriesResult = { visits: PlacedVisit[]; problem: Conflict | null };

type SearchWindow = { lo: string; hi: string; minInstant: Date; maxDate: string | null; prev: PlacedVisit | null };
type Diagnosis = {
  closures: Map<string, string>;
  weekFull: Set<string>;
  noChair: string[];
  participantBusy: string[];
  hasNoFit: boolean;
  hasOpenDay: boolean;
};
type DeadEnd = { index: number; window: SearchWindow; diagnosis: Diagnosis; placed: PlacedVisit[] };

const DEFAULT_MAX_STEPS = 20_000;

function emptyDiagnosis(): Diagnosis {
  return {
    closures: new Map(),
    weekFull: new Set(),
    noChair: [],
    participantBusy: [],
    hasNoFit: false,
    hasOpenDay: false,
  };
}

export function searchSeries(request: SearchSeriesRequest): SearchSeriesResult {
  const { ctx, anchors, sessions, earliestDate, earliestInstant, horizonDays, preferenceFor } = request;
  const maxSteps = request.maxSteps ?? DEFAULT_MAX_STEPS;
  const weekLimit = ctx.protocol.sessionsPerWeek;
  const maxDays = ctx.protocol.maxDaysBetweenSessions;
  const slotCache = new Map<string, DaySlot[]>();
  const failedStates = new Set<string>();
  let steps = 0;
  let deadEnd: DeadEnd | null = null;

  const daySlots = (date: string): DaySlot[] => {
    const cached = slotCache.get(date);
    if (cached) return cached;
    const slots = listDaySlots(ctx, date);
    slotCache.set(date, slots);
    return slots;
  };
  // "N per week" is any 7 consecutive days, not the calendar week.
  const isWeekFull = (placed: readonly PlacedVisit[], date: string) =>
    wouldExceedRollingLimit({
      taken: [...anchors, ...placed].map((visit) => visit.localDate),
      day: date,
      limit: weekLimit,
    });
  /** The sessions of the last 6 days before `visit`: all that the rolling limit of later sessions depends on. */
  const recentDays = (placed: readonly PlacedVisit[], visit: PlacedVisit): string =>
    [...anchors, ...placed]
      .map((other) => other.localDate)
      .filter(
        (day) =>
          compareDates(day, addDaysToDate(visit.localDate, -(ROLLING_WINDOW_DAYS - 1))) >= 0 &&
          compareDates(day, visit.localDate) <= 0,
      )
      .sort(compareDates)
      .join(',');

  const windowFor = (prev: PlacedVisit | null): SearchWindow => {
    const minInstant = prev && earliestAfter(ctx, prev) > earliestInstant ? earliestAfter(ctx, prev) : earliestInstant;
    const candidates = [earliestDate, utcToZoned(minInstant, ctx.settings.timeZone).date];
    if (prev) candidates.push(addDaysToDate(prev.localDate, 1));
    const lo = candidates.sort(compareDates).at(-1) ?? earliestDate;
    const maxDate = prev && maxDays !== null ? addDaysToDate(prev.localDate, maxDays) : null;
    const horizon = addDaysToDate(lo, horizonDays);
    const hi = maxDate !== null && compareDates(maxDate, horizon) < 0 ? maxDate : horizon;
    return { lo, hi, minInstant, maxDate, prev };
  };

  const isCurrentValid = (visit: PlacedVisit, window: SearchWindow, placed: readonly PlacedVisit[]): boolean => {
    if (visit.start < window.minInstant || compareDates(visit.localDate, window.lo) < 0) return false;
    if (window.prev && getIntervalConflict(ctx, { prev: window.prev, next: visit }) !== null) return false;
    if (getClosedReason(ctx, visit.localDate) !== null || getHoursProblem(ctx, visit) !== null) return false;
    if (isWeekFull(placed, visit.localDate) || !isParticipantFree(ctx, visit)) return false;
    if (!ctx.needsChair) return visit.chairId === null;
    return (
      visit.chairId !== null && ctx.activeChairIds.includes(visit.chairId) && findChairBooking(ctx, visit) === null
    );
  };

  function* candidatesFor(
    index: number,
    placed: readonly PlacedVisit[],
    window: SearchWindow,
    diagnosis: Diagnosis,
  ): Generator<PlacedVisit> {
    const session = sessions[index];
    const current = session.current
      ? placeVisit(ctx, {
          sessionNumber: session.sessionNumber,
          start: session.current.start,
          chairId: session.current.chairId,
        })
      : null;
    if (current && isCurrentValid(current, window, placed)) yield current;
    if (compareDates(window.lo, window.hi) > 0) return;
    const preference = preferenceFor(index, placed);
    const dates: string[] = [];
    for (let date = window.lo; compareDates(date, window.hi) <= 0; date = addDaysToDate(date, 1)) dates.push(date);
    const ideal =
      (preference.days && dates.find((date) => preference.days?.includes(isoWeekdayOfDate(date)))) || window.lo;
    dates.sort(
      (a, b) => Math.abs(daysBetweenDates(ideal, a)) - Math.abs(daysBetweenDates(ideal, b)) || compareDates(a, b),
    );
    const preferredChairId = (placed.at(-1) ?? anchors.at(-1))?.chairId ?? undefined;
    for (const date of dates) {
      const closedReason = getClosedReason(ctx, date);
      if (closedReason !== null) {
        if (ctx.closures.has(date)) diagnosis.closures.set(date, ctx.closures.get(date) ?? '');
        continue;
      }
      diagnosis.hasOpenDay = true;
      if (isWeekFull(placed, date)) {
        diagnosis.weekFull.add(date);
        continue;
      }
      const slots = [...daySlots(date)];
      if (slots.length === 0) diagnosis.hasNoFit = true;
      if (preference.minutes !== null) {
        const target = preference.minutes;
        slots.sort((a, b) => Math.abs(a.minutes - target) - Math.abs(b.minutes - target) || a.minutes - b.minutes);
      }
      let isChairFull = false;
      let isParticipantTaken = false;
      for (const slot of slots) {
        if (slot.start < window.minInstant) continue;
        const visit = placeVisit(ctx, { sessionNumber: session.sessionNumber, start: slot.start, chairId: null });
        if (!isParticipantFree(ctx, visit)) {
          isParticipantTaken = true;
          continue;
        }
        if (!ctx.needsChair) {
          // Perioperative and inpatient sessions hold no chair: full chairs never stop them.
          if (current && current.start.getTime() === visit.start.getTime() && current.chairId === null) continue;
          yield visit;
          continue;
        }
        const chairId = findFreeChair(ctx, { start: visit.start, end: visit.end, preferredChairId });
        if (chairId === null) {
          isChairFull = true;
          continue;
        }
        if (current && current.start.getTime() === visit.start.getTime() && current.chairId === chairId) continue;
        yield { ...visit, chairId };
      }
      if (isChairFull) diagnosis.noChair.push(date);
      if (isParticipantTaken) diagnosis.participantBusy.push(date);
    }
  }

  const place = (index: number, placed: PlacedVisit[]): boolean => {
    if (index === sessions.length) return true;
    steps += 1;
    if (steps > maxSteps) return false;
    const prev = placed.at(-1) ?? anchors.at(-1) ?? null;
    // Whether the rest can be placed depends only on the previous visit and its week's count.
    const stateKey = prev ? `${index}|${prev.start.getTime()}|${recentDays(placed, prev)}` : `${index}|start`;
    if (failedStates.has(stateKey)) return false;
    const window = windowFor(prev);
    const diagnosis = emptyDiagnosis();
    let hasCandidate = false;
    for (const candidate of candidatesFor(index, placed, window, diagnosis)) {
      hasCandidate = true;
      placed.push(candidate);
      if (place(index + 1, placed)) return true;
      placed.pop();
      if (steps > maxSteps) return false;
    }
    if (!hasCandidate && (deadEnd === null || index > deadEnd.index))
      deadEnd = { index, window, diagnosis, placed: [...placed] };
    failedStates.add(stateKey);
    return false;
  };

  const placed: PlacedVisit[] = [];
  if (place(0, placed)) return { visits: placed, problem: null };
  const found = deadEnd as DeadEnd | null;
  if (found === null) {
    const sessionNumber = sessions[0]?.sessionNumber ?? 1;
    return {
      visits: [],
      problem: {
        sessionNumber,
        code: 'CHAIR_FULL',
        message: 'No series fits: too many combinations were tried without success. Pick the dates by hand.',
      },
    };
  }
  return {
    visits: found.placed,
    problem: describeDeadEnd(ctx, { ...found, sessionNumber: sessions[found.index].sessionNumber }),
  };
}

function describeDeadEnd(ctx: SchedulingContext, deadEnd: DeadEnd & { sessionNumber: number }): Conflict {
  const { sessionNumber, window, diagnosis } = deadEnd;
  const { prev, maxDate } = window;
  const limitNote =
    prev && maxDate !== null && window.hi === maxDate
      ? ` (at most ${pluralize(daysBetweenDates(prev.localDate, maxDate), 'day')} after session ${prev.sessionNumber} on ${formatDayLabel(prev.localDate)})`
      : '';
  if (compareDates(window.lo, window.hi) > 0) {
    return {
      sessionNumber,
      code: 'TOO_FAR',
      message: `Session ${sessionNumber} must be on or before ${formatDayLabel(window.hi)}${limitNote}, but the earliest allowed day is ${formatDayLabel(window.lo)}`,
    };
  }
  const reasons: string[] = [];
  const codes: ConflictCode[] = [];
  if (diagnosis.noChair.length > 0) {
    reasons.push(`every chair is full on ${joinList([...diagnosis.noChair].sort(compareDates).map(formatDayLabel))}`);
    codes.push('CHAIR_FULL');
  }
  if (diagnosis.participantBusy.length > 0) {
    reasons.push(
      `the participant has other appointments on ${joinList([...diagnosis.participantBusy].sort(compareDates).map(formatDayLabel))}`,
    );
    codes.push('PARTICIPANT_BUSY');
  }
  if (diagnosis.weekFull.size > 0) {
    const days = [...diagnosis.weekFull].sort(compareDates).map(formatDayLabel);
    reasons.push(
      `the limit of ${ctx.protocol.sessionsPerWeek} sessions in any 7 days is already reached for ${joinList(days)}`,
    );
    codes.push('WEEK_LIMIT');
  }
  if (diagnosis.closures.size > 0) {
    const closed = [...diagnosis.closures]
      .sort(([a], [b]) => compareDates(a, b))
      .map(([date, reason]) => `${date} (${reason})`);
    reasons.push(`the clinic is closed on ${joinList(closed)}`);
    codes.push('CLINIC_CLOSED');
  }
  if (!diagnosis.hasOpenDay && diagnosis.closures.size === 0) {
    reasons.push('the clinic has no open day in that period');
    codes.push('CLINIC_CLOSED');
  }
  if (diagnosis.hasNoFit) {
    reasons.push(
      ctx.needsChair
        ? `no start time leaves room for the ${ctx.visitMinutes}-minute chair time (infusion and monitoring) before closing`
        : 'no start time falls within opening hours',
    );
    codes.push('OUTSIDE_HOURS');
  }
  if (reasons.length === 0) {
    reasons.push(
      `every remaining start time is earlier than ${utcToZoned(window.minInstant, ctx.settings.timeZone).time} on ${formatDayLabel(window.lo)}`,
    );
    codes.push(prev ? 'TOO_CLOSE' : 'IN_PAST');
  }
  const span =
    window.lo === window.hi
      ? `on ${formatDayLabel(window.lo)}`
      : `between ${formatDayLabel(window.lo)} and ${formatDayLabel(window.hi)}`;
  return {
    sessionNumber,
    code: codes[0],
    message: `No free slot for session ${sessionNumber} ${span}${limitNote}: ${reasons.join('; ')}`,
  };
}
