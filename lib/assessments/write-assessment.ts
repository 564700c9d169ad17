import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { InstrumentCode } from '@/lib/outcomes/instrument-codes';
import type { ScoreSuccess } from '@/lib/outcomes/score-assessment';
import { flagLabel } from '@/lib/outcomes/flags';
import { openAssessmentAlerts } from '@/lib/safety/open-safety-alerts';
import { alertingFlags } from '@/lib/safety/policy';
import { lockAssessmentSlot } from './assessment-slot';
import type { RecordedAssessment } from './types';

/** Where staff took the answers from, when it is not the questionnaire itself: a screening PHQ-9. */
export type AssessmentOrigin = { source: 'SCREENING'; measurementId: string };

/**
 * The one write of a staff-recorded questionnaire, inside the caller's transaction: refuses a
 * second current record for the enrollment × instrument × timepoint (409: correct it instead),
 * stores the scored row, audits `assessment.record`, and for a suicidality answer audits
 * `assessment.safety_flag` and opens the safety alert (lib/safety/policy.ts). Recording a
 * questionnaire and using a screening PHQ-9 as baseline both go through here, so the score, the
 * duplicate rule and the alert cannot drift apart.
 */
export async function writeAssessment({
  tx,
  ctx,
  enrollmentId,
  timepoint,
  administeredAt,
  items,
  score,
  origin,
}: {
  tx: Tx;
  ctx: ActorContext;
  enrollmentId: string;
  timepoint: string;
  administeredAt: Date;
  items: ReadonlyArray<number | null>;
  score: ScoreSuccess & { instrument: InstrumentCode };
  origin?: AssessmentOrigin;
}): Promise<RecordedAssessment> {
  const key = { enrollmentId, instrument: score.instrument, timepoint };
  await lockAssessmentSlot({ tx, ...key });
  const existing = await tx.assessment.findFirst({ where: { ...key, supersededAt: null }, select: { id: true } });
  if (existing) {
    throw new AppError(
      'CONFLICT',
      `A ${score.instrument} is already recorded at ${timepoint} for this participant. Correct it instead.`,
      { details: { assessmentId: existing.id } },
    );
  }
  const row = await tx.assessment.create({
    data: {
      ...key,
      administeredAt,
      items: [...items],
      total: score.total,
      subscores: score.subscores,
      severity: score.severity,
      flags: score.flags,
      isComplete: score.isComplete,
      recordedById: ctx.user.id,
      sourceMeasurementId: origin?.measurementId ?? null,
    },
  });
  const summary = {
    ...key,
    administeredAt: administeredAt.toISOString(),
    total: score.total,
    severity: score.severity,
    flags: score.flags,
  };
  await ctx.audit(tx, {
    action: 'assessment.record',
    entityType: 'Assessment',
    entityId: row.id,
    after: {
      ...summary,
      items,
      ...(origin ? { source: origin.source, sourceMeasurementId: origin.measurementId } : {}),
    },
  });
  const suicidality = alertingFlags(score.flags);
  if (suicidality.length > 0) {
    await ctx.audit(tx, {
      action: 'assessment.safety_flag',
      entityType: 'Assessment',
      entityId: row.id,
      after: { ...summary, flags: suicidality },
      reason: `${suicidality.map(flagLabel).join('; ')}.`,
    });
    await openAssessmentAlerts({
      tx,
      assessment: { id: row.id, enrollmentId, flags: suicidality, items },
      source: 'STAFF',
      audit: ctx.audit,
    });
  }
  return { id: row.id, total: score.total, subscores: score.subscores, severity: score.severity, flags: score.flags };
}
