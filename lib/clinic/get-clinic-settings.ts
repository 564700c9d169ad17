import 'server-only';
import { prisma, type Db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { ClinicSettings } from '@/lib/validations/scheduling';

export type ClinicSetup = ClinicSettings & {
  /** Blood-pressure hold rule: infusion held when SBP or DBP is above these (mmHg). */
  holdSbpAbove: number;
  holdDbpAbove: number;
  /** Closure ids by date, so a closure can be removed. */
  closureIds: Record<string, string>;
  updatedAt: string;
};

/**
 * The clinic's scheduling settings in the shape the scheduling rules take
 * (lib/validations/scheduling.ts ClinicSettings), plus the hold rule. Every chair is
 * listed with its `isActive` flag: the rules only book active chairs, and knowing the
 * inactive ones lets them explain "Chair 2 is out of service" instead of "unknown chair".
 * Pass the transaction client to read inside a booking transaction.
 */
export async function getClinicSettings({ db = prisma }: { db?: Db | Tx } = {}): Promise<ClinicSetup> {
  // Sequential on purpose: inside a transaction the client runs one query at a time.
  const row = await db.clinicSettings.findUnique({ where: { id: 'clinic' } });
  const closures = await db.clinicClosure.findMany({ orderBy: { date: 'asc' } });
  const chairs = await db.chair.findMany({ orderBy: [{ name: 'asc' }] });
  if (!row) throw new AppError('CONFLICT', 'The clinic has no settings yet; an admin must set opening hours first.');
  const closureList = closures.map((closure) => ({
    id: closure.id,
    date: closure.date.toISOString().slice(0, 10),
    reason: closure.reason,
  }));
  return {
    timeZone: row.timeZone,
    openDays: [...row.openDays].sort((a, b) => a - b),
    openTime: row.openTime,
    closeTime: row.closeTime,
    slotMinutes: row.slotMinutes as ClinicSettings['slotMinutes'],
    monitoringMinutes: row.monitoringMinutes,
    closures: closureList.map(({ date, reason }) => ({ date, reason })),
    chairs: chairs.map((chair) => ({ id: chair.id, name: chair.name, isActive: chair.isActive })),
    holdSbpAbove: row.holdSbpAbove,
    holdDbpAbove: row.holdDbpAbove,
    closureIds: Object.fromEntries(closureList.map((closure) => [closure.date, closure.id])),
    updatedAt: row.updatedAt.toISOString(),
  };
}
