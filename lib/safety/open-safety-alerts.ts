import 'server-only';
import type { AuditFn } from '@/lib/auth/actor-context';
import type { Tx } from '@/lib/db';
import { FLAG_DEFINITIONS } from '@/lib/outcomes/flags';
import { adverseEventAlertSummary, alertingFlags, flagAlertSummary, isAlertingAdverseEvent } from './policy';

type AuditInTx = (tx: Tx, event: Parameters<AuditFn>[1]) => Promise<void>;

/**
 * Opens one alert per suicidality flag of a just-recorded (or corrected) questionnaire,
 * inside its transaction, audited `safety_alert.open`. A flag that already has an alert on
 * this assessment is not opened twice. Reused by staff entry and the participant's own
 * answers (self-report links, clinic tablet).
 */
export async function openAssessmentAlerts(options: {
  tx: Tx;
  assessment: { id: string; enrollmentId: string; flags: readonly string[]; items: ReadonlyArray<number | null> };
  source: 'STAFF' | 'PATIENT';
  audit: AuditInTx;
}): Promise<string[]> {
  const { tx } = options;
  const { assessment, source, audit } = options;
  const opened: string[] = [];
  for (const flag of alertingFlags(assessment.flags)) {
    const item = FLAG_DEFINITIONS[flag].item;
    const answer = item === null ? null : (assessment.items[item - 1] ?? null);
    const existing = await tx.safetyAlert.findUnique({
      where: { assessmentId_flagCode: { assessmentId: assessment.id, flagCode: flag } },
      select: { id: true },
    });
    if (existing) continue;
    const alert = await tx.safetyAlert.create({
      data: {
        kind: 'SUICIDALITY',
        enrollmentId: assessment.enrollmentId,
        assessmentId: assessment.id,
        flagCode: flag,
        summary: flagAlertSummary({ flag, item, answer, source }),
      },
    });
    await audit(tx, {
      action: 'safety_alert.open',
      entityType: 'SafetyAlert',
      entityId: alert.id,
      after: { kind: alert.kind, flagCode: flag, assessmentId: assessment.id, enrollmentId: assessment.enrollmentId },
    });
    opened.push(alert.id);
  }
  return opened;
}

/** Opens the alert of a serious adverse event, inside the transaction that records it. */
export async function openAdverseEventAlert(options: {
  tx: Tx;
  adverseEvent: { id: string; enrollmentId: string; isSerious: boolean; term: string; grade: number };
  audit: AuditInTx;
}): Promise<string | null> {
  const { tx } = options;
  const { adverseEvent, audit } = options;
  if (!isAlertingAdverseEvent(adverseEvent)) return null;
  const alert = await tx.safetyAlert.create({
    data: {
      kind: 'SERIOUS_ADVERSE_EVENT',
      enrollmentId: adverseEvent.enrollmentId,
      adverseEventId: adverseEvent.id,
      summary: adverseEventAlertSummary(adverseEvent),
    },
  });
  await audit(tx, {
    action: 'safety_alert.open',
    entityType: 'SafetyAlert',
    entityId: alert.id,
    after: { kind: alert.kind, adverseEventId: adverseEvent.id, enrollmentId: adverseEvent.enrollmentId },
  });
  return alert.id;
}
