import type { ClinicSettings } from '@/lib/validations/scheduling';
import {
  daysBetweenDates,
  formatDayLabel,
  isoWeekdayOfDate,
  minutesToTime,
  timeToMinutes,
  weekdayName,
} from '@/lib/scheduling/local-date';
import { formatDuration, formatHoursLimit, pluralize } from '@/lib/scheduling/format';
import type { BusyInterval, ChairBooking, Conflict, SchedulingProtocol } from '@/lib/scheduling/types';
import { withSpacingDefaults } from '@/lib/scheduling/session-spacing';
import { needsChair, sessionMinutes, type SessionKind } from '@/lib/scheduling/session-policy';
import { utcToZoned, zonedTimeToUtc } from '@/lib/scheduling/zoned-time';

// The per-slot rules shared by proposing, checking and shifting series.

/**
 * Chair time when the protocol does not state an infusion length. Deliberately long: an
 * unknown infusion must block too much chair time rather than let two participants overlap.
 */
export const DEFAULT_INFUSION_MINUTES = 60;

const HOUR_MS = 3_600_000;

export type SchedulingContext = {
  settings: ClinicSettings;
  protocol: SchedulingProtocol;
  sessionKind: SessionKind;
  /** False for a perioperative or inpatient session: no chair is proposed, checked or accepted. */
  needsChair: boolean;
  /** How long a visit holds the participant (and the chair, if any): infusion + monitoring, or the stay. */
  visitMinutes: number;
  openMinutes: number;
  closeMinutes: number;
  activeChairIds: readonly string[];
  chairNames: ReadonlyMap<string, string>;
  closures: ReadonlyMap<string, string>;
  busyByChair: ReadonlyMap<string, readonly ChairBooking[]>;
  participantBusy: readonly BusyInterval[];
};

/** A visit placed in time, as the interval and weekly rules see it. */
export type PlacedVisit = {
  sessionNumber: number;
  start: Date;
  end: Date;
  localDate: string;
  localTime: string;
  chairId: string | null;
};

export function sessionKindOf(protocol: SchedulingProtocol): SessionKind {
  return protocol.sessionKind ?? 'CHAIR';
}

export function resolveVisitMinutes(options: {
  protocol: SchedulingProtocol;
  settings: ClinicSettings;
  visitMinutes?: number;
}): number {
  const { protocol, settings, visitMinutes } = options;
  if (visitMinutes !== undefined) {
    if (!Number.isFinite(visitMinutes) || visitMinutes <= 0)
      throw new RangeError('visitMinutes must be a positive number');
    return Math.ceil(visitMinutes);
  }
  return sessionMinutes({
    setting: { kind: sessionKindOf(protocol), durationMinutes: protocol.sessionDurationMinutes ?? null },
    chairMinutes: Math.ceil((protocol.infusionMinutes ?? DEFAULT_INFUSION_MINUTES) + settings.monitoringMinutes),
  });
}

export function createSchedulingContext(options: {
  protocol: SchedulingProtocol;
  settings: ClinicSettings;
  busy: readonly ChairBooking[];
  participantBusy: readonly BusyInterval[];
  visitMinutes?: number;
  ignoredVisitIds?: ReadonlySet<string>;
}): SchedulingContext {
  const { protocol, settings, busy, participantBusy, ignoredVisitIds = new Set<string>() } = options;
  const isKept = (entry: { visitId?: string }) => entry.visitId === undefined || !ignoredVisitIds.has(entry.visitId);
  const busyByChair = new Map<string, ChairBooking[]>();
  for (const booking of busy.filter(isKept)) {
    const list = busyByChair.get(booking.chairId) ?? [];
    list.push(booking);
    busyByChair.set(booking.chairId, list);
  }
  const sessionKind = sessionKindOf(protocol);
  return {
    settings,
    sessionKind,
    needsChair: needsChair(sessionKind),
    // The twice-weekly defaults (≥ 48 h, ≤ 7 days) apply wherever the protocol gives no numbers.
    protocol: withSpacingDefaults(protocol),
    visitMinutes: resolveVisitMinutes(options),
    openMinutes: timeToMinutes(settings.openTime),
    closeMinutes: timeToMinutes(settings.closeTime),
    activeChairIds: settings.chairs.filter((chair) => chair.isActive).map((chair) => chair.id),
    chairNames: new Map(settings.chairs.map((chair) => [chair.id, chair.name])),
    closures: new Map(settings.closures.map((closure) => [closure.date, closure.reason])),
    busyByChair,
    participantBusy: participantBusy.filter(isKept),
  };
}

function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

export function chairLabel(ctx: SchedulingContext, chairId: string | null): string {
  if (chairId === null) return 'No chair';
  return ctx.chairNames.get(chairId) ?? `Chair ${chairId}`;
}

/** Why the clinic is shut on a local date, or null when it is open. */
export function getClosedReason(ctx: SchedulingContext, date: string): string | null {
  const closure = ctx.closures.get(date);
  if (closure !== undefined) return `The clinic is closed on ${date} (${closure})`;
  const weekday = isoWeekdayOfDate(date);
  if (!ctx.settings.openDays.includes(weekday))
    return `The clinic is not open on ${weekdayName(weekday)}s (${formatDayLabel(date)})`;
  return null;
}

