import type { MeasurementDto } from '@/lib/screening/types';
import { NUMERIC_MEASURES, type NumericMeasureCode } from '@/lib/measures/vocabulary';
import { MEASURE_GROUP_ORDER, numericGroup, type MeasureGroupId } from './measure-catalog';

// The candidate page shows one line per measure: the latest value that is not
// voided, grouped the way the entry form groups them.

const trim = (value: number, decimals = 2) => String(Math.round(value * 10 ** decimals) / 10 ** decimals);

function groupOf(measurement: MeasurementDto): MeasureGroupId {
  switch (measurement.kind) {
    case 'NUMERIC':
      return measurement.code in NUMERIC_MEASURES ? numericGroup(measurement.code as NumericMeasureCode) : 'body';
    case 'LAB':
      return 'labs';
    case 'DIAGNOSIS':
      return 'diagnoses';
    case 'MEDICATION':
      return 'medications';
    case 'FACT':
      return 'facts';
  }
}

/** The value as staff read it: "80 kg (entered 176.4 lb)", "81 U/L · 2.03 × ULN (ULN 40)", "Absent", "Last dose 2026-10-01". */
export function formatMeasurementValue(m: MeasurementDto): string {
  switch (m.kind) {
    case 'NUMERIC': {
      const value = m.valueNum === null ? '—' : `${trim(m.valueNum)}${m.unit ? ` ${m.unit}` : ''}`;
      return m.enteredUnit && m.enteredValue !== null
        ? `${value} (entered ${trim(m.enteredValue)} ${m.enteredUnit})`
        : value;
    }
    case 'LAB': {
      const value = m.valueNum === null ? '—' : `${trim(m.valueNum)}${m.unit ? ` ${m.unit}` : ''}`;
      const parts = [value];
      if (m.valueNum !== null && m.uln) parts.push(`${trim(m.valueNum / m.uln)} × ULN (ULN ${trim(m.uln)})`);
      if (m.valueNum !== null && m.lln && m.valueNum < m.lln)
        parts.push(`${trim(m.valueNum / m.lln)} × LLN (LLN ${trim(m.lln)})`);
      return parts.join(' · ');
    }
    case 'DIAGNOSIS':
      return m.valueBool === null ? '—' : m.valueBool ? 'Present' : 'Absent';
    case 'MEDICATION': {
      const dose = m.dailyDoseMg !== null ? ` · ${trim(m.dailyDoseMg)} mg/day` : '';
      if (m.isCurrent) return `Taking now${m.lastDoseOn ? `, last dose ${m.lastDoseOn}` : ''}${dose}`;
      if (m.lastDoseOn) return `Not taking now, last dose ${m.lastDoseOn}${dose}`;
      // Only an explicit "never taken" answer reads as one; otherwise the last dose was not recorded.
      return m.isNeverTaken ? 'Never taken' : 'Unknown';
    }
    case 'FACT':
      return m.valueBool === null ? '—' : m.valueBool ? 'Yes' : 'No';
  }
}

export type MeasurementGroup = { id: MeasureGroupId; items: MeasurementDto[] };

/** Latest non-voided value per measure, grouped (Body, Vitals, Scores, Labs, Diagnoses, Medications, Facts), empty groups left out. */
export function latestByGroup(measurements: readonly MeasurementDto[]): MeasurementGroup[] {
  // The list comes newest first, so the first row seen for a code is its latest value.
  const seen = new Set<string>();
  const groups = new Map<MeasureGroupId, MeasurementDto[]>();
  for (const m of measurements) {
    if (m.voidedAt !== null) continue;
    const key = `${m.kind}:${m.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const group = groupOf(m);
    const items = groups.get(group);
    if (items) items.push(m);
    else groups.set(group, [m]);
  }
  return MEASURE_GROUP_ORDER.flatMap((id) => {
    const items = groups.get(id);
    return items ? [{ id, items: items.sort((a, b) => a.label.localeCompare(b.label)) }] : [];
  });
}
