import 'server-only';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma, type Db, type Tx } from '@/lib/db';

/** Today on the clinic's wall clock, for expiry (lib/clinic/clock.ts). */
export async function drugRecordToday({
  db = prisma,
  now = new Date(),
}: {
  db?: Db | Tx;
  now?: Date;
} = {}): Promise<string> {
  return (await getClinicClock({ db, now: () => now })).today();
}
