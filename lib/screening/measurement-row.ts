import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { NormalizedMeasurement } from '@/lib/measures/measurement-input';
import {
  DIAGNOSES,
  FACTS,
  LABS,
  MEDICATIONS,
  NUMERIC_MEASURES,
  type DiagnosisCode,
  type FactCode,
  type LabCode,
  type MedicationClass,
  type NumericMeasureCode,
} from '@/lib/measures/vocabulary';
import type { MeasurementDto, MeasurementKindValue } from './types';

// Between the vocabulary's normalized entry and the Measurement table: codes are
// stored without the form's dx:/med:/fact: prefix (the kind column says which
// list a code belongs to) and dates as @db.Date values.

export function fromIsoDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The Measurement row for one normalized entry. */
export function toMeasurementData(
  candidateId: string,
  enteredById: string,
  m: NormalizedMeasurement,
): Prisma.MeasurementUncheckedCreateInput {
  const base = { candidateId, enteredById };
  switch (m.type) {
    case 'number': {
      const unit = NUMERIC_MEASURES[m.code].unit;
      const isConverted = m.enteredUnit !== unit;
      return {
        ...base,
        kind: 'NUMERIC',
        code: m.code,
        valueNum: m.value,
        unit: unit === '' ? null : unit,
        enteredValue: isConverted ? m.enteredValue : null,
        enteredUnit: isConverted ? m.enteredUnit : null,
        measuredOn: fromIsoDay(m.measuredAt),
      };
    }
    case 'lab':
      return {
        ...base,
        kind: 'LAB',
        code: m.code,
        valueNum: m.value,
        unit: m.unit,
        uln: m.uln,
        lln: m.lln,
        measuredOn: fromIsoDay(m.measuredAt),
      };
    case 'diagnosis':
      return { ...base, kind: 'DIAGNOSIS', code: m.code, valueBool: m.isPresent, measuredOn: fromIsoDay(m.recordedAt) };
    case 'medication':
      return {
        ...base,
        kind: 'MEDICATION',
        code: m.class,
        isCurrent: m.isCurrent,
        isNeverTaken: m.isNeverTaken,
        lastDoseOn: m.lastDoseAt === null ? null : fromIsoDay(m.lastDoseAt),
        measuredOn: fromIsoDay(m.recordedAt),
      };
    case 'fact':
      return { ...base, kind: 'FACT', code: m.code, valueBool: m.value, measuredOn: fromIsoDay(m.recordedAt) };
  }
}

const PREFIX: Record<MeasurementKindValue, string> = {
  NUMERIC: '',
  LAB: '',
  DIAGNOSIS: 'dx:',
  MEDICATION: 'med:',
  FACT: 'fact:',
};

function labelOf(kind: MeasurementKindValue, code: string): string {
  switch (kind) {
    case 'NUMERIC':
      return NUMERIC_MEASURES[code as NumericMeasureCode]?.label ?? code;
    case 'LAB':
      return LABS[code as LabCode]?.label ?? code;
    case 'DIAGNOSIS':
      return DIAGNOSES[code as DiagnosisCode]?.label ?? code;
    case 'MEDICATION':
      return MEDICATIONS[code as MedicationClass]?.label ?? code;
    case 'FACT':
      return FACTS[code as FactCode]?.label ?? code;
  }
}

type Row = Prisma.MeasurementGetPayload<{ include: { enteredBy: { select: { id: true; name: true } } } }>;

export function toMeasurementDto(row: Row): MeasurementDto {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    inputCode: `${PREFIX[row.kind]}${row.code}`,
    label: labelOf(row.kind, row.code),
    valueNum: row.valueNum,
    valueBool: row.valueBool,
    unit: row.unit,
    enteredValue: row.enteredValue,
    enteredUnit: row.enteredUnit,
    uln: row.uln,
    lln: row.lln,
    lastDoseOn: row.lastDoseOn ? toIsoDay(row.lastDoseOn) : null,
    isCurrent: row.isCurrent,
    isNeverTaken: row.isNeverTaken,
    dailyDoseMg: row.dailyDoseMg,
    measuredOn: toIsoDay(row.measuredOn),
    enteredBy: row.enteredBy,
    createdAt: row.createdAt.toISOString(),
    voidedAt: row.voidedAt ? row.voidedAt.toISOString() : null,
    voidReason: row.voidReason,
  };
}

export const MEASUREMENT_INCLUDE = { enteredBy: { select: { id: true, name: true } } } as const;
