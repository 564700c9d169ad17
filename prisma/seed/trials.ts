import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Db } from '@/lib/db';
import { createTrialFromDraft } from '@/lib/trials/create-trial-from-draft';
import { trialDraftSchema, type TrialDraftInput } from '@/lib/validations/trials';
import { seedSubjectIdPattern } from './data/subject-id-patterns';

/** Factory: a complete trial record from a draft (validated by the same schema the API uses). */
export async function createTrial(
  db: Db,
  input: TrialDraftInput,
  options: { source?: 'SEED' | 'MANUAL' | 'CTGOV_IMPORT'; actorId?: string | null } = {},
) {
  const draft = trialDraftSchema.parse(input);
  return db.$transaction(async (tx) => {
    const result = await createTrialFromDraft({
      tx,
      draft,
      source: options.source ?? 'SEED',
      actorId: options.actorId ?? null,
    });
    await recordAuditEvent(tx, {
      actorId: options.actorId ?? null,
      actorLabel: options.actorId ? null : 'seed',
      action: 'trial.create',
      entityType: 'Trial',
      entityId: result.trial.id,
      after: { nctId: draft.nctId, title: draft.title, arms: draft.arms.length, criteria: draft.criteria.length },
    });
    return result;
  });
}

/** Seeds trials that are not there yet (matched by NCT id, else protocol number). */
export async function seedTrials(db: Db, drafts: readonly TrialDraftInput[]) {
  const trials = [];
  for (const input of drafts) {
    const existing = await db.trial.findFirst({
      where: input.nctId ? { nctId: input.nctId } : { protocolNumber: input.protocolNumber ?? '', nctId: null },
    });
    if (existing) {
      trials.push(existing);
      continue;
    }
    const { trial } = await createTrial(db, input);
    const pattern = seedSubjectIdPattern(input);
    // Left unconfirmed on purpose: it is the clinic's assumption, listed on the trial page.
    trials.push(
      pattern ? await db.trial.update({ where: { id: trial.id }, data: { subjectIdPattern: pattern } }) : trial,
    );
  }
  return trials;
}
