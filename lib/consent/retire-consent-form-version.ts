import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { CONSENT_FORM_VERSION_SELECT, toConsentFormVersionDto } from './to-consent-form-version-dto';
import type { ConsentFormVersionDto } from './types';

/**
 * An admin retires a consent form version (superseded, IRB withdrawal): no new consent can be
 * recorded on it, consents already recorded keep it. Never deleted; 409 when already retired.
 */
export async function retireConsentFormVersion(options: {
  trialId: string;
  versionId: string;
  reason: string;
  ctx: ActorContext;
}): Promise<ConsentFormVersionDto> {
  const { trialId, versionId, reason, ctx } = options;
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ label: string; retiredAt: Date | null }>>`
      SELECT label, "retiredAt" FROM "ConsentFormVersion" WHERE id = ${versionId} AND "trialId" = ${trialId} FOR UPDATE`;
    if (!locked) throw new AppError('NOT_FOUND', 'This consent form version does not exist in this trial.');
    if (locked.retiredAt) throw new AppError('CONFLICT', 'This consent form version is already retired.');
    const retiredAt = new Date();
    const row = await tx.consentFormVersion.update({
      where: { id: versionId },
      data: { retiredAt, retiredById: ctx.user.id, retireReason: reason },
      select: CONSENT_FORM_VERSION_SELECT,
    });
    await ctx.audit(tx, {
      action: 'consent_form.retire',
      entityType: 'ConsentFormVersion',
      entityId: versionId,
      before: { retiredAt: null },
      after: { trialId, label: locked.label, retiredAt: retiredAt.toISOString() },
      reason,
    });
    return toConsentFormVersionDto(row);
  });
}
