import { format, parseISO } from 'date-fns';
import { formatClinicTime } from '@/lib/clinic/clinic-time';

/** "May 2024" for "2024-05", "12 May 2024" for "2024-05-12" (ClinicalTrials.gov dates have no time zone). */
export function formatPartialDate(value: string | null): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}$/.test(value)) return format(parseISO(`${value}-01`), 'MMMM yyyy');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return format(parseISO(value), 'd MMMM yyyy');
  return value;
}

/** An ISO instant on the clinic's wall clock: "23 Nov 2026, 14:05". */
export function formatInstant(iso: string): string {
  return formatClinicTime(new Date(iso));
}
