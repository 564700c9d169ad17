import 'server-only';
import { clinicToday } from '@/lib/clinic/clinic-today';
import { CLINIC_TIME_ZONE } from '@/lib/clinic/clinic-time';
import { prisma, type Db, type Tx } from '@/lib/db';
import { utcToZoned } from '@/lib/scheduling/zoned-time';

// The clinic clock: what "now" and "today" mean for clinical records is the clinic's wall
// clock in the time zone of its settings, not the server's or the browser's. Code that needs
// a clinic day (a weight "measured today", an expiry, a due date) asks this, and tests pass
// their own `now`.

export type ClinicClock = {
  timeZone: string;
  now: () => Date;
  /** The clinic-local day, 'YYYY-MM-DD'. */
  today: () => string;
  /** The clinic-local day as a UTC-midnight Date (date-only columns). */
  todayAsDate: () => Date;
  /** An instant on the clinic's wall clock: its local day and 'HH:mm'. */
  wallClock: (instant: Date) => { date: string; time: string };
};

export function clockFor(timeZone: string, now: () => Date = () => new Date()): ClinicClock {
  return {
    timeZone,
    now,
    today: () => clinicToday(timeZone, now()).date,
    todayAsDate: () => clinicToday(timeZone, now()).day,
    wallClock: (instant) => {
      const zoned = utcToZoned(instant, timeZone);
      return { date: zoned.date, time: zoned.time };
    },
  };
}

/** The clinic's clock from its settings (the deployment's CLINIC_TIME_ZONE before any are saved). */
export async function getClinicClock(options: { db?: Db | Tx; now?: () => Date } = {}): Promise<ClinicClock> {
  const db = options.db ?? prisma;
  const settings = await db.clinicSettings.findUnique({ where: { id: 'clinic' }, select: { timeZone: true } });
  return clockFor(settings?.timeZone ?? CLINIC_TIME_ZONE, options.now);
}

/**
 * The one clinic time zone: the clinic settings' `timeZone` (set by an admin), falling back to
 * CLINIC_TIME_ZONE only while no settings row exists. Pages pass it to the components that show
 * or take times, so no browser ever uses its own zone for a clinical time (decision 0039).
 */
export async function getClinicTimeZone(options: { db?: Db | Tx } = {}): Promise<string> {
  return (await getClinicClock({ db: options.db })).timeZone;
}
