import type { CheckedWeight } from '@/lib/dosing/check-weight';
import { describeWeight } from '@/lib/dosing/check-weight';
import { formatNumber } from '@/lib/dosing/format';
import { calculateAdjustedBodyWeight, calculateIdealBodyWeight } from '@/lib/dosing/ideal-body-weight';
import { compareRatio, ratioOf, toDecimal, type DecimalRatio } from '@/lib/dosing/decimal';
import type { Failure, Sex } from '@/lib/dosing/types';
import type { WeightBasis } from '@/lib/validations/dosing';

/** `kg` is what the steps show (to 0.1 kg for IBW/AdjBW); the dose is computed from `exactKg`. */
export type BasisWeight = { ok: true; kg: number; exactKg: DecimalRatio; steps: string[] };

/**
 * The weight the mg/kg is multiplied by. For IDEAL as for ADJUSTED, an actual weight
 * below IBW is used as is: dosing an underweight person on IBW would give more drug
 * per kg of actual weight than the protocol intends for anyone.
 */
export function resolveBasisWeight(options: {
  basis: WeightBasis;
  weight: CheckedWeight;
  heightCm: number | null | undefined;
  sex: Sex | null | undefined;
}): BasisWeight | Failure {
  const { basis, weight, heightCm, sex } = options;
  if (basis === 'ACTUAL') {
    return {
      ok: true,
      kg: weight.kg,
      exactKg: ratioOf(toDecimal(weight.kg)),
      steps: [`Basis weight: actual body weight ${describeWeight(weight)}`],
    };
  }
  const ideal = calculateIdealBodyWeight({ heightCm, sex });
  if (!ideal.ok) return ideal;
  const actualText = `actual ${formatNumber(weight.kg)} kg, measured ${weight.measuredOn}`;
  if (basis === 'IDEAL') {
    if (compareRatio(ratioOf(toDecimal(weight.kg)), ideal.exactKg) < 0) {
      return {
        ok: true,
        kg: weight.kg,
        exactKg: ratioOf(toDecimal(weight.kg)),
        steps: [
          ideal.step,
          `Basis weight: actual body weight ${describeWeight(weight)}, because it is below ideal body weight ${formatNumber(ideal.idealKg)} kg`,
        ],
      };
    }
    return {
      ok: true,
      kg: ideal.idealKg,
      exactKg: ideal.exactKg,
      steps: [ideal.step, `Basis weight: ideal body weight ${formatNumber(ideal.idealKg)} kg (${actualText})`],
    };
  }
  const adjusted = calculateAdjustedBodyWeight({
    actualKg: weight.kg,
    idealKg: ideal.idealKg,
    exactIdealKg: ideal.exactKg,
  });
  const basisText = adjusted.isActualUsed
    ? `Basis weight: actual body weight ${describeWeight(weight)}`
    : `Basis weight: adjusted body weight ${formatNumber(adjusted.adjustedKg)} kg (${actualText})`;
  return {
    ok: true,
    kg: adjusted.adjustedKg,
    exactKg: adjusted.exactKg,
    steps: [ideal.step, adjusted.step, basisText],
  };
}
