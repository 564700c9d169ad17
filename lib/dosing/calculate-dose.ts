import { resolveBasisWeight } from '@/lib/dosing/basis-weight';
import { checkWeight, describeWeight, type CheckedWeight, type WeightInput } from '@/lib/dosing/check-weight';
import {
  compareDecimal,
  compareRatio,
  decimalToNumber,
  formatDecimal,
  formatRatio,
  ratioOf,
  roundRatio,
  roundToIncrement,
  scaleRatio,
  toDecimal,
  type Decimal,
  type DecimalRatio,
} from '@/lib/dosing/decimal';
import { formatNumber, isValidDate } from '@/lib/dosing/format';
import { calculateInfusionVolume } from '@/lib/dosing/infusion-volume';
import { resolveSessionDose, type SessionDose } from '@/lib/dosing/resolve-session-dose';
import type { DoseError, Failure, Sex } from '@/lib/dosing/types';
import { dosingProtocolSchema, type DosingProtocol, type DosingProtocolInput } from '@/lib/validations/dosing';

// Rules (see also the files imported above):
// - Dose = mg/kg × basis weight, rounded half up to the protocol's increment with exact
//   decimal arithmetic (0.5 × 63.4 is 31.7, not 31.700000000000003). The basis weight is
//   exact too (ideal and adjusted weights are not rounded first): one rounding per value.
// - The cap is applied after rounding and is never exceeded. `capped` is true only when
//   the cap reduced the dose: a calculated dose exactly equal to the cap is given in full
//   and is not flagged. No cap in the protocol means no cap.
// - A valid, current weight is required for every arm, placebo and fixed included: the
//   session workflow then looks the same in every arm (blinding), and weight is checked
//   before every infusion anyway. basisWeightKg is the actual weight for fixed and placebo.
// - Anything missing, stale or implausible is an error, never a guessed number.

export type CalculateDoseInput = {
  /** Re-validated on every call, so a stored protocol that no longer parses gives errors, not a dose. */
  protocol: DosingProtocolInput;
  weight: WeightInput;
  heightCm?: number | null;
  /** Recorded sex; for IDEAL/ADJUSTED bases 'other'/'unknown' is an error until a clinician passes 'female' or 'male'. */
  sex?: Sex | null;
  /** 1..sessionCount, or sessionCount + 1 for the extension. */
  sessionNumber?: number | null;
  today: Date;
};

export type DoseCalculation = {
  ok: true;
  doseMg: number;
  capped: boolean;
  uncappedDoseMg: number;
  basisWeightKg: number;
  volumeMl: number | null;
  rateMlPerH: number | null;
  steps: string[];
};

export type DoseResult = DoseCalculation | Failure;

type DoseAmount = {
  ok: true;
  dose: Decimal;
  uncapped: Decimal;
  capped: boolean;
  basisWeightKg: number;
  steps: string[];
};

function parseProtocol(protocol: unknown): { protocol: DosingProtocol } | Failure {
  const parsed = dosingProtocolSchema.safeParse(protocol);
  if (parsed.success) return { protocol: parsed.data };
  const errors: DoseError[] = parsed.error.issues.map((issue) => ({
    field: ['protocol', ...issue.path.map(String)].join('.'),
    code: 'PROTOCOL_INVALID',
    message: issue.message,
  }));
  return { ok: false, errors };
}

function applyCap(options: { rounded: Decimal; protocol: DosingProtocol }): {
  dose: Decimal;
  capped: boolean;
  step: string;
} {
  const { rounded, protocol } = options;
  if (protocol.maxMgPerSession === null) {
    return { dose: rounded, capped: false, step: 'No cap in this protocol' };
  }
  const cap = toDecimal(protocol.maxMgPerSession);
  const comparison = compareDecimal(rounded, cap);
  if (comparison > 0) {
    return {
      dose: cap,
      capped: true,
      step: `Capped at ${formatDecimal(cap)} mg (calculated ${formatDecimal(rounded)} mg)`,
    };
  }
  if (comparison === 0) {
    return {
      dose: rounded,
      capped: false,
      step: `Cap ${formatDecimal(cap)} mg: calculated dose equals the cap and is given in full`,
    };
  }
  return { dose: rounded, capped: false, step: `Cap ${formatDecimal(cap)} mg not reached` };
}

