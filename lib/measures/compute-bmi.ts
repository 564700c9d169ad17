/**
 * Rounds to one decimal the way a clinician reads a BMI, so that thresholds compare against
 * the number shown (a raw 40.04 is reported, and compared, as 40.0).
 */
export function roundBmi(bmi: number): number {
  // toPrecision strips binary noise first: 40.05 may be stored as 40.04999…, which would round down.
  return Math.round(Number((bmi * 10).toPrecision(12))) / 10;
}

/** BMI in kg/m² rounded to one decimal; null when either input is not a positive finite number. */
export function computeBmi(weightKg: number, heightCm: number): number | null {
  if (!Number.isFinite(weightKg) || !Number.isFinite(heightCm) || weightKg <= 0 || heightCm <= 0) return null;
  const heightM = heightCm / 100;
  return roundBmi(weightKg / (heightM * heightM));
}
