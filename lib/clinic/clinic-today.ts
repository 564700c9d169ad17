import { utcToZoned } from '@/lib/scheduling/zoned-time';

/**
 * Today on the clinic's wall clock: 'YYYY-MM-DD' and the same day as a UTC-midnight Date,
 * the form the dose calculator and date-only columns expect.
 */
export function clinicToday(timeZone: string, now: Date = new Date()): { date: string; day: Date } {
  const date = utcToZoned(now, timeZone).date;
  return { date, day: new Date(`${date}T00:00:00.000Z`) };
}
