import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Db } from '@/lib/db';
import type { PipelineStage } from '@/lib/generated/prisma/client';
import type { InstrumentCode } from '@/lib/outcomes/instrument-codes';
import { addToPipeline, buildCandidate, daysAgo } from './candidates';
import { itemsAt, recordDemoAssessment } from './outcomes';
import { createVisitSeries } from './visits';
import { assignSubjectId } from '@/lib/enrollments/assign-subject-id';

// Ten synthetic participants of the KAP pilot (five per arm), every one obviously fictional, whose questionnaires
// after sessions 1, 3 and 6 give the kind of table the article reports: per-session group means and the % change
// of the group means from session 1 to 3 to 6. The shapes follow the article's description (the intramuscular
// group improving steadily, the oral group's pain and PTSD scores falling, then rising again); the numbers are
// made up and are not the pilot's.

const FIRST_NAMES = ['Orla', 'Pim', 'Quinta', 'Rafe', 'Saffi', 'Tamsin', 'Ulric', 'Vesna', 'Wynn', 'Yara'];
const LAST_NAME = 'Pilotfiction';
const COMPLETED_PATH: PipelineStage[] = [
  'REFERRED',
  'CONTACTED',
  'PRESCREENING',
  'AWAITING_REVIEW',
  'ELIGIBLE',
  'CONSENTED',
  'ENROLLED',
  'IN_TREATMENT',
  'COMPLETED',
];

/** Symptom level (0 = none, 1 = worst) after sessions 1, 3 and 6, per arm and instrument. */
const LEVELS: Record<'IM' | 'ORAL', Record<'BDI_II' | 'BPI_SF' | 'GAD7' | 'PCL5', [number, number, number]>> = {
  IM: { BDI_II: [0.6, 0.46, 0.36], BPI_SF: [0.64, 0.52, 0.44], GAD7: [0.58, 0.47, 0.4], PCL5: [0.56, 0.45, 0.38] },
  ORAL: { BDI_II: [0.58, 0.5, 0.47], BPI_SF: [0.6, 0.41, 0.54], GAD7: [0.55, 0.49, 0.47], PCL5: [0.54, 0.42, 0.5] },
};
const SESSIONS = [1, 3, 6] as const;
/** BDI-II item 9 is suicidal thoughts: the synthetic participants have none, so the demo raises no alerts. */
const BDI_SUICIDALITY_ITEM = 8;

export async function seedKapPilot(db: Db, options: { chairId: string; coordinatorId: string; today: Date }) {
  const trial = await db.trial.findFirst({
    where: { protocolNumber: 'KAP-PILOT', nctId: null },
    include: { arms: { orderBy: { position: 'asc' } } },
  });
  if (!trial) return 0;
  let created = 0;
  for (const [i, firstName] of FIRST_NAMES.entries()) {
    const mrn = `DEMO-KAP-${String(i + 1).padStart(2, '0')}`;
    if (await db.candidate.findUnique({ where: { mrn } })) continue;
    const arm = trial.arms[i % 2];
    const group = arm.position === 0 ? 'IM' : 'ORAL';
    const base = buildCandidate(200 + i, options.today);
    const candidate = await db.$transaction(async (tx) => {
      const row = await tx.candidate.create({
        data: {
          ...base,
          firstName,
          lastName: LAST_NAME,
          mrn,
          email: `${firstName}.${LAST_NAME}.kap@example.test`.toLowerCase(),
          referralDate: daysAgo(120, options.today),
          assignedCoordinatorId: options.coordinatorId,
        },
      });
      await recordAuditEvent(tx, {
        actorId: null,
        actorLabel: 'seed',
        action: 'candidate.create',
        entityType: 'Candidate',
        entityId: row.id,
        after: { mrn: row.mrn },
      });
      return row;
    });
    const entry = await addToPipeline(db, {
      candidateId: candidate.id,
      trialId: trial.id,
      path: COMPLETED_PATH,
      actorId: options.coordinatorId,
      startedAt: daysAgo(120, options.today),
    });
    const { enrollment, visits } = await db.$transaction(async (tx) => {
      const row = await tx.enrollment.create({
        data: {
          candidateId: candidate.id,
          trialId: trial.id,
          subjectId: await assignSubjectId({ tx, trialId: trial.id }),
          pipelineEntryId: entry.id,
          armId: arm.id,
          enrolledAt: daysAgo(80, options.today),
          status: 'COMPLETED',
        },
      });
      const series = await createVisitSeries(tx, {
        enrollmentId: row.id,
        chairId: options.chairId,
        firstDay: daysAgo(75 - (i % 3), options.today),
        sessionCount: 6,
        sessionsPerWeek: 1,
        localTime: ['09:00', '11:00', '13:30'][i % 3],
        durationMin: 120,
        today: options.today,
      });
      await recordAuditEvent(tx, {
        actorId: null,
        actorLabel: 'seed',
        action: 'enrollment.create',
        entityType: 'Enrollment',
        entityId: row.id,
        after: { armId: arm.id, visits: series.length },
      });
      return { enrollment: row, visits: series };
    });
    // A little spread between participants, so group means are not one person's score.
    const spread = ((i * 5) % 7) * 0.02 - 0.06;
    for (const [s, session] of SESSIONS.entries()) {
      const visit = visits.find((row) => row.sessionNumber === session);
      for (const [instrument, levels] of Object.entries(LEVELS[group]) as Array<[InstrumentCode, number[]]>) {
        const items = itemsAt(instrument as 'BDI_II', levels[s] + spread, i + session);
        if (instrument === 'BDI_II') items[BDI_SUICIDALITY_ITEM] = 0;
        await recordDemoAssessment(db, {
          enrollmentId: enrollment.id,
          instrument,
          timepoint: `AFTER_SESSION_${session}`,
          items,
          administeredAt: visit?.completedAt ?? options.today,
          recordedById: options.coordinatorId,
        });
      }
    }
    created += 1;
  }
  return created;
}
