import { format, parseISO } from 'date-fns';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';

/** "May 2024" for "2024-05", "12 May 2024" for "2024-05-12" (ClinicalTrials.gov dates have no time zone). */
export function formatPartialDate(value: string | null): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}$/.test(value)) return format(parseISO(`${value}-01`), 'MMMM yyyy');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format(parseISO(value), 'd MMMM yyyy');
  return value;
}

/** An ISO instant on the clinic's wall clock in `timeZone` (the settings'): "23 Nov 2026, 14:05 EST". */
export function formatInstant(iso: string, timeZone: string): string {
  return formatClinicZoned(new Date(iso), timeZone);
}
