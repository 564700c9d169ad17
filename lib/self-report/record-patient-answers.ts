import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { lockAssessmentSlot } from '@/lib/assessments/assessment-slot';
import { scoreOrThrow } from '@/lib/assessments/score-or-throw';
import { CRISIS_RESOURCES, PARTICIPANT_LABEL, type CrisisResources } from './catalog';
import { openAssessmentAlerts } from '@/lib/safety/open-safety-alerts';
import { alertingFlags } from '@/lib/safety/policy';

export type PatientAnswersResult = { recorded: true; assessmentId: string; crisisResources: CrisisResources | null };

/**
 * Records a participant's own answers through a link, inside the caller's transaction
 * (which holds the link's row lock): scored like staff entries, stored as source PATIENT
 * with no staff recorder, the link spent, audited with the participant as the actor.
 * A suicidality answer adds the crisis resources to the result and opens a safety alert for
 * the clinicians.
 */
export async function recordPatientAnswers(options: {
  tx: Tx;
  link: { id: string; enrollmentId: string; instrument: string; timepoint: string };
  items: ReadonlyArray<number | null>;
  channel: 'LINK' | 'TABLET';
  meta: { requestId: string | null; ipAddress: string | null };
  now?: Date;
}): Promise<PatientAnswersResult> {
  const { tx } = options;
  const { link, items, channel, meta, now = new Date() } = options;
  const score = scoreOrThrow(link.instrument, items);
  const slot = { enrollmentId: link.enrollmentId, instrument: link.instrument, timepoint: link.timepoint };
  await lockAssessmentSlot({ tx, ...slot });
  const existing = await tx.assessment.findFirst({ where: { ...slot, supersededAt: null }, select: { id: true } });
  if (existing)
    throw new AppError(
      'GONE',
      'Your study team has already recorded this questionnaire. Thank you — there is nothing more to do.',
    );
  const row = await tx.assessment.create({
    data: {
      ...slot,
      administeredAt: now,
      items: [...items],
      total: score.total,
      subscores: score.subscores,
      severity: score.severity,
      flags: score.flags,
      isComplete: score.isComplete,
      recordedById: null,
      source: 'PATIENT',
      selfReportLinkId: link.id,
    },
  });
  await tx.selfReportLink.update({ where: { id: link.id }, data: { usedAt: now } });
  const summary = {
    ...slot,
    source: 'PATIENT',
    channel,
    total: score.total,
    severity: score.severity,
    flags: score.flags,
  };
  const actor = { actorId: null, actorLabel: PARTICIPANT_LABEL, requestId: meta.requestId, ipAddress: meta.ipAddress };
  await recordAuditEvent(tx, {
    ...actor,
    action: 'assessment.record',
    entityType: 'Assessment',
    entityId: row.id,
    after: { ...summary, items },
  });
  const suicidality = alertingFlags(score.flags);
  const isAlert = suicidality.length > 0;
  if (isAlert) {
    await recordAuditEvent(tx, {
      ...actor,
      action: 'assessment.safety_flag',
      entityType: 'Assessment',
      entityId: row.id,
      after: { ...summary, flags: suicidality },
      reason: 'Suicidality item answered by the participant on a self-report.',
    });
    await openAssessmentAlerts({
      tx,
      assessment: { id: row.id, enrollmentId: link.enrollmentId, flags: suicidality, items },
      source: 'PATIENT',
      audit: (auditTx, event) => recordAuditEvent(auditTx, { ...actor, ...event }),
    });
  }
  return { recorded: true, assessmentId: row.id, crisisResources: isAlert ? CRISIS_RESOURCES : null };
}
