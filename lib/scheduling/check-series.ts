import type { ClinicSettings } from '@/lib/validations/scheduling';
import { extensionSessionNumber, extensionWindowProblem } from '@/lib/scheduling/extension-window';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import { countInWindowEnding, rollingLimitMessage } from '@/lib/scheduling/session-spacing';
import { pluralize } from '@/lib/scheduling/format';
import { checkChairChoice } from '@/lib/scheduling/session-policy';
import {
  chairLabel,
  createSchedulingContext,
  findChairBooking,
  getClosedReason,
  getHoursProblem,
  getIntervalConflict,
  isParticipantFree,
  placeVisit,
  type PlacedVisit,
  type SchedulingContext,
} from '@/lib/scheduling/slot-rules';
import type {
  BusyInterval,
  ChairBooking,
  Conflict,
  ConflictCode,
  SchedulingProtocol,
  SeriesVisit,
} from '@/lib/scheduling/types';

export type CheckSeriesInput = {
  protocol: SchedulingProtocol;
  settings: ClinicSettings;
  visits: readonly SeriesVisit[];
  busy: readonly ChairBooking[];
  participantBusy: readonly BusyInterval[];
  now: Date;
  visitMinutes?: number;
};

const CODE_ORDER: readonly ConflictCode[] = [
  'ORDER',
  'IN_PAST',
  'CLINIC_CLOSED',
  'OUTSIDE_HOURS',
  'CHAIR_REQUIRED',
  'CHAIR_NOT_USED',
  'CHAIR_FULL',
  'PARTICIPANT_BUSY',
  'TOO_CLOSE',
  'TOO_FAR',
  'WEEK_LIMIT',
  'EXTENSION_WINDOW',
];

type Entry = { visit: SeriesVisit; placed: PlacedVisit };

function describeSlot(placed: PlacedVisit): string {
  return `${formatDayLabel(placed.localDate)} ${placed.localTime}`;
}

function checkSlot(ctx: SchedulingContext, entry: Entry, now: Date): Conflict[] {
  const { visit, placed } = entry;
  const sessionNumber = visit.sessionNumber;
  const conflicts: Conflict[] = [];
  if (placed.start.getTime() < now.getTime()) {
    conflicts.push({
      sessionNumber,
      code: 'IN_PAST',
      message: `Session ${sessionNumber} (${describeSlot(placed)}) is in the past`,
    });
  }
  const closedReason = getClosedReason(ctx, placed.localDate);
  if (closedReason !== null) {
    conflicts.push({ sessionNumber, code: 'CLINIC_CLOSED', message: closedReason });
  } else {
    const hoursProblem = getHoursProblem(ctx, placed);
    if (hoursProblem !== null) conflicts.push({ sessionNumber, code: 'OUTSIDE_HOURS', message: hoursProblem });
  }
  const where = `${placed.localTime} on ${formatDayLabel(placed.localDate)}`;
  const chairProblem = checkChairChoice({ kind: ctx.sessionKind, chairId: visit.chairId });
  if (chairProblem !== null) {
    conflicts.push({
      sessionNumber,
      code: chairProblem.code,
      message: `Session ${sessionNumber}: ${chairProblem.message}`,
    });
  } else if (visit.chairId === null) {
    // A no-chair session takes no chair: nothing to check.
  } else if (!ctx.activeChairIds.includes(visit.chairId)) {
    const isKnown = ctx.chairNames.has(visit.chairId);
    const message = isKnown
      ? `${chairLabel(ctx, visit.chairId)} is out of service`
      : `Chair ${visit.chairId} does not exist at this clinic`;
    conflicts.push({ sessionNumber, code: 'CHAIR_FULL', message });
  } else if (findChairBooking(ctx, placed) !== null) {
    conflicts.push({
      sessionNumber,
      code: 'CHAIR_FULL',
      message: `${chairLabel(ctx, visit.chairId)} is full at ${where}`,
    });
  }
  if (!isParticipantFree(ctx, placed)) {
    conflicts.push({
      sessionNumber,
      code: 'PARTICIPANT_BUSY',
      message: `The participant already has an appointment at ${where}`,
    });
  }
  return conflicts;
}

