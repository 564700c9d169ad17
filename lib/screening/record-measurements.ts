import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma } from '@/lib/db';
import { AppError, type FieldErrors } from '@/lib/errors/app-error';
import { normalizeMeasurement } from '@/lib/measures/normalize-measurement';
import { checkRecordDay } from '@/lib/records/date-policy';
import type { NormalizedMeasurement } from '@/lib/measures/measurement-input';
import { BLOOD_PRESSURE_CODE, parseBloodPressure } from '@/lib/measures/blood-pressure';
import { PHQ9_ITEMS_CODE, PHQ9_TOTAL_CODE, scorePhq9Items } from '@/lib/measures/phq9-items';
import { bloodPressureInputSchema, phq9ItemsInputSchema } from '@/lib/validations/screening-form';
import { MEASUREMENT_INCLUDE, toMeasurementData, toMeasurementDto } from './measurement-row';
import type { MeasurementDto } from './types';

// What the audit event keeps of each recorded measurement (the DTO also carries who entered it and when,
// which the event records itself).
const AUDITED_MEASUREMENT_FIELDS = [
  'id',
  'kind',
  'code',
  'valueNum',
  'valueBool',
  'unit',
  'enteredValue',
  'enteredUnit',
  'uln',
  'lln',
  'lastDoseOn',
  'isCurrent',
  'isNeverTaken',
  'measuredOn',
] as const satisfies ReadonlyArray<keyof MeasurementDto>;

type AuditedMeasurement = Pick<MeasurementDto, (typeof AUDITED_MEASUREMENT_FIELDS)[number]>;

function auditedMeasurement(dto: MeasurementDto): AuditedMeasurement {
  return Object.fromEntries(AUDITED_MEASUREMENT_FIELDS.map((field) => [field, dto[field]])) as AuditedMeasurement;
}

type Options = {
  candidateId: string;
  /** One entry or many, as posted; each is validated by normalizeMeasurement. */
  inputs: unknown[];
  ctx: ActorContext;
  /** The clinic's current day (YYYY-MM-DD): later measurement dates are refused. Defaults to today on the clinic clock. */
  today?: string;
};

/** A stored entry and the posted entry it came from (a `bp` reading gives two; a `phq9` keeps its items). */
type Expanded = { index: number; input: unknown; enteredText?: string; items?: number[] };

function addFieldError(fields: FieldErrors, key: string, messages: string[]): void {
  const list = (fields[key] ??= []);
  for (const message of messages) if (!list.includes(message)) list.push(message);
}

/**
 * `{ code: 'bp', value: '130/85', measuredAt }` becomes an sbp and a dbp entry; a reading that does
 * not parse ("13085", "130/") is a 400 on that entry's value, never a number guessed from it.
 */
function expandEntries(inputs: unknown[], fields: FieldErrors): Expanded[] {
  const expanded: Expanded[] = [];
  inputs.forEach((input, index) => {
    const code = typeof input === 'object' && input !== null ? (input as { code?: unknown }).code : undefined;
    if (code === PHQ9_ITEMS_CODE) {
      const phq9 = expandPhq9(index, input, fields);
      if (phq9) expanded.push(phq9);
      return;
    }
    if (code !== BLOOD_PRESSURE_CODE) {
      expanded.push({ index, input });
      return;
    }
    const parsed = bloodPressureInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        addFieldError(fields, `${index}.${issue.path.map(String).join('.') || 'value'}`, [issue.message]);
      return;
    }
    const reading = parseBloodPressure(parsed.data.value);
    if (!reading.ok) return;
    const { measuredAt, value: enteredText } = parsed.data;
    expanded.push({ index, input: { code: 'sbp', value: reading.reading.sbp, measuredAt }, enteredText });
    expanded.push({ index, input: { code: 'dbp', value: reading.reading.dbp, measuredAt }, enteredText });
  });
  return expanded;
}

/**
 * `{ code: 'phq9', items: [9 × 0–3], measuredAt }` becomes the phq9_total the rules read, scored by
 * the outcomes scorer, with the nine answers kept beside it (decision 0040).
 */