function calculateAmount(options: {
  input: CalculateDoseInput;
  protocol: DosingProtocol;
  sessionDose: Exclude<SessionDose, { kind: 'PLACEBO' }>;
  weight: CheckedWeight;
}): DoseAmount | Failure {
  const { input, protocol, sessionDose, weight } = options;
  const increment = toDecimal(protocol.roundingIncrementMg);
  const incrementText = `${formatDecimal(increment)} mg`;
  const steps: string[] = [];
  let raw: Decimal;
  // Exact mg/kg × basis dose; raw is its display (to 10⁻⁸ mg) for the messages.
  let rawRatio: DecimalRatio | null = null;
  let basisWeightKg = weight.kg;

  if (sessionDose.kind === 'WEIGHT_BASED') {
    // The schema already requires a weight basis for any mg/kg dose; never fall back to one.
    if (protocol.weightBasis === null) {
      return {
        ok: false,
        errors: [
          {
            field: 'protocol.weightBasis',
            code: 'PROTOCOL_INVALID',
            message: 'The protocol has no weight basis for its mg/kg dose',
          },
        ],
      };
    }
    const basis = resolveBasisWeight({ basis: protocol.weightBasis, weight, heightCm: input.heightCm, sex: input.sex });
    if (!basis.ok) return basis;
    basisWeightKg = basis.kg;
    // The basis stays exact (IBW divides by 2.54): the dose below is the only rounding.
    const exactDose = scaleRatio(basis.exactKg, toDecimal(sessionDose.mgPerKg));
    const isBasisRounded = compareRatio(ratioOf(toDecimal(basis.kg)), basis.exactKg) !== 0;
    const basisText = isBasisRounded ? formatRatio(basis.exactKg) : formatNumber(basis.kg);
    rawRatio = exactDose;
    raw = roundRatio(exactDose, EXACT_ENOUGH);
    steps.push(
      ...basis.steps,
      `${formatNumber(sessionDose.mgPerKg)} mg/kg × ${basisText} kg = ${formatRatio(exactDose)} mg`,
    );
  } else {
    raw = toDecimal(sessionDose.fixedMg);
    steps.push(`Weight checked: ${describeWeight(weight)}; not used for a fixed dose`);
  }

  const rounded = rawRatio === null ? roundToIncrement(raw, increment) : roundRatio(rawRatio, increment);
  if (sessionDose.kind === 'WEIGHT_BASED' || compareDecimal(rounded, raw) !== 0) {
    steps.push(`Rounded to ${incrementText}: ${formatDecimal(rounded)} mg`);
  }
  if (compareDecimal(rounded, toDecimal(0)) === 0) {
    return {
      ok: false,
      errors: [
        {
          field: 'protocol.roundingIncrementMg',
          code: 'DOSE_ROUNDS_TO_ZERO',
          message: `The calculated dose ${formatDecimal(raw)} mg rounds to 0 mg at a ${incrementText} increment; check the protocol`,
        },
      ],
    };
  }
  const capResult = applyCap({ rounded, protocol });
  steps.push(capResult.step);
  return { ok: true, dose: capResult.dose, uncapped: rounded, capped: capResult.capped, basisWeightKg, steps };
}

const EXACT_ENOUGH = toDecimal(1e-8);

export function calculateDose(input: CalculateDoseInput): DoseResult {
  const parsed = parseProtocol(input.protocol);
  if ('ok' in parsed) return parsed;
  const { protocol } = parsed;
  if (!isValidDate(input.today)) {
    return {
      ok: false,
      errors: [{ field: 'today', code: 'DATE_INVALID', message: "Today's date is not a valid date" }],
    };
  }

  const sessionDose = resolveSessionDose({ protocol, sessionNumber: input.sessionNumber });
  const weight = checkWeight({ weight: input.weight, today: input.today, windowDays: protocol.weightWindowDays });
  if (!sessionDose.ok || !weight.ok) {
    const errors = [...(sessionDose.ok ? [] : sessionDose.errors), ...(weight.ok ? [] : weight.errors)];
    return { ok: false, errors };
  }

  const isPlacebo = sessionDose.kind === 'PLACEBO';
  const amount: DoseAmount | Failure =
    sessionDose.kind === 'PLACEBO'
      ? {
          ok: true,
          dose: toDecimal(0),
          uncapped: toDecimal(0),
          capped: false,
          basisWeightKg: weight.kg,
          steps: [`Weight checked: ${describeWeight(weight)}; no drug dose in a placebo session`],
        }
      : calculateAmount({ input, protocol, sessionDose, weight });
  if (!amount.ok) return amount;

  const infusion = calculateInfusionVolume({ dose: amount.dose, isPlacebo, protocol });
  if (!infusion.ok) return infusion;

  return {
    ok: true,
    doseMg: decimalToNumber(amount.dose),
    capped: amount.capped,
    uncappedDoseMg: decimalToNumber(amount.uncapped),
    basisWeightKg: amount.basisWeightKg,
    volumeMl: infusion.volumeMl,
    rateMlPerH: infusion.rateMlPerH,
    steps: [...sessionDose.steps, ...amount.steps, ...infusion.steps],
  };
}
