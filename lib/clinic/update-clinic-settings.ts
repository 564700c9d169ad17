import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { zodFieldErrors } from '@/lib/errors/to-app-error';
import type { ClinicUpdateInput } from '@/lib/validations/infusions';
import { clinicSettingsSchema } from '@/lib/validations/scheduling';
import { getClinicSettings, type ClinicSetup } from './get-clinic-settings';

/**
 * Admin: opening days and hours, slot length, monitoring time and the hold rule.
 * The whole result is re-checked with clinicSettingsSchema (closing after opening,
 * at least one slot). Existing visits are not moved. Audited `clinic.update`.
 */
export async function updateClinicSettings({
  input,
  ctx,
}: {
  input: ClinicUpdateInput;
  ctx: ActorContext;
}): Promise<ClinicSetup> {
  return prisma.$transaction(async (tx) => {
    const before = await getClinicSettings({ db: tx });
    const checked = clinicSettingsSchema.safeParse({
      ...before,
      ...input,
      closures: before.closures,
      chairs: before.chairs,
    });
    if (!checked.success) throw new AppError('VALIDATION_FAILED', undefined, { fields: zodFieldErrors(checked.error) });
    const data = {
      timeZone: input.timeZone,
      openDays: [...new Set(input.openDays)].sort((a, b) => a - b),
      openTime: input.openTime,
      closeTime: input.closeTime,
      slotMinutes: input.slotMinutes,
      monitoringMinutes: input.monitoringMinutes,
      holdSbpAbove: input.holdSbpAbove,
      holdDbpAbove: input.holdDbpAbove,
    };
    await tx.clinicSettings.update({ where: { id: 'clinic' }, data });
    const pick = (s: ClinicSetup) => ({
      timeZone: s.timeZone,
      openDays: s.openDays,
      openTime: s.openTime,
      closeTime: s.closeTime,
      slotMinutes: s.slotMinutes,
      monitoringMinutes: s.monitoringMinutes,
      holdSbpAbove: s.holdSbpAbove,
      holdDbpAbove: s.holdDbpAbove,
    });
    await ctx.audit(tx, {
      action: 'clinic.update',
      entityType: 'ClinicSettings',
      entityId: 'clinic',
      before: pick(before),
      after: data,
    });
    return getClinicSettings({ db: tx });
  });
}
