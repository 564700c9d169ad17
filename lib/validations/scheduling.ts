import { z } from 'zod';
import { SLOT_MINUTES_OPTIONS } from '@/lib/scheduling/slot-minutes';

// Clinic scheduling settings and the payloads of the scheduling forms/actions.
// Wall times are clinic-local ('HH:mm' in settings.timeZone); instants travel as ISO 8601
// with an explicit offset so a browser in another zone cannot shift a booking silently.

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const MAX_MONITORING_MINUTES = 480;

function isRealCalendarDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isKnownTimeZone(value: string): boolean {
  // Offsets such as '+05:00' are rejected: a fixed offset ignores daylight saving time.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function timeToMinutes(value: string): number {
  const [hours, minutes] = value.split(':').map(Number);
  return hours * 60 + minutes;
}

export const isoDateSchema = z
  .string('Enter a date')
  .regex(ISO_DATE_PATTERN, 'Use the date format YYYY-MM-DD')
  .refine(isRealCalendarDate, 'This date does not exist');

export const wallTimeSchema = z.string('Enter a time').regex(TIME_PATTERN, 'Use the 24-hour time format HH:mm');

export const timeZoneSchema = z
  .string('Choose a time zone')
  .refine(isKnownTimeZone, 'Use an IANA time zone such as America/New_York');

export const isoWeekdaySchema = z
  .number('Weekday must be a number')
  .int('Weekday must be a whole number')
  .min(1, 'Weekdays run from 1 (Monday) to 7 (Sunday)')
  .max(7, 'Weekdays run from 1 (Monday) to 7 (Sunday)');

/** An instant with an explicit offset or Z; a bare local time would be read in the server's zone. */
export const isoInstantSchema = z.iso.datetime({
  offset: true,
  message: 'Use an ISO 8601 date-time with a time zone offset',
});

const weekdayListSchema = z
  .array(isoWeekdaySchema)
  .refine((days) => new Set(days).size === days.length, 'A weekday is listed twice');

export const closureSchema = z.object({
  date: isoDateSchema,
  reason: z.string().trim().min(1, 'Say why the clinic is closed').max(120, 'Reason must be at most 120 characters'),
});

export const chairSchema = z.object({
  id: z.string().trim().min(1, 'Chair id is required').max(64, 'Chair id must be at most 64 characters'),
  name: z.string().trim().min(1, 'Name the chair').max(60, 'Chair name must be at most 60 characters'),
  isActive: z.boolean(),
});

export const clinicSettingsSchema = z
  .object({
    timeZone: timeZoneSchema,
    openDays: weekdayListSchema.min(1, 'The clinic must be open on at least one day'),
    openTime: wallTimeSchema,
    closeTime: wallTimeSchema,
    slotMinutes: z.literal(SLOT_MINUTES_OPTIONS, 'Slot length must be 15, 20, 30 or 60 minutes'),
    monitoringMinutes: z
      .number('Monitoring time must be a number')
      .int('Use whole minutes')
      .min(0, 'Monitoring time cannot be negative')
      .max(MAX_MONITORING_MINUTES, `Monitoring time must be at most ${MAX_MONITORING_MINUTES} minutes`),
    closures: z.array(closureSchema),
    chairs: z.array(chairSchema),
  })
  .superRefine((settings, ctx) => {
    const isTimeValid = TIME_PATTERN.test(settings.openTime) && TIME_PATTERN.test(settings.closeTime);
    if (isTimeValid) {
      const openMinutes = timeToMinutes(settings.openTime);
      const closeMinutes = timeToMinutes(settings.closeTime);
      if (closeMinutes <= openMinutes) {
        ctx.addIssue({ code: 'custom', path: ['closeTime'], message: 'Closing time must be after opening time' });
      } else if (closeMinutes - openMinutes < settings.slotMinutes) {
        ctx.addIssue({ code: 'custom', path: ['closeTime'], message: 'Opening hours must hold at least one slot' });
      }
    }
    const closureDates = new Set<string>();
    settings.closures.forEach((closure, index) => {
      if (closureDates.has(closure.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['closures', index, 'date'],
          message: `${closure.date} is already listed as a closure`,
        });
      }
      closureDates.add(closure.date);
    });
    const chairIds = new Set<string>();
    settings.chairs.forEach((chair, index) => {
      if (chairIds.has(chair.id)) {
        ctx.addIssue({ code: 'custom', path: ['chairs', index, 'id'], message: `Chair id ${chair.id} is used twice` });
      }
      chairIds.add(chair.id);
    });
  });

export const schedulePreviewSchema = z.object({
  startDate: isoDateSchema,
  preferredDays: weekdayListSchema.min(1, 'Pick at least one preferred day, or leave it empty').optional(),
  preferredTime: wallTimeSchema.optional(),
});

const sessionNumberSchema = z
  .number('Session number must be a number')
  .int('Session number must be a whole number')
  .min(1, 'Session number starts at 1');

export const bookSeriesSchema = z.object({
  visits: z
    .array(
      z.object({
        sessionNumber: sessionNumberSchema,
        scheduledAt: isoInstantSchema,
        // Required for a chair session, refused for a perioperative or inpatient one (lib/visits/assert-chair-choice.ts).
        chairId: z.string().trim().min(1, 'Choose a chair').nullish(),
      }),
    )
    .min(1, 'There is nothing to book')
    .refine(
      (visits) => new Set(visits.map((visit) => visit.sessionNumber)).size === visits.length,
      'A session is listed twice',
    ),
});

export const rescheduleVisitSchema = z.object({
  scheduledAt: isoInstantSchema,
  chairId: z.string().trim().min(1, 'Choose a chair').nullish(),
  reason: z.string().trim().min(1, 'Say why the visit is moved').max(500, 'Reason must be at most 500 characters'),
});

export type Closure = z.infer<typeof closureSchema>;
export type Chair = z.infer<typeof chairSchema>;
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;
export type SchedulePreviewInput = z.infer<typeof schedulePreviewSchema>;
export type BookSeriesInput = z.infer<typeof bookSeriesSchema>;
