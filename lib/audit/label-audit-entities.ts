import 'server-only';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db';
import { DRUG_MOVEMENT_LABELS } from '@/lib/drug-inventory/policy';
import { shortInstrumentName as instrumentName } from '@/lib/outcomes/instrument-codes';
import { SAFETY_ALERT_KIND_LABELS } from '@/lib/safety/policy';
import { describeTimepointCode } from '@/lib/trials/timepoint-code';
import { trialLabel } from '@/lib/candidates/mappers';
import { candidateLabel, joinLabel, sessionLabel } from './entity-label-format';

// Names the records an audit page (or export) refers to, one query per entity type present,
// never one per row. Labels name people, trials, sessions and instruments, never an arm or a
// dose, so they need no redaction for blinded readers (decision 0001); an arm's own label is
// registry data and is shown like on the trial record.

export type EntityRef = { entityType: string; entityId: string | null };

const CANDIDATE = { select: { firstName: true, lastName: true, mrn: true } } as const;
const TRIAL = { select: { acronym: true, shortTitle: true, title: true } } as const;
const ENROLLMENT = { select: { candidate: CANDIDATE, trial: TRIAL } } as const;
const VISIT = { select: { sessionNumber: true, scheduledAt: true, enrollment: ENROLLMENT } } as const;
const LOT = { select: { lotNumber: true, drug: true } } as const;

type Enr = { candidate: Parameters<typeof candidateLabel>[0]; trial: Parameters<typeof trialLabel>[0] };
type Vis = { sessionNumber: number; scheduledAt: Date; enrollment: Enr };

type Resolver = (db: Db, ids: string[], timeZone: string) => Promise<Array<[string, string]>>;

const enrollmentLabel = (row: Enr) => joinLabel(candidateLabel(row.candidate), trialLabel(row.trial));
const visitLabel = (row: Vis, timeZone: string) =>
  joinLabel(sessionLabel(row, timeZone), candidateLabel(row.enrollment.candidate), trialLabel(row.enrollment.trial));

