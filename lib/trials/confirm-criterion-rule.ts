import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { RuleNode } from '@/lib/validations/eligibility';
import { applyTrialDraft, loadTrialState } from './apply-trial-draft';
import { readTrialDetail } from './get-trial';
import type { TrialDetail } from './types';

type Options = {
  trialId: string;
  criterionId: string;
  /** The rule to confirm (validated by ruleNodeSchema); omitted = the criterion's suggested rule. */
  rule?: RuleNode;
  /** Set the criterion back to clinician judgment (no rule). */
  clear?: boolean;
  amendmentReason?: string | null;
  ctx: ActorContext;
};

/**
 * Confirms a criterion's structured rule (its suggestion, or an edited rule) or
 * clears it to clinician judgment, recording who confirmed it and when. Once
 * anyone has been screened for the trial this amends the protocol: a new
 * version with this one criterion changed, and `amendmentReason` is required.
 * The criterion must belong to the current protocol version (409 otherwise).
 * Audits `criterion.confirm_rule` in the same transaction.
 */
export async function confirmCriterionRule({
  trialId,
  criterionId,
  rule,
  clear = false,
  amendmentReason,
  ctx,
}: Options): Promise<TrialDetail> {
  return prisma.$transaction(
    async (tx) => {
      const state = await loadTrialState({ tx, trialId });
      const index = state.criteria.findIndex((row) => row.id === criterionId);
      if (index === -1) {
        const other = await tx.criterion.findFirst({
          where: { id: criterionId, protocolVersion: { trialId } },
          select: { protocolVersion: { select: { number: true } } },
        });
        if (!other) throw new AppError('NOT_FOUND', 'This criterion does not exist.');
        throw new AppError(
          'CONFLICT',
          `This criterion belongs to protocol version ${other.protocolVersion.number}; the current version is ${state.version.number}. Reload the trial.`,
        );
      }
      const criterion = state.draft.criteria[index];
      const nextRule = clear ? null : (rule ?? criterion.suggestedRule);
      if (nextRule === null && !clear) {
        throw new AppError(
          'VALIDATION_FAILED',
          'This criterion has no suggested rule to confirm; send the rule to confirm.',
          {
            fields: { rule: ['Enter the rule to confirm, or clear the criterion to clinician judgment.'] },
          },
        );
      }
      const draft = {
        ...state.draft,
        criteria: state.draft.criteria.map((item, i) => (i === index ? { ...item, rule: nextRule } : item)),
      };
      const result = await applyTrialDraft({
        tx,
        state,
        next: { draft, armIds: state.armIds },
        ctx,
        amendmentReason,
        reconfirmCriterion: index,
      });
      const detail = (await readTrialDetail({ tx, trialId }))!;
      if (!result.written) return detail;
      await ctx.audit(tx, {
        action: 'criterion.confirm_rule',
        entityType: 'Criterion',
        entityId: result.amendedToVersion !== null ? detail.criteria[index].id : criterionId,
        before: {
          trialId,
          criterionId,
          protocolVersion: state.version.number,
          text: criterion.text,
          rule: criterion.rule,
        },
        after: {
          trialId,
          criterionId: detail.criteria[index].id,
          protocolVersion: detail.protocolVersion.number,
          rule: nextRule,
          cleared: clear,
        },
        reason: result.amendedToVersion !== null ? (amendmentReason ?? null) : null,
      });
      return detail;
    },
    { timeout: 30_000 },
  );
}
