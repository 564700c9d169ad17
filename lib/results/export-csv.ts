import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma } from '@/lib/db';
import { toCsv as rowsToCsv } from '@/lib/csv/to-csv';
import { AppError } from '@/lib/errors/app-error';
import type { ExportKind } from '@/lib/validations/assessments';
import type { OutcomeRangeQuery } from '@/lib/validations/results';
import { getTrialOutcomes } from './get-trial-outcomes';
import { loadAllocationGate } from '@/lib/blinding/allocation-gate';
import { POOLED_ARM_LABEL } from './masking';
import { timepointOrder } from './timepoint-order';
import { ENROLLMENT_STATUS_LABELS, PIPELINE_STAGE_LABELS } from '@/lib/dashboard/labels';
import { flagLabel } from '@/lib/outcomes/flags';
import { shortInstrumentName } from '@/lib/outcomes/instrument-codes';
import { describeTimepointCode } from '@/lib/trials/timepoint-code';

export type CsvFile = { filename: string; csv: string; rowCount: number };

type Cell = string | number | boolean | null;

/** Numbers at 4 decimals at most (means, SDs and % changes), blank for a missing value. */
function num(value: number | null | undefined, decimals = 4): Cell {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Number(value.toFixed(decimals));
}

// Coded values go out as the label staff read, with the code in the next column (`<name>_code`)
// for scripts: "PHQ-9" beside "PHQ9", "After session 1" beside "AFTER_SESSION_1".
const instrumentCells = (code: string): Cell[] => [shortInstrumentName(code), code];
const timepointCells = (code: string): Cell[] => [describeTimepointCode(code), code];

/** Funnel measures by name; stages use the pipeline's own labels. */
const FUNNEL_MEASURE_LABELS = {
  ever_consented: 'Ever consented',
  enrolled: 'Enrolled',
  target_enrollment: 'Target enrollment',
} as const;

/** Through the one CSV writer (lib/csv/to-csv.ts): an adverse-event term "=HYPERLINK(…)" is text, not a formula. */
function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return rowsToCsv([header, ...rows]);
}

/** Long format: one row per participant × instrument × timepoint (current, corrected scores only). */
async function assessmentsCsv(
  trialId: string,
  ctx: ActorContext,
  masking: string | null,
): Promise<{ header: string[]; rows: Cell[][] }> {
  const gate = await loadAllocationGate({ userId: ctx.user.id });
  const showArms = gate.canSee({ id: trialId, masking });
  const assessments = await prisma.assessment.findMany({
    where: { supersededAt: null, enrollment: { trialId } },
    select: {
      enrollmentId: true,
      instrument: true,
      timepoint: true,
      administeredAt: true,
      items: true,
      total: true,
      subscores: true,
      severity: true,
      flags: true,
      isComplete: true,
      correctionReason: true,
      enrollment: { select: { candidate: { select: { mrn: true } }, arm: { select: { label: true } } } },
    },
  });
  assessments.sort(
    (a, b) =>
      a.enrollment.candidate.mrn.localeCompare(b.enrollment.candidate.mrn) ||
      a.instrument.localeCompare(b.instrument) ||
      timepointOrder(a.timepoint) - timepointOrder(b.timepoint) ||
      a.administeredAt.getTime() - b.administeredAt.getTime(),
  );
  const itemCount = Math.max(0, ...assessments.map((row) => (Array.isArray(row.items) ? row.items.length : 0)));
  const subscoreKeys = [
    ...new Set(
      assessments.flatMap((row) =>
        row.subscores && typeof row.subscores === 'object' ? Object.keys(row.subscores) : [],
      ),
    ),
  ].sort();
  const header = [
    'participant_id',
    'mrn',
    'arm',
    'instrument',
    'instrument_code',
    'timepoint',
    'timepoint_code',
    'administered_at',
    ...Array.from({ length: itemCount }, (_, index) => `item_${index + 1}`),
    'total',
    ...subscoreKeys.map((key) => `subscore_${key}`),
    'severity',
    'flags',
    'flag_codes',
    'is_complete',
    'is_corrected',
  ];
  const rows = assessments.map((row): Cell[] => {
    const items = Array.isArray(row.items) ? row.items : [];
    const subscores = (row.subscores ?? {}) as Record<string, unknown>;
    return [
      row.enrollmentId,
      row.enrollment.candidate.mrn,
      showArms ? row.enrollment.arm.label : POOLED_ARM_LABEL,
      ...instrumentCells(row.instrument),
      ...timepointCells(row.timepoint),
      row.administeredAt.toISOString(),
      ...Array.from({ length: itemCount }, (_, index) =>
        typeof items[index] === 'number' ? (items[index] as number) : null,
      ),
      num(row.total),
      ...subscoreKeys.map((key) => num(typeof subscores[key] === 'number' ? (subscores[key] as number) : null)),
      row.severity,
      row.flags.map(flagLabel).join('; '),
      row.flags.join(';'),
      row.isComplete,
      row.correctionReason !== null,
    ];
  });
  return { header, rows };
}

