import 'server-only';
import type { Tx } from '@/lib/db';
import type { EligibilityCriterion } from '@/lib/eligibility/types';
import { AppError } from '@/lib/errors/app-error';
import { trialLabel } from '@/lib/candidates/mappers';
import { readProvenance } from '@/lib/provenance/read-provenance';
import { ruleForEngine } from '@/lib/provenance/rule-assumptions';
import { ruleNodeSchema } from '@/lib/validations/eligibility';

export type TrialCriteria = {
  trial: { id: string; label: string };
  protocolVersion: { id: string; number: number };
  /** How old a value may be for a rule without its own window (lib/eligibility/screening-window.ts). */
  screeningWindowDays: number;
  /**
   * In protocol order. Only confirmed rules count; a criterion without one is clinician judgment, and so is
   * one whose rule rests on an unconfirmed clinic assumption (lib/provenance/rule-assumptions.ts).
   */
  criteria: EligibilityCriterion[];
};

/**
 * A trial's current (highest-numbered) protocol version and its criteria as the
 * engine takes them. 404 for an unknown trial, 409 when the protocol has no
 * criteria to check against. A stored rule that no longer passes the rule schema
 * is refused loudly rather than evaluated.
 */
export async function loadTrialCriteria({ tx, trialId }: { tx: Tx; trialId: string }): Promise<TrialCriteria> {
  const trial = await tx.trial.findUnique({
    where: { id: trialId },
    select: {
      id: true,
      acronym: true,
      shortTitle: true,
      title: true,
      screeningWindowDays: true,
      protocolVersions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, number: true } },
    },
  });
  if (!trial)
    throw new AppError('NOT_FOUND', 'This trial does not exist.', {
      fields: { trialId: ['Choose an existing trial.'] },
    });
  const version = trial.protocolVersions[0];
  if (!version) throw new AppError('CONFLICT', 'This trial has no protocol version to check eligibility against.');
  const rows = await tx.criterion.findMany({
    where: { protocolVersionId: version.id },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, text: true, rule: true, provenance: true },
  });
  if (rows.length === 0) throw new AppError('CONFLICT', 'This trial has no eligibility criteria yet.');
  const criteria = rows.map((row): EligibilityCriterion => {
    const rule = ruleForEngine(row.rule, readProvenance(row.provenance));
    if (rule === null) return { id: row.id, kind: row.kind, text: row.text, rule: null };
    const parsed = ruleNodeSchema.safeParse(rule);
    if (!parsed.success) throw new Error(`Criterion ${row.id} has a stored rule that is not valid`);
    return { id: row.id, kind: row.kind, text: row.text, rule: parsed.data };
  });
  return {
    trial: { id: trial.id, label: trialLabel(trial) },
    protocolVersion: version,
    screeningWindowDays: trial.screeningWindowDays,
    criteria,
  };
}
