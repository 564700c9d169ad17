import type { ClinicSettings } from '@/lib/validations/scheduling';

/** The demo clinic: Monday–Friday 08:00–17:00 in New York, 3 chairs, 30-minute slots, 60 minutes of monitoring. */
export const DEMO_CLINIC_SETTINGS: ClinicSettings = {
  timeZone: 'America/New_York',
  openDays: [1, 2, 3, 4, 5],
  openTime: '08:00',
  closeTime: '17:00',
  slotMinutes: 30,
  monitoringMinutes: 60,
  closures: [
    { date: '2026-11-26', reason: 'Thanksgiving Day' },
    { date: '2026-12-24', reason: 'Christmas Eve' },
    { date: '2026-12-25', reason: 'Christmas Day' },
    { date: '2027-01-01', reason: "New Year's Day" },
  ],
  chairs: [
    { id: 'chair-1', name: 'Chair 1', isActive: true },
    { id: 'chair-2', name: 'Chair 2', isActive: true },
    { id: 'chair-3', name: 'Chair 3', isActive: true },
  ],
};