/**
 * A trial's outcome data as CSV: `assessments` is the long format (one row per participant ×
 * instrument × timepoint with arm, date, items, total and severity); every other kind is one table
 * of the results report. Arms are pooled ("All participants") for non-admins in masked trials, as
 * in the report. Exports carry participant identifiers, so each one is audited (`outcome.export`).
 */
export async function exportTrialCsv(options: {
  trialId: string;
  kind: ExportKind;
  ctx: ActorContext;
  range?: OutcomeRangeQuery;
  now?: Date;
}): Promise<CsvFile> {
  const { trialId, kind, ctx, range, now = new Date() } = options;
  const trial = await prisma.trial.findUnique({
    where: { id: trialId },
    select: { id: true, nctId: true, masking: true },
  });
  if (!trial) throw new AppError('NOT_FOUND', 'No such trial.');

  let header: string[];
  let rows: Cell[][];
  if (kind === 'assessments') {
    ({ header, rows } = await assessmentsCsv(trialId, ctx, trial.masking));
  } else {
    const report = await getTrialOutcomes({ trialId, ctx, range });
    switch (kind) {
      case 'summary':
        header = [
          'instrument',
          'instrument_code',
          'score',
          'arm',
          'timepoint',
          'timepoint_code',
          'n',
          'mean',
          'sd',
          'min',
          'max',
          'n_percent_change',
          'mean_percent_change',
        ];
        rows = report.instruments.flatMap((instrument) =>
          instrument.rows.map((row) => [
            ...instrumentCells(instrument.instrument),
            instrument.scoreLabel,
            row.armLabel,
            ...timepointCells(row.timepoint),
            row.n,
            num(row.mean),
            num(row.sd),
            num(row.min),
            num(row.max),
            // No % change on a T-score scale or at baseline: blank, not 0.
            instrument.isTScore || row.timepoint === 'BASELINE' ? null : row.nPercentChange,
            num(row.meanPercentChange),
          ]),
        );
        break;
      case 'change':
        // Both % figures, named so they cannot be confused; blank on a T-score scale (points only).
        header = [
          'instrument',
          'instrument_code',
          'score',
          'arm',
          'from_timepoint',
          'from_timepoint_code',
          'to_timepoint',
          'to_timepoint_code',
          'n_participants',
          'n_paired',
          'mean_from',
          'mean_to',
          'mean_change_points',
          'sd_change_points',
          'n_individual_percent_change',
          'mean_of_individual_percent_change',
          'percent_change_of_means',
        ];
        rows = report.instruments.flatMap((instrument) =>
          (instrument.change?.groups ?? []).map((row): Cell[] => [
            ...instrumentCells(instrument.instrument),
            instrument.scoreLabel,
            row.group,
            ...timepointCells(instrument.change!.from),
            ...timepointCells(instrument.change!.to),
            row.nParticipants,
            row.nPaired,
            num(row.meanFrom),
            num(row.meanTo),
            num(row.meanChangePoints),
            num(row.sdChangePoints),
            instrument.isTScore ? null : row.nIndividualPercentChange,
            num(row.meanOfIndividualPercentChange),
            num(row.percentChangeOfMeans),
          ]),
        );
        break;
      case 'responders':
        header = [
          'instrument',
          'instrument_code',
          'arm',
          'timepoint',
          'timepoint_code',
          'n_response_evaluable',
          'responders',
          'n_remission_evaluable',
          'remitters',
        ];
        rows = report.instruments.flatMap((instrument) =>
          instrument.rows
            .filter((row) => row.responders !== null || row.remitters !== null)
            .map((row) => [
              ...instrumentCells(instrument.instrument),
              row.armLabel,
              ...timepointCells(row.timepoint),
              row.nResponseEvaluable,
              row.responders,
              row.nRemissionEvaluable,
              row.remitters,
            ]),
        );
        break;
      case 'adverse-events':
        header = ['term', 'grade', 'arm', 'events', 'participants', 'serious_events'];
        rows = report.adverseEvents.map((row) => [
          row.term,
          row.grade,
          row.group,
          row.events,
          row.participants,
          row.serious,
        ]);
        break;
      case 'funnel':
        header = ['measure', 'measure_code', 'arm', 'count'];
        rows = [
          ...report.funnel.stages.map((row): Cell[] => [
            `Stage: ${PIPELINE_STAGE_LABELS[row.stage]}`,
            `stage_${row.stage.toLowerCase()}`,
            null,
            row.count,
          ]),
          [FUNNEL_MEASURE_LABELS.ever_consented, 'ever_consented', null, report.funnel.everConsented],
          [FUNNEL_MEASURE_LABELS.enrolled, 'enrolled', null, report.funnel.enrolled],
          ...report.funnel.enrolledByGroup.map((row): Cell[] => [
            FUNNEL_MEASURE_LABELS.enrolled,
            'enrolled',
            row.group,
            row.count,
          ]),
          [FUNNEL_MEASURE_LABELS.target_enrollment, 'target_enrollment', null, report.funnel.target],
        ];
        break;
      case 'adherence':
        header = [
          'participant_id',
          'mrn',
          'arm',
          'planned',
          'completed',
          'completion_rate',
          'late',
          'late_sessions',
          'missed',
          'missed_sessions',
          'cancelled',
          'upcoming',
          'deviations',
        ];
        rows = report.adherence.participants.map((row) => [
          row.enrollmentId,
          row.mrn,
          row.group,
          row.planned,
          row.completed,
          num(row.completionRate),
          row.late,
          row.lateSessionNumbers.join(';'),
          row.missed,
          row.missedSessionNumbers.join(';'),
          row.cancelled,
          row.upcoming,
          row.deviations,
        ]);
        break;
      case 'completion':
        header = ['participant_id', 'mrn', 'arm', 'enrolled_on', 'status', 'status_code', 'ended_on', 'end_reason'];
        rows = report.completion.participants.map((row) => [
          row.enrollmentId,
          row.mrn,
          row.group,
          row.enrolledAt,
          ENROLLMENT_STATUS_LABELS[row.status],
          row.status,
          row.endedAt,
          row.endReason,
        ]);
        break;
    }
  }

  await prisma.$transaction((tx) =>
    ctx.audit(tx, {
      action: 'outcome.export',
      entityType: 'Trial',
      entityId: trial.id,
      after: { kind, rowCount: rows.length },
    }),
  );
  const stem = (trial.nctId ?? trial.id).replace(/[^A-Za-z0-9_-]/g, '');
  const day = (await getClinicClock({ now: () => now })).today();
  return { filename: `${stem}-${kind}-${day}.csv`, csv: toCsv(header, rows), rowCount: rows.length };
}
