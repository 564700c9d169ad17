import {
  addDecimal,
  addRatio,
  compareRatio,
  decimalToNumber,
  formatDecimal,
  formatRatio,
  multiplyDecimal,
  ratioOf,
  roundRatio,
  scaleRatio,
  subtractDecimal,
  toDecimal,
  type DecimalRatio,
} from '@/lib/dosing/decimal';
import type { DoseError, Sex } from '@/lib/dosing/types';

// Devine (1974): IBW = base + 2.3 kg per inch over 5 ft; base 50 kg (male) / 45.5 kg (female).
//
// Safety choices:
// - Sex 'other' or 'unknown' (or missing) is an error: the formula differs by 4.5 kg and
//   only a clinician may decide which one applies. They pass 'female' or 'male' as `sex`.
// - Heights below 60 in (152.4 cm) are an error, not a clamp: the formula is undefined
//   there, and clamping to the base weight would overstate IBW for short people.
// - IBW and adjusted weight are kept exact (as a ratio: cm ÷ 2.54 has no finite decimal) and
//   only the dose is rounded, once. Rounding each intermediate put 2 of the 8 worked heights
//   0.1 mg off (166.37 cm F at 63.4 kg, 0.5 mg/kg adjusted: 30.1 mg, not 30.2). The steps show
//   the weights to 0.1 kg for reading, and say when the dose used the unrounded figure.

export type IbwSex = 'female' | 'male';

export const DEVINE_MIN_HEIGHT_CM = 152.4;
export const HEIGHT_RANGE_CM = { min: 100, max: 250 } as const;
export const ADJUSTED_WEIGHT_FACTOR = 0.4;

const BASE_KG: Record<IbwSex, number> = { male: 50, female: 45.5 };
const KG_PER_INCH = 2.3;
const CM_PER_INCH = 2.54;
const BASE_INCHES = 60;
const WEIGHT_INCREMENT = toDecimal(0.1);

export type IdealBodyWeightResult =
  | {
      ok: true;
      /** To 0.1 kg, for display; the dose uses `exactKg`. */
      idealKg: number;
      exactKg: DecimalRatio;
      formulaSex: IbwSex;
      step: string;
    }
  | { ok: false; errors: DoseError[] };

function checkHeight(heightCm: number | null | undefined): DoseError[] {
  if (heightCm === null || heightCm === undefined) {
    return [{ field: 'heightCm', code: 'HEIGHT_MISSING', message: 'Height is needed to calculate ideal body weight' }];
  }
  if (!Number.isFinite(heightCm) || heightCm < HEIGHT_RANGE_CM.min || heightCm > HEIGHT_RANGE_CM.max) {
    return [
      {
        field: 'heightCm',
        code: 'HEIGHT_OUT_OF_RANGE',
        message: `Height ${heightCm} cm is outside the plausible range ${HEIGHT_RANGE_CM.min}–${HEIGHT_RANGE_CM.max} cm; check the measurement`,
      },
    ];
  }
  if (heightCm < DEVINE_MIN_HEIGHT_CM) {
    return [
      {
        field: 'heightCm',
        code: 'HEIGHT_BELOW_DEVINE_MINIMUM',
        message: `The Devine formula is not valid below 152.4 cm (60 in); height is ${heightCm} cm. A clinician must decide this participant's dose`,
      },
    ];
  }
  return [];
}

function checkSex(sex: Sex | null | undefined): DoseError[] {
  if (sex === 'female' || sex === 'male') return [];
  return [
    {
      field: 'sex',
      code: 'SEX_REQUIRED_FOR_IBW',
      message: `Ideal body weight needs the female or male Devine formula (recorded sex: ${sex ?? 'missing'}); a clinician must choose which to use`,
    },
  ];
}

export function calculateIdealBodyWeight(options: {
  heightCm: number | null | undefined;
  sex: Sex | null | undefined;
}): IdealBodyWeightResult {
  const { heightCm, sex } = options;
  const errors = [...checkHeight(heightCm), ...checkSex(sex)];
  if (errors.length > 0 || heightCm === null || heightCm === undefined || (sex !== 'female' && sex !== 'male')) {
    return { ok: false, errors };
  }
  // base + 2.3 × (cm ÷ 2.54 − 60) = ((base − 138) × 2.54 + 2.3 × cm) ÷ 2.54, exactly.
  const cmPerInch = toDecimal(CM_PER_INCH);
  const constantPart = subtractDecimal(toDecimal(BASE_KG[sex]), toDecimal(KG_PER_INCH * BASE_INCHES));
  const exactKg: DecimalRatio = {
    numerator: addDecimal(
      multiplyDecimal(constantPart, cmPerInch),
      multiplyDecimal(toDecimal(KG_PER_INCH), toDecimal(heightCm)),
    ),
    denominator: cmPerInch,
  };
  const shown = roundRatio(exactKg, WEIGHT_INCREMENT);
  const step =
    `Ideal body weight (Devine, ${sex} formula): ${BASE_KG[sex]} kg + 2.3 kg × (${formatDecimal(toDecimal(heightCm))} cm ÷ 2.54 − 60 in)` +
    ` = ${formatDecimal(shown)} kg (to 0.1 kg)`;
  return { ok: true, idealKg: decimalToNumber(shown), exactKg, formulaSex: sex, step };
}

export type AdjustedBodyWeightResult = {
  /** To 0.1 kg, for display; the dose uses `exactKg`. */
  adjustedKg: number;
  exactKg: DecimalRatio;
  isActualUsed: boolean;
  step: string;
};

/**
 * AdjBW = IBW + 0.4 × (actual − IBW), kept exact. When actual is below IBW the actual
 * weight is used: the formula would then give a weight above what the person weighs,
 * i.e. a higher dose than actual-weight dosing. `exactIdealKg` is the unrounded IBW
 * (from calculateIdealBodyWeight); without it `idealKg` is taken as exact.
 */
export function calculateAdjustedBodyWeight(options: {
  actualKg: number;
  idealKg: number;
  exactIdealKg?: DecimalRatio;
}): AdjustedBodyWeightResult {
  const actual = toDecimal(options.actualKg);
  const shownIdeal = toDecimal(options.idealKg);
  const ideal = options.exactIdealKg ?? ratioOf(shownIdeal);
  if (compareRatio(ratioOf(actual), ideal) < 0) {
    return {
      adjustedKg: options.actualKg,
      exactKg: ratioOf(actual),
      isActualUsed: true,
      step: `Adjusted body weight: actual ${formatDecimal(actual)} kg is below ideal ${formatDecimal(shownIdeal)} kg, so actual weight is used`,
    };
  }
  // IBW + 0.4 × (actual − IBW) = 0.6 × IBW + 0.4 × actual
  const exactKg = addRatio(
    scaleRatio(ideal, toDecimal(1 - ADJUSTED_WEIGHT_FACTOR)),
    ratioOf(multiplyDecimal(toDecimal(ADJUSTED_WEIGHT_FACTOR), actual)),
  );
  const shown = roundRatio(exactKg, WEIGHT_INCREMENT);
  const isRounded = compareRatio(ratioOf(shown), exactKg) !== 0;
  return {
    adjustedKg: decimalToNumber(shown),
    exactKg,
    isActualUsed: false,
    step:
      `Adjusted body weight: ${formatDecimal(shownIdeal)} kg + 0.4 × (${formatDecimal(actual)} kg − ${formatDecimal(shownIdeal)} kg)` +
      ` = ${formatDecimal(shown)} kg (to 0.1 kg${isRounded ? `; the dose uses the unrounded ${formatRatio(exactKg)} kg` : ''})`,
  };
}
