import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';
import type { ChairBooking, SchedulingProtocol } from '@/lib/scheduling/types';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';

// Shared fixtures for the scheduling tests.

export const NEW_YORK = 'America/New_York';

/** Instant of a New York wall time, e.g. ny('2026-12-03', '09:00'). */
export function ny(date: string, time: string): Date {
  return zonedTimeToUtc({ date, time, timeZone: NEW_YORK });
}

/** Twice weekly, 48 h to 7 days apart, 40-minute infusions: 100 minutes of chair time in the demo clinic. */
export const TWICE_WEEKLY: SchedulingProtocol = {
  sessionCount: 4,
  sessionsPerWeek: 2,
  minHoursBetweenSessions: 48,
  maxDaysBetweenSessions: 7,
  infusionMinutes: 40,
};

export const DEMO_CHAIR_IDS = DEMO_CLINIC_SETTINGS.chairs.map((chair) => chair.id);

/** Every demo chair taken from `from` to `to` (New York wall times) on `date`. */
export function allChairsBusy(date: string, from: string, to: string): ChairBooking[] {
  return DEMO_CHAIR_IDS.map((chairId) => ({ chairId, start: ny(date, from), end: ny(date, to) }));
}
