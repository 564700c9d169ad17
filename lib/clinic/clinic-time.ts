import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';

// The deployment's fallback clinic zone, used only while no clinic settings row exists
// (getClinicClock in ./clock.ts); the settings' `timeZone` is the clinic's zone (decision 0039).
// Times are formatted with formatClinicZoned (./clinic-wall-time.ts) and the settings' zone.
export const CLINIC_TIME_ZONE = process.env.CLINIC_TIME_ZONE || DEMO_CLINIC_SETTINGS.timeZone;