function checkNumbering(
  ctx: SchedulingContext,
  entries: readonly Entry[],
): { conflicts: Conflict[]; ordered: Entry[] } {
  const conflicts: Conflict[] = [];
  const seen = new Set<number>();
  const ordered: Entry[] = [];
  const sessionCount = ctx.protocol.sessionCount;
  const lastNumber = extensionSessionNumber(ctx.protocol) ?? sessionCount;
  for (const entry of [...entries].sort((a, b) => a.visit.sessionNumber - b.visit.sessionNumber)) {
    const sessionNumber = entry.visit.sessionNumber;
    if (!Number.isInteger(sessionNumber) || sessionNumber < 1 || sessionNumber > lastNumber) {
      const extensionNote = ctx.protocol.extension ? ` and its extension, session ${lastNumber}` : '';
      conflicts.push({
        sessionNumber,
        code: 'ORDER',
        message: `Session ${sessionNumber} is not part of this protocol (${pluralize(sessionCount, 'session')}${extensionNote})`,
      });
      continue;
    }
    if (seen.has(sessionNumber)) {
      conflicts.push({ sessionNumber, code: 'ORDER', message: `Session ${sessionNumber} is listed more than once` });
      continue;
    }
    seen.add(sessionNumber);
    ordered.push(entry);
  }
  return { conflicts, ordered };
}

function checkPairs(ctx: SchedulingContext, ordered: readonly Entry[]): Conflict[] {
  const conflicts: Conflict[] = [];
  for (let index = 1; index < ordered.length; index += 1) {
    const prev = ordered[index - 1];
    const next = ordered[index];
    if (prev.visit.isLocked && next.visit.isLocked) continue;
    // A conflict belongs to the visit that can still be moved.
    const blamed = next.visit.isLocked ? prev.visit.sessionNumber : next.visit.sessionNumber;
    if (next.placed.start.getTime() <= prev.placed.start.getTime()) {
      conflicts.push({
        sessionNumber: blamed,
        code: 'ORDER',
        message: `Session ${next.visit.sessionNumber} (${describeSlot(next.placed)}) must come after session ${prev.visit.sessionNumber} (${describeSlot(prev.placed)})`,
      });
      continue;
    }
    if (next.visit.sessionNumber === extensionSessionNumber(ctx.protocol)) {
      const problem = extensionWindowProblem({
        protocol: ctx.protocol,
        lastSessionDay: prev.placed.localDate,
        day: next.placed.localDate,
      });
      if (problem !== null) conflicts.push({ sessionNumber: blamed, code: 'EXTENSION_WINDOW', message: problem });
      continue;
    }
    const conflict = getIntervalConflict(ctx, { prev: prev.placed, next: next.placed });
    if (conflict !== null) conflicts.push({ ...conflict, sessionNumber: blamed });
  }
  return conflicts;
}

function checkWeekLimit(ctx: SchedulingContext, ordered: readonly Entry[]): Conflict[] {
  const limit = ctx.protocol.sessionsPerWeek;
  if (limit === null) return [];
  // The open-label extension is outside the blinded series' rhythm.
  const extension = extensionSessionNumber(ctx.protocol);
  const series = [...ordered]
    .filter((entry) => entry.visit.sessionNumber !== extension)
    .sort((a, b) => a.placed.start.getTime() - b.placed.start.getTime());
  const conflicts: Conflict[] = [];
  const kept: Entry[] = [];
  for (const entry of series) {
    // "N per week" is any 7 consecutive days. Visits that already happened cannot be moved, so a later, movable one carries the blame.
    const isOver =
      countInWindowEnding(
        [...kept.map((other) => other.placed.localDate), entry.placed.localDate],
        entry.placed.localDate,
      ) > limit;
    if (isOver && !entry.visit.isLocked) {
      conflicts.push({
        sessionNumber: entry.visit.sessionNumber,
        code: 'WEEK_LIMIT',
        message: rollingLimitMessage({ sessionNumber: entry.visit.sessionNumber, day: entry.placed.localDate, limit }),
      });
      continue;
    }
    kept.push(entry);
  }
  return conflicts;
}

/**
 * Every rule a (possibly coordinator-edited) series breaks. An empty list means the series
 * can be booked. Bookings in `busy`/`participantBusy` that carry the visitId of a visit in
 * the series are the series itself and are ignored.
 */
export function checkSeries(input: CheckSeriesInput): Conflict[] {
  const { visits, now } = input;
  const ignoredVisitIds = new Set(visits.flatMap((visit) => (visit.visitId === undefined ? [] : [visit.visitId])));
  const ctx = createSchedulingContext({ ...input, ignoredVisitIds });
  const entries: Entry[] = visits.map((visit) => ({
    visit,
    placed: placeVisit(ctx, { sessionNumber: visit.sessionNumber, start: visit.scheduledAt, chairId: visit.chairId }),
  }));
  const { conflicts: numbering, ordered } = checkNumbering(ctx, entries);
  const conflicts = [
    ...numbering,
    ...entries.filter((entry) => !entry.visit.isLocked).flatMap((entry) => checkSlot(ctx, entry, now)),
    ...checkPairs(ctx, ordered),
    ...checkWeekLimit(ctx, ordered),
  ];
  return conflicts.sort(
    (a, b) => a.sessionNumber - b.sessionNumber || CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code),
  );
}
