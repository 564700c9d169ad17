import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { DosingProtocol } from '@/lib/validations/dosing';
import { applyTrialDraft, loadTrialState } from './apply-trial-draft';
import { readTrialDetail } from './get-trial';
import type { TrialDetail } from './types';

type Options = {
  trialId: string;
  armId: string;
  /** The protocol to confirm (validated by dosingProtocolSchema); omitted = the arm's suggested protocol. */
  dosing?: DosingProtocol;
  amendmentReason?: string | null;
  ctx: ActorContext;
};

/**
 * Confirms an arm's dosing protocol (its suggestion, or an edited protocol) in
 * the current protocol version. Once anyone has been screened for the trial this
 * amends the protocol (a new version; `amendmentReason` required). Audits
 * `arm.confirm_dosing` in the same transaction.
 */
export async function confirmArmDosing({
  trialId,
  armId,
  dosing,
  amendmentReason,
  ctx,
}: Options): Promise<TrialDetail> {
  return prisma.$transaction(
    async (tx) => {
      const state = await loadTrialState({ tx, trialId });
      const index = state.armIds.indexOf(armId);
      if (index === -1) throw new AppError('NOT_FOUND', 'This arm is not part of the trial.');
      const arm = state.draft.arms[index];
      const protocol = dosing ?? arm.suggestedDosing;
      if (protocol === null) {
        throw new AppError(
          'VALIDATION_FAILED',
          'This arm has no suggested dosing protocol to confirm; send the protocol to confirm.',
          {
            fields: { dosing: ['Enter the dosing protocol to confirm.'] },
          },
        );
      }
      const draft = {
        ...state.draft,
        arms: state.draft.arms.map((item, i) => (i === index ? { ...item, dosing: protocol } : item)),
      };
      const result = await applyTrialDraft({ tx, state, next: { draft, armIds: state.armIds }, ctx, amendmentReason });
      const detail = (await readTrialDetail({ tx, trialId }))!;
      if (result.written) {
        await ctx.audit(tx, {
          action: 'arm.confirm_dosing',
          entityType: 'Arm',
          entityId: armId,
          before: { trialId, label: arm.label, protocolVersion: state.version.number, dosing: arm.dosing },
          after: { trialId, label: arm.label, protocolVersion: detail.protocolVersion.number, dosing: protocol },
          reason: result.amendedToVersion !== null ? (amendmentReason ?? null) : null,
        });
      }
      return detail;
    },
    { timeout: 30_000 },
  );
}
