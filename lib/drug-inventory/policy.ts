import { multiplyDecimal, toDecimal, type Decimal } from '@/lib/dosing/decimal';
import type { Role } from '@/lib/auth/permissions';

// Controlled-drug accountability policy (ketamine is Schedule III): the units, the
// witness rule, expiry and what an opened vial leaves behind. Pure: the lib functions
// that write the record call these and nothing else decides.

/** Quantities are kept in whole micrograms so every balance is exact. */
export const UG_PER_MG = 1000;

/** mg are entered with at most three decimals (1 µg). */
export const MG_DECIMALS = 3;

/** Who may witness waste, counts and reversals: a second clinician, never the actor. */
export const WITNESS_ROLES: readonly Role[] = ['CLINICIAN'];

/** Movement kinds as staff read them in the log. */
export const DRUG_MOVEMENT_LABELS = {
  RECEIPT: 'Received',
  DISPENSE: 'Dispensed',
  WASTE: 'Wasted',
  REVERSAL: 'Reversal',
} as const;

export type DrugMovementKind = keyof typeof DRUG_MOVEMENT_LABELS;

function decimalToUg(value: Decimal): bigint {
  // value mg = units / 10^scale; µg = units * 1000 / 10^scale, rounded half up.
  const scaled = value.units * BigInt(UG_PER_MG);
  const divisor = BigInt(10) ** BigInt(value.scale);
  const whole = scaled / divisor;
  const remainder = scaled % divisor;
  return remainder * BigInt(2) >= divisor ? whole + BigInt(1) : whole;
}

/** Exact mg (≤ 3 decimals) to micrograms: 31.7 mg → 31700 µg. */
export function mgToUg(mg: number): bigint {
  return decimalToUg(toDecimal(mg));
}

/** Micrograms to mg for display and the API: 31700 µg → 31.7. */
export function ugToMg(ug: bigint): number {
  return Number(ug) / UG_PER_MG;
}

export type LotLabel = { concentrationMgPerMl: number; vialVolumeMl: number; vialsReceived: number };

/** mg in one vial: 50 mg/mL × 10 mL = 500 mg, in µg. */
export function vialContentUg(label: Pick<LotLabel, 'concentrationMgPerMl' | 'vialVolumeMl'>): bigint {
  return decimalToUg(multiplyDecimal(toDecimal(label.concentrationMgPerMl), toDecimal(label.vialVolumeMl)));
}

/** What a receipt adds: every vial's labelled content. */
export function lotTotalUg(label: LotLabel): bigint {
  return vialContentUg(label) * BigInt(label.vialsReceived);
}

/** A lot is usable through its expiry date (clinic-local 'YYYY-MM-DD' compare) and not after. */
export function isLotExpired(options: { expiresOn: string; today: string }): boolean {
  return options.today > options.expiresOn;
}

export type WitnessProblem = { code: 'SAME_PERSON' | 'NOT_A_CLINICIAN' | 'INACTIVE'; message: string };

/** Whether `witness` may witness what `actorId` does. Password re-entry is checked separately. */
export function checkWitness(options: {
  actorId: string;
  witness: { id: string; role: Role; isActive: boolean };
}): WitnessProblem | null {
  const { actorId, witness } = options;
  if (witness.id === actorId) return { code: 'SAME_PERSON', message: 'The witness must be a second person, not you.' };
  if (!witness.isActive) return { code: 'INACTIVE', message: 'This witness account is deactivated.' };
  if (!WITNESS_ROLES.includes(witness.role))
    return { code: 'NOT_A_CLINICIAN', message: 'The witness must be a clinician.' };
  return null;
}

/**
 * What is left in the last vial opened for a dose, for single-use vials to waste:
 * 31.7 mg from 50 mg vials opens one vial and leaves 18.3 mg; 100 mg from 50 mg vials
 * opens two and leaves nothing.
 */
export function openedVialRemainderUg(options: { doseUg: bigint; vialUg: bigint }): bigint {
  const { doseUg, vialUg } = options;
  if (doseUg <= BigInt(0) || vialUg <= BigInt(0)) return BigInt(0);
  const vialsOpened = (doseUg + vialUg - BigInt(1)) / vialUg;
  return vialsOpened * vialUg - doseUg;
}

/** Counted minus book balance: negative means drug is missing. */
export function countDiscrepancyUg(options: { countedUg: bigint; expectedUg: bigint }): bigint {
  return options.countedUg - options.expectedUg;
}
