import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { fromIsoDate } from '@/lib/candidates/mappers';
import { isUniqueViolation } from '@/lib/candidates/unique-violation';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { ConsentFormVersionInput } from '@/lib/validations/consent';
import { CONSENT_FORM_VERSION_SELECT, toConsentFormVersionDto } from './to-consent-form-version-dto';
import type { ConsentFormVersionDto } from './types';

/** An admin adds an IRB-approved consent form version to a trial; 409 when the trial already has that label. */
export async function addConsentFormVersion(options: {
  trialId: string;
  input: ConsentFormVersionInput;
  ctx: ActorContext;
}): Promise<ConsentFormVersionDto> {
  const { trialId, input, ctx } = options;
  try {
    return await prisma.$transaction(async (tx) => {
      const trial = await tx.trial.findUnique({ where: { id: trialId }, select: { id: true } });
      if (!trial) throw new AppError('NOT_FOUND', 'This trial does not exist.');
      const row = await tx.consentFormVersion.create({
        data: {
          trialId,
          label: input.label,
          approvedOn: fromIsoDate(input.approvedOn),
          irbReference: input.irbReference,
          addedById: ctx.user.id,
        },
        select: CONSENT_FORM_VERSION_SELECT,
      });
      await ctx.audit(tx, {
        action: 'consent_form.add',
        entityType: 'ConsentFormVersion',
        entityId: row.id,
        after: { trialId, label: input.label, approvedOn: input.approvedOn, irbReference: input.irbReference },
      });
      return toConsentFormVersionDto(row);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'label'))
      throw new AppError('CONFLICT', 'This trial already has a consent form version with this label.', {
        fields: { label: ['This version is already listed: use another label.'] },
      });
    throw error;
  }
}
