import type { Db, Tx } from '@/lib/db';
import type { VisitStatus } from '@/lib/generated/prisma/client';
import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';

export const DEMO_TIME_ZONE = 'America/New_York';
export const DEMO_CHAIRS = ['Chair 1', 'Chair 2', 'Chair 3'];

/** The demo clinic's holidays (lib/scheduling/demo-clinic.ts), so booking skips them. */
export async function seedClosures(db: Db) {
  for (const closure of DEMO_CLINIC_SETTINGS.closures) {
    const date = new Date(`${closure.date}T00:00:00Z`);
    await db.clinicClosure.upsert({ where: { date }, update: {}, create: { date, reason: closure.reason } });
  }
}

export async function seedChairs(db: Db) {
  const chairs = [];
  for (const name of DEMO_CHAIRS) chairs.push(await db.chair.upsert({ where: { name }, update: {}, create: { name } }));
  return chairs;
}

function isoDate(date: Date) {
  return date.toISOString().slice(0, 10);
}

const CLOSED_DATES = new Set(DEMO_CLINIC_SETTINGS.closures.map((closure) => closure.date));

/** Next open clinic day (Mon–Fri, not a closure) on or after `date`. */
function onWeekday(date: Date): Date {
  const d = new Date(date);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6 || CLOSED_DATES.has(isoDate(d))) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * Lays out a participant's sessions from `firstDay`, spacing them by the
 * protocol's sessions per week, on clinic days at a fixed local time.
 * Sessions before `today` are completed, later ones scheduled.
 */
export async function createVisitSeries(
  db: Tx,
  options: {
    enrollmentId: string;
    chairId: string;
    firstDay: Date;
    sessionCount: number;
    sessionsPerWeek: number;
    localTime: string;
    durationMin: number;
    today: Date;
  },
) {
  const gapDays = Math.max(1, Math.floor(7 / Math.max(1, options.sessionsPerWeek)));
  let day = onWeekday(options.firstDay);
  const visits = [];
  for (let session = 1; session <= options.sessionCount; session += 1) {
    const scheduledAt = zonedTimeToUtc({ date: isoDate(day), time: options.localTime, timeZone: DEMO_TIME_ZONE });
    const status: VisitStatus = scheduledAt < options.today ? 'COMPLETED' : 'SCHEDULED';
    visits.push(
      await db.visit.create({
        data: {
          enrollmentId: options.enrollmentId,
          sessionNumber: session,
          scheduledAt,
          originalScheduledAt: scheduledAt,
          durationMin: options.durationMin,
          endsAt: new Date(scheduledAt.getTime() + options.durationMin * 60_000),
          chairId: options.chairId,
          status,
          ...(status === 'COMPLETED'
            ? { checkedInAt: scheduledAt, completedAt: new Date(scheduledAt.getTime() + options.durationMin * 60_000) }
            : {}),
        },
      }),
    );
    day = onWeekday(new Date(day.getTime() + gapDays * 86_400_000));
  }
  return visits;
}
