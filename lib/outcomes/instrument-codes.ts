export const INSTRUMENT_CODES = [
  'PHQ9',
  'GAD7',
  'QIDS_SR16',
  'BDI_II',
  'BPI_SF',
  'PCL5',
  'NRS',
  'PROMIS_PI',
  'CADSS',
] as const;

export type InstrumentCode = (typeof INSTRUMENT_CODES)[number];

export const INSTRUMENT_LABELS: Record<InstrumentCode, string> = {
  PHQ9: 'PHQ-9 (Patient Health Questionnaire-9)',
  GAD7: 'GAD-7 (Generalized Anxiety Disorder-7)',
  QIDS_SR16: 'QIDS-SR16 (Quick Inventory of Depressive Symptomatology, Self-Report)',
  BDI_II: 'BDI-II (Beck Depression Inventory-II)',
  BPI_SF: 'BPI-SF (Brief Pain Inventory, Short Form)',
  PCL5: 'PCL-5 (PTSD Checklist for DSM-5)',
  NRS: 'NRS (Numeric Rating Scale for pain, 0–10)',
  PROMIS_PI: 'PROMIS Pain Interference (T-score)',
  CADSS: 'CADSS (Clinician-Administered Dissociative States Scale)',
};

export const isInstrumentCode = (value: unknown): value is InstrumentCode =>
  typeof value === 'string' && (INSTRUMENT_CODES as readonly string[]).includes(value);

/** Instrument code → "PHQ-9" style short name (the part of the label before the explanation); an unknown code as stored. */
export function shortInstrumentName(code: string): string {
  if (!isInstrumentCode(code)) return code;
  return INSTRUMENT_LABELS[code].split(' (')[0];
}