/** One resolver per entity type of the catalogue (lib/audit/events.ts); others fall back to the type and id. */
const RESOLVERS: Record<string, Resolver> = {
  User: async (db, ids) =>
    (await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, role: true } })).map(
      (row) => [row.id, `${row.name} (${ROLE_LABELS[row.role]})`],
    ),
  Candidate: async (db, ids) =>
    (await db.candidate.findMany({ where: { id: { in: ids } }, select: { id: true, ...CANDIDATE.select } })).map(
      (row) => [row.id, candidateLabel(row)],
    ),
  Trial: async (db, ids) =>
    (await db.trial.findMany({ where: { id: { in: ids } }, select: { id: true, ...TRIAL.select } })).map((row) => [
      row.id,
      trialLabel(row),
    ]),
  PipelineEntry: async (db, ids) =>
    (await db.pipelineEntry.findMany({ where: { id: { in: ids } }, select: { id: true, ...ENROLLMENT.select } })).map(
      (row) => [row.id, enrollmentLabel(row)],
    ),
  // The subject ID is assigned in enrolment order from the trial's pattern: it names no arm.
  Enrollment: async (db, ids) =>
    (
      await db.enrollment.findMany({
        where: { id: { in: ids } },
        select: { id: true, subjectId: true, ...ENROLLMENT.select },
      })
    ).map((row) => [row.id, joinLabel(candidateLabel(row.candidate), row.subjectId, trialLabel(row.trial))]),
  EligibilityCheck: async (db, ids) =>
    (
      await db.eligibilityCheck.findMany({ where: { id: { in: ids } }, select: { id: true, ...ENROLLMENT.select } })
    ).map((row) => [row.id, enrollmentLabel(row)]),
  Consent: async (db, ids) =>
    (
      await db.consent.findMany({
        where: { id: { in: ids } },
        select: { id: true, formVersion: { select: { label: true } }, pipelineEntry: ENROLLMENT },
      })
    ).map((row) => [row.id, joinLabel(enrollmentLabel(row.pipelineEntry), `form ${row.formVersion.label}`)]),
  ConsentDocument: async (db, ids) =>
    (
      await db.consentDocument.findMany({
        where: { id: { in: ids } },
        select: { id: true, revision: true, consent: { select: { pipelineEntry: ENROLLMENT } } },
      })
    ).map((row) => [
      row.id,
      joinLabel(enrollmentLabel(row.consent.pipelineEntry), `signed form, revision ${row.revision}`),
    ]),
  ConsentFormVersion: async (db, ids) =>
    (
      await db.consentFormVersion.findMany({
        where: { id: { in: ids } },
        select: { id: true, label: true, trial: TRIAL },
      })
    ).map((row) => [row.id, joinLabel(trialLabel(row.trial), `consent form ${row.label}`)]),
  ContactAttempt: async (db, ids) =>
    (
      await db.contactAttempt.findMany({
        where: { id: { in: ids } },
        select: { id: true, candidate: CANDIDATE, trial: TRIAL },
      })
    ).map((row) => [row.id, joinLabel(candidateLabel(row.candidate), row.trial ? trialLabel(row.trial) : null)]),
  EmergencyUnblinding: async (db, ids) =>
    (
      await db.emergencyUnblinding.findMany({
        where: { id: { in: ids } },
        select: { id: true, enrollment: ENROLLMENT },
      })
    ).map((row) => [row.id, enrollmentLabel(row.enrollment)]),
  // The entry's sequence and arm are allocation: the label names only the trial.
  AllocationEntry: async (db, ids) =>
    (
      await db.allocationEntry.findMany({
        where: { id: { in: ids } },
        select: { id: true, list: { select: { trial: TRIAL } } },
      })
    ).map((row) => [row.id, `Allocation list of ${trialLabel(row.list.trial)}`]),
  AllocationList: async (db, ids) =>
    (await db.allocationList.findMany({ where: { id: { in: ids } }, select: { id: true, trial: TRIAL } })).map(
      (row) => [row.id, `Allocation list of ${trialLabel(row.trial)}`],
    ),
  Arm: async (db, ids) =>
    (await db.arm.findMany({ where: { id: { in: ids } }, select: { id: true, label: true, trial: TRIAL } })).map(
      (row) => [row.id, joinLabel(trialLabel(row.trial), `arm "${row.label}"`)],
    ),
  Criterion: async (db, ids) =>
    (
      await db.criterion.findMany({
        where: { id: { in: ids } },
        select: { id: true, kind: true, position: true, protocolVersion: { select: { number: true, trial: TRIAL } } },
      })
    ).map((row) => [
      row.id,
      joinLabel(
        trialLabel(row.protocolVersion.trial),
        `v${row.protocolVersion.number}`,
        `${row.kind === 'INCLUSION' ? 'Inclusion' : 'Exclusion'} criterion ${row.position + 1}`,
      ),
    ]),
  ArmDosing: async (db, ids) =>
    (
      await db.armDosing.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          arm: { select: { label: true } },
          protocolVersion: { select: { number: true, trial: TRIAL } },
        },
      })
    ).map((row) => [
      row.id,
      joinLabel(
        trialLabel(row.protocolVersion.trial),
        `v${row.protocolVersion.number}`,
        `dosing of "${row.arm.label}"`,
      ),
    ]),
  AssessmentPlanItem: async (db, ids) =>
    (
      await db.assessmentPlanItem.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          instrument: true,
          timepoint: true,
          protocolVersion: { select: { number: true, trial: TRIAL } },
        },
      })
    ).map((row) => [
      row.id,
      joinLabel(
        trialLabel(row.protocolVersion.trial),
        `v${row.protocolVersion.number}`,
        `${instrumentName(row.instrument)} ${describeTimepointCode(row.timepoint).toLowerCase()}`,
      ),
    ]),
  Visit: async (db, ids, tz) =>
    (await db.visit.findMany({ where: { id: { in: ids } }, select: { id: true, ...VISIT.select } })).map((row) => [
      row.id,
      visitLabel(row, tz),
    ]),
  VitalSign: async (db, ids, tz) =>
    (
      await db.vitalSign.findMany({ where: { id: { in: ids } }, select: { id: true, timepoint: true, visit: VISIT } })
    ).map((row) => [row.id, joinLabel(`Vitals ${row.timepoint}`, visitLabel(row.visit, tz))]),
  DoseVerification: async (db, ids, tz) =>
    (await db.doseVerification.findMany({ where: { id: { in: ids } }, select: { id: true, visit: VISIT } })).map(
      (row) => [row.id, visitLabel(row.visit, tz)],
    ),
  InfusionAdministration: async (db, ids, tz) =>
    (await db.infusionAdministration.findMany({ where: { id: { in: ids } }, select: { id: true, visit: VISIT } })).map(
      (row) => [row.id, visitLabel(row.visit, tz)],
    ),
  AdverseEvent: async (db, ids) =>
    (
      await db.adverseEvent.findMany({
        where: { id: { in: ids } },
        select: { id: true, term: true, grade: true, enrollment: ENROLLMENT },
      })
    ).map((row) => [row.id, joinLabel(`${row.term} (grade ${row.grade})`, enrollmentLabel(row.enrollment))]),
  ProtocolDeviation: async (db, ids) =>
    (
      await db.protocolDeviation.findMany({
        where: { id: { in: ids } },
        select: { id: true, kind: true, enrollment: ENROLLMENT },
      })
    ).map((row) => [row.id, joinLabel(row.kind, enrollmentLabel(row.enrollment))]),
  Assessment: async (db, ids) =>
    (
      await db.assessment.findMany({
        where: { id: { in: ids } },
        select: { id: true, instrument: true, timepoint: true, enrollment: ENROLLMENT },
      })
    ).map((row) => [
      row.id,
      joinLabel(
        `${instrumentName(row.instrument)} ${describeTimepointCode(row.timepoint).toLowerCase()}`,
        enrollmentLabel(row.enrollment),
      ),
    ]),
  SafetyAlert: async (db, ids) =>
    (
      await db.safetyAlert.findMany({
        where: { id: { in: ids } },
        select: { id: true, kind: true, enrollment: ENROLLMENT },
      })
    ).map((row) => [row.id, joinLabel(SAFETY_ALERT_KIND_LABELS[row.kind], enrollmentLabel(row.enrollment))]),
  SelfReportLink: async (db, ids) =>
    (
      await db.selfReportLink.findMany({
        where: { id: { in: ids } },
        select: { id: true, instrument: true, timepoint: true, enrollment: ENROLLMENT },
      })
    ).map((row) => [
      row.id,
      joinLabel(
        `${instrumentName(row.instrument)} ${describeTimepointCode(row.timepoint).toLowerCase()}`,
        enrollmentLabel(row.enrollment),
      ),
    ]),
  TabletSession: async (db, ids) =>
    (await db.tabletSession.findMany({ where: { id: { in: ids } }, select: { id: true, enrollment: ENROLLMENT } })).map(
      (row) => [row.id, enrollmentLabel(row.enrollment)],
    ),
  DrugLot: async (db, ids) =>
    (await db.drugLot.findMany({ where: { id: { in: ids } }, select: { id: true, ...LOT.select } })).map((row) => [
      row.id,
      `${row.drug} lot ${row.lotNumber}`,
    ]),
  // A dispense's participant is not named: in a masked trial who drew drug tells the arms apart.
  DrugMovement: async (db, ids) =>
    (await db.drugMovement.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true, lot: LOT } })).map(
      (row) => [row.id, joinLabel(DRUG_MOVEMENT_LABELS[row.kind], `${row.lot.drug} lot ${row.lot.lotNumber}`)],
    ),
  DrugCount: async (db, ids) =>
    (await db.drugCount.findMany({ where: { id: { in: ids } }, select: { id: true, lot: LOT } })).map((row) => [
      row.id,
      `Count of ${row.lot.drug} lot ${row.lot.lotNumber}`,
    ]),
  Chair: async (db, ids) =>
    (await db.chair.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((row) => [
      row.id,
      row.name,
    ]),
  ClinicClosure: async (db, ids) =>
    (await db.clinicClosure.findMany({ where: { id: { in: ids } }, select: { id: true, date: true } })).map((row) => [
      row.id,
      `Closed ${row.date.toISOString().slice(0, 10)}`,
    ]),
};

/** Key of a record in the map labelAuditEntities returns. */
export function entityKey(entityType: string, entityId: string): string {
  return `${entityType}:${entityId}`;
}

/**
 * A readable label per referenced record (`entityKey` → label), one batched query per entity
 * type. Records that no longer resolve (or types without a resolver) are absent: the caller
 * shows the id.
 */
export async function labelAuditEntities(options: {
  db: Db;
  refs: readonly EntityRef[];
  timeZone: string;
}): Promise<Map<string, string>> {
  const { db, refs, timeZone } = options;
  const idsByType = new Map<string, Set<string>>();
  for (const ref of refs) {
    if (!ref.entityId || !(ref.entityType in RESOLVERS)) continue;
    const ids = idsByType.get(ref.entityType) ?? new Set<string>();
    ids.add(ref.entityId);
    idsByType.set(ref.entityType, ids);
  }
  const labels = new Map<string, string>();
  // One type after another: the shared pool stays free for other requests, and a page has a dozen types at most.
  for (const [entityType, ids] of idsByType) {
    for (const [id, label] of await RESOLVERS[entityType](db, [...ids], timeZone))
      labels.set(entityKey(entityType, id), label);
  }
  return labels;
}