export function placeVisit(
  ctx: SchedulingContext,
  visit: { sessionNumber: number; start: Date; chairId: string | null },
): PlacedVisit {
  const local = utcToZoned(visit.start, ctx.settings.timeZone);
  return {
    sessionNumber: visit.sessionNumber,
    start: visit.start,
    end: new Date(visit.start.getTime() + ctx.visitMinutes * 60_000),
    localDate: local.date,
    localTime: local.time,
    chairId: visit.chairId,
  };
}

/**
 * Why the whole chair time (infusion + monitoring) does not fit the opening hours, or null. A no-chair
 * session only has to start within opening hours (study staff admit it); its stay runs past closing.
 */
export function getHoursProblem(ctx: SchedulingContext, visit: PlacedVisit): string | null {
  const { openTime, closeTime, timeZone } = ctx.settings;
  const startMinutes = timeToMinutes(visit.localTime);
  const day = formatDayLabel(visit.localDate);
  if (startMinutes < ctx.openMinutes) return `${visit.localTime} on ${day} is before the clinic opens at ${openTime}`;
  if (!ctx.needsChair) {
    return startMinutes < ctx.closeMinutes
      ? null
      : `${visit.localTime} on ${day} is after the clinic closes at ${closeTime}; study staff admit the participant during opening hours`;
  }
  const end = utcToZoned(visit.end, timeZone);
  if (end.date !== visit.localDate || end.minutesOfDay > ctx.closeMinutes) {
    return `A visit at ${visit.localTime} on ${day} needs the chair until ${end.time}, after the clinic closes at ${closeTime}`;
  }
  return null;
}

export type DaySlot = { start: Date; minutes: number };

/** Slot starts on a local date whose whole chair time fits the opening hours (a no-chair session: whose start does). */
export function listDaySlots(ctx: SchedulingContext, date: string): DaySlot[] {
  const slots: DaySlot[] = [];
  for (
    let minutes = ctx.openMinutes;
    ctx.needsChair ? minutes + ctx.visitMinutes <= ctx.closeMinutes : minutes < ctx.closeMinutes;
    minutes += ctx.settings.slotMinutes
  ) {
    const time = minutesToTime(minutes);
    const start = zonedTimeToUtc({ date, time, timeZone: ctx.settings.timeZone });
    const visit = placeVisit(ctx, { sessionNumber: 0, start, chairId: '' });
    // A wall time inside a DST gap does not exist; its shifted instant is another slot.
    if (visit.localDate !== date || visit.localTime !== time) continue;
    if (getHoursProblem(ctx, visit) === null) slots.push({ start, minutes });
  }
  return slots;
}

export function findChairBooking(
  ctx: SchedulingContext,
  interval: { chairId: string | null; start: Date; end: Date },
): ChairBooking | null {
  if (interval.chairId === null) return null;
  return (ctx.busyByChair.get(interval.chairId) ?? []).find((booking) => overlaps(booking, interval)) ?? null;
}

/** A free active chair for [start, end), trying `preferredChairId` first so a participant keeps a chair. */
export function findFreeChair(
  ctx: SchedulingContext,
  options: { start: Date; end: Date; preferredChairId?: string },
): string | null {
  const { start, end, preferredChairId } = options;
  const order =
    preferredChairId && ctx.activeChairIds.includes(preferredChairId)
      ? [preferredChairId, ...ctx.activeChairIds.filter((id) => id !== preferredChairId)]
      : ctx.activeChairIds;
  return order.find((chairId) => findChairBooking(ctx, { chairId, start, end }) === null) ?? null;
}

export function isParticipantFree(ctx: SchedulingContext, interval: { start: Date; end: Date }): boolean {
  return !ctx.participantBusy.some((busy) => overlaps(busy, interval));
}

/** The interval rules between two consecutive sessions (`next` already known to be later). */
export function getIntervalConflict(
  ctx: SchedulingContext,
  pair: { prev: PlacedVisit; next: PlacedVisit },
): Conflict | null {
  const { prev, next } = pair;
  const { minHoursBetweenSessions: minHours, maxDaysBetweenSessions: maxDays } = ctx.protocol;
  const gapMs = next.start.getTime() - prev.start.getTime();
  const sessionNumber = next.sessionNumber;
  if (minHours !== null && gapMs < minHours * HOUR_MS) {
    return {
      sessionNumber,
      code: 'TOO_CLOSE',
      message: `Session ${next.sessionNumber} is ${formatDuration(gapMs)} after session ${prev.sessionNumber}; the protocol needs at least ${formatHoursLimit(minHours)}`,
    };
  }
  // Two infusions for one participant on one day are never intended, whatever the protocol leaves unsaid.
  if (next.localDate === prev.localDate) {
    return {
      sessionNumber,
      code: 'TOO_CLOSE',
      message: `Session ${next.sessionNumber} is on the same day as session ${prev.sessionNumber} (${formatDayLabel(next.localDate)}); sessions need separate days`,
    };
  }
  const gapDays = daysBetweenDates(prev.localDate, next.localDate);
  if (maxDays !== null && gapDays > maxDays) {
    return {
      sessionNumber,
      code: 'TOO_FAR',
      message: `Session ${next.sessionNumber} is ${pluralize(gapDays, 'day')} after session ${prev.sessionNumber}; the protocol allows at most ${pluralize(maxDays, 'day')}`,
    };
  }
  return null;
}

/** Earliest instant the session after `prev` may start, from the minimum gap alone. */
export function earliestAfter(ctx: SchedulingContext, prev: PlacedVisit): Date {
  const minHours = ctx.protocol.minHoursBetweenSessions ?? 0;
  return new Date(prev.start.getTime() + minHours * HOUR_MS);
}
