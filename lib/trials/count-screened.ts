import 'server-only';
import type { Tx } from '@/lib/db';
import { NOT_SCREENED_STAGES } from './types';

/**
 * How many people have been screened for a trial: pipeline entries past
 * Referred/Contacted, or any saved eligibility check. Once this is above zero,
 * criteria, dosing and assessment-plan changes need a new protocol version.
 */
export async function countScreened({ tx, trialId }: { tx: Tx; trialId: string }): Promise<number> {
  const [pastContact, checked] = await Promise.all([
    tx.pipelineEntry.count({ where: { trialId, stage: { notIn: [...NOT_SCREENED_STAGES] } } }),
    tx.eligibilityCheck.count({ where: { trialId } }),
  ]);
  return pastContact + checked;
}
