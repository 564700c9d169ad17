import { openAssessmentAlerts } from '@/lib/safety/open-safety-alerts';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { INSTRUMENT_DEFINITIONS } from '@/lib/outcomes/instruments';
import { isInstrumentCode, type InstrumentCode } from '@/lib/outcomes/instrument-codes';
import { scoreAssessment } from '@/lib/outcomes/score-assessment';

/**
 * Item answers at a symptom level between 0 (none) and 1 (worst), with a little
 * deterministic spread between items so the questionnaires look answered.
 */
export function itemsAt(instrument: keyof typeof INSTRUMENT_DEFINITIONS, level: number, salt: number): number[] {
  const { itemCount, minValue, maxValue } = INSTRUMENT_DEFINITIONS[instrument];
  return Array.from({ length: itemCount }, (_, i) => {
    const jitter = (((i * 7 + salt * 3) % 5) - 2) * 0.06;
    const value = minValue + Math.max(0, Math.min(1, level + jitter)) * (maxValue - minValue);
    return instrument === 'PROMIS_PI' ? Math.round(value * 10) / 10 : Math.round(value);
  });
}

/** One scored demo questionnaire with its audit event (and a safety alert, as a real one would raise). */
export async function recordDemoAssessment(
  db: Db,
  options: {
    enrollmentId: string;
    instrument: InstrumentCode;
    timepoint: string;
    items: number[];
    administeredAt: Date;
    recordedById: string;
  },
) {
  const { enrollmentId, instrument, timepoint, items } = options;
  const score = scoreAssessment({ instrument, items });
  if (!score.ok) throw new Error(`Demo ${instrument} items did not score: ${JSON.stringify(score.errors)}`);
  await db.$transaction(async (tx) => {
    const row = await tx.assessment.create({
      data: {
        enrollmentId,
        instrument,
        timepoint,
        administeredAt: options.administeredAt,
        items: items as Prisma.InputJsonValue,
        total: score.total,
        subscores: score.subscores as Prisma.InputJsonValue,
        severity: score.severity,
        flags: score.flags,
        isComplete: score.isComplete,
        recordedById: options.recordedById,
      },
    });
    await recordAuditEvent(tx, {
      actorId: null,
      actorLabel: 'seed',
      action: 'assessment.record',
      entityType: 'Assessment',
      entityId: row.id,
      after: { instrument: row.instrument, timepoint: row.timepoint, total: row.total },
    });
    // A demo suicidality answer reaches the clinicians like a real one would.
    await openAssessmentAlerts({
      tx,
      assessment: { id: row.id, enrollmentId, flags: score.flags, items },
      source: 'STAFF',
      audit: (auditTx, event) => recordAuditEvent(auditTx, { ...event, actorId: null, actorLabel: 'seed' }),
    });
  });
}

/**
 * Demo questionnaires for participants of NCT06419439 who have had infusions:
 * baseline and after each completed session, improving over the series, so the
 * outcome pages and trial results have real scores to show. NCT06668571 is left
 * without questionnaires for the clinician's end-to-end test to record.
 */
export async function seedOutcomes(db: Db) {
  const enrollments = await db.enrollment.findMany({
    where: { trial: { nctId: 'NCT06419439' }, visits: { some: { status: 'COMPLETED' } } },
    include: {
      visits: { where: { status: 'COMPLETED' }, orderBy: { sessionNumber: 'asc' } },
      trial: {
        include: { protocolVersions: { orderBy: { number: 'desc' }, take: 1, include: { assessmentPlan: true } } },
      },
    },
    orderBy: { createdAt: 'asc' },
  });
  const coordinator = await db.user.findFirst({
    where: { role: 'COORDINATOR', isActive: true },
    orderBy: { createdAt: 'asc' },
  });
  if (!coordinator) return 0;
  let created = 0;
  for (const [index, enrollment] of enrollments.entries()) {
    const plan = enrollment.trial.protocolVersions[0]?.assessmentPlan ?? [];
    const sessionsDone = new Map(enrollment.visits.map((visit) => [visit.sessionNumber, visit]));
    for (const item of plan) {
      if (!isInstrumentCode(item.instrument)) continue;
      const session =
        item.timepoint === 'BASELINE' ? 0 : Number(/^AFTER_SESSION_(\d+)$/.exec(item.timepoint)?.[1] ?? NaN);
      const visit = session > 0 ? sessionsDone.get(session) : undefined;
      if (Number.isNaN(session) || (session > 0 && !visit)) continue;
      const exists = await db.assessment.findFirst({
        where: { enrollmentId: enrollment.id, instrument: item.instrument, timepoint: item.timepoint },
      });
      if (exists) continue;
      // Dissociation (CADSS) is measured right after an infusion and stays mild.
      const level = item.instrument === 'CADSS' ? 0.08 : Math.max(0.1, 0.72 - session * (0.12 + (index % 3) * 0.03));
      await recordDemoAssessment(db, {
        enrollmentId: enrollment.id,
        instrument: item.instrument,
        timepoint: item.timepoint,
        items: itemsAt(item.instrument, level, index + session),
        administeredAt: visit?.completedAt ?? new Date(enrollment.enrolledAt.getTime() + 14 * 3_600_000),
        recordedById: coordinator.id,
      });
      created += 1;
    }
  }
  return created;
}
