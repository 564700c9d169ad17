import 'server-only';
import { clinicToday } from '@/lib/clinic/clinic-today';
import { CLINIC_TIME_ZONE } from '@/lib/clinic/clinic-time';
import { prisma, type Db, type Tx } from '@/lib/db';

/** Today on the clinic's wall clock, for expiry: the clinic's own zone once it is set up. */
export async function drugRecordToday(db: Db | Tx = prisma, now: Date = new Date()): Promise<string> {
  const settings = await db.clinicSettings.findUnique({ where: { id: 'clinic' }, select: { timeZone: true } });
  return clinicToday(settings?.timeZone ?? CLINIC_TIME_ZONE, now).date;
}