function expandPhq9(index: number, input: unknown, fields: FieldErrors): Expanded | null {
  const parsed = phq9ItemsInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      addFieldError(fields, `${index}.${issue.path.map(String).join('.') || 'items'}`, [issue.message]);
    return null;
  }
  const score = scorePhq9Items(parsed.data.items);
  if (!score.ok) {
    addFieldError(fields, `${index}.items`, [score.message]);
    return null;
  }
  const { measuredAt, items } = parsed.data;
  return { index, input: { code: PHQ9_TOTAL_CODE, value: score.total, measuredAt }, items };
}

/**
 * Records screening measurements for a candidate: all of them or none. Every entry
 * is validated first (unknown code, wrong unit, out of range, future date → 400
 * with fields named by the entry's index, e.g. "0.value"); then the rows and one
 * `measurement.record` audit event are written in one transaction. Weight in lb
 * (height in in) is stored in kg (cm) with what was typed kept in
 * enteredValue/enteredUnit.
 *
 * BMI is not derived here: the engine computes it from the latest weight and
 * height on the day of each check (rounded to one decimal), so a stored BMI can
 * never go stale against a newer weight. A BMI entered directly is stored as
 * entered and wins when it is at least as recent as the weight and height.
 *
 * A blood pressure reading (`{ code: 'bp', value: '130/85' }`) is stored as sbp and dbp rows in the
 * same transaction; the audit event keeps what was typed beside each of them. A PHQ-9 by item
 * (`{ code: 'phq9', items }`) is stored as its phq9_total with the items, which the event keeps too.
 */
export async function recordMeasurements({
  candidateId,
  inputs,
  ctx,
  today: givenToday,
}: Options): Promise<MeasurementDto[]> {
  // The clinic's calendar from its settings: at 20:00 in Denver it is already tomorrow in UTC.
  const today = givenToday ?? (await getClinicClock()).today();
  if (inputs.length === 0)
    throw new AppError('VALIDATION_FAILED', 'Send at least one measurement.', {
      fields: { _: ['Send at least one measurement.'] },
    });

  const candidate = await prisma.candidate.findUnique({ where: { id: candidateId }, select: { dateOfBirth: true } });
  const dateOfBirth = candidate?.dateOfBirth.toISOString().slice(0, 10) ?? null;
  const normalized: Array<{ measurement: NormalizedMeasurement; enteredText?: string; items?: number[] }> = [];
  const fields: FieldErrors = {};
  for (const { index, input, enteredText, items } of expandEntries(inputs, fields)) {
    const result = normalizeMeasurement(input, { today });
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.errors))
        addFieldError(fields, `${index}.${field}`, messages);
      continue;
    }
    const day = 'measuredAt' in result.measurement ? result.measurement.measuredAt : result.measurement.recordedAt;
    const problem = checkRecordDay(day, { today, dateOfBirth });
    if (problem) addFieldError(fields, `${index}.measuredAt`, [problem]);
    else normalized.push({ measurement: result.measurement, enteredText, items });
  }
  if (Object.keys(fields).length > 0) {
    const bad = new Set(Object.keys(fields).map((key) => key.split('.')[0])).size;
    throw new AppError(
      'VALIDATION_FAILED',
      `${bad} of ${inputs.length} measurement${inputs.length === 1 ? ' is' : 's are'} not valid. Nothing was saved.`,
      { fields },
    );
  }

  return prisma.$transaction(async (tx) => {
    const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { voidedAt: true } });
    if (!candidate || candidate.voidedAt) throw new AppError('NOT_FOUND', 'This candidate does not exist.');

    const rows = [];
    // One by one (not createMany) so the answer carries every row's id in input order.
    for (const { measurement, items } of normalized) {
      rows.push(
        await tx.measurement.create({
          data: { ...toMeasurementData(candidateId, ctx.user.id, measurement), ...(items ? { items } : {}) },
          include: MEASUREMENT_INCLUDE,
        }),
      );
    }
    const dtos = rows.map(toMeasurementDto);
    await ctx.audit(tx, {
      action: 'measurement.record',
      entityType: 'Candidate',
      entityId: candidateId,
      after: {
        measurements: dtos.map((dto, position) => ({
          ...auditedMeasurement(dto),
          ...(normalized[position].enteredText ? { enteredText: normalized[position].enteredText } : {}),
          ...(normalized[position].items ? { items: normalized[position].items } : {}),
        })),
      },
    });
    return dtos;
  });
}
