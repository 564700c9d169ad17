import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
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

type CriterionSeed = { kind: 'INCLUSION' | 'EXCLUSION'; text: string; rule?: unknown };
type PlanSeed = { instrument: string; timepoint: string; windowBeforeDays: number; windowAfterDays: number };

/**
 * Factory: a new protocol version copied from the trial's latest, with the given criteria (all of
 * them, in order), each arm's confirmed dosing passed through `dosing`, and the plan through
 * `plan`; audited as `trial.amend` like an amendment made on the trial page.
 */
export async function amendProtocol(
  db: Db,
  options: {
    trialId: string;
    reason: string;
    actorId: string | null;
    criteria?: CriterionSeed[];
    dosing?: (armLabel: string, protocol: Record<string, unknown>) => Record<string, unknown>;
    plan?: (items: PlanSeed[]) => PlanSeed[];
  },
) {
  const { trialId, reason, actorId } = options;
  return db.$transaction(async (tx) => {
    const latest = await tx.protocolVersion.findFirstOrThrow({
      where: { trialId },
      orderBy: { number: 'desc' },
      include: {
        criteria: { orderBy: { position: 'asc' } },
        dosing: { include: { arm: { select: { label: true } } } },
        assessmentPlan: true,
      },
    });
    const criteria =
      options.criteria ?? latest.criteria.map(({ kind, text, rule }) => ({ kind, text, rule: rule ?? undefined }));
    const plan = latest.assessmentPlan.map(({ instrument, timepoint, windowBeforeDays, windowAfterDays }) => ({
      instrument,
      timepoint,
      windowBeforeDays,
      windowAfterDays,
    }));
    const version = await tx.protocolVersion.create({
      data: {
        trialId,
        number: latest.number + 1,
        reason,
        createdById: actorId,
        criteria: {
          create: criteria.map((criterion, position) => ({
            kind: criterion.kind,
            position,
            text: criterion.text,
            rule: criterion.rule === undefined ? undefined : (criterion.rule as Prisma.InputJsonValue),
          })),
        },
        dosing: {
          create: latest.dosing.map((row) => {
            const protocol = row.protocol as Record<string, unknown> | null;
            return {
              armId: row.armId,
              protocol: (protocol && options.dosing
                ? options.dosing(row.arm.label, protocol)
                : (protocol ?? undefined)) as Prisma.InputJsonObject | undefined,
            };
          }),
        },
        assessmentPlan: { create: options.plan ? options.plan(plan) : plan },
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      actorLabel: actorId ? null : 'seed',
      action: 'trial.amend',
      entityType: 'Trial',
      entityId: trialId,
      reason,
      before: { protocolVersion: latest.number, protocolVersionId: latest.id },
      after: {
        protocolVersion: version.number,
        protocolVersionId: version.id,
        changes: ['criteria', 'dosing', 'plan'],
      },
    });
    return version;
  });
}
