import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';

// Account and audit times are shown on the clinic's wall clock, whatever zone the
// server or the admin's browser is in. CLINIC_TIME_ZONE overrides the demo clinic's.
export const CLINIC_TIME_ZONE = process.env.CLINIC_TIME_ZONE || DEMO_CLINIC_SETTINGS.timeZone;

const FORMATS = {
  /** 14:05 */
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** 23 Nov 2026, 14:05 */
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** 23 Nov 2026, 14:05:09 EST */
  precise: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building a formatter costs far more than using one; exports format thousands of times.
const formatters = new Map<keyof typeof FORMATS, Intl.DateTimeFormat>();

export function formatClinicTime(instant: Date, style: keyof typeof FORMATS = 'dateTime'): string {
  let formatter = formatters.get(style);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { ...FORMATS[style], timeZone: CLINIC_TIME_ZONE });
    formatters.set(style, formatter);
  }
  return formatter.format(instant);
}
