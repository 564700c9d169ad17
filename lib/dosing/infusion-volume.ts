import {
  compareDecimal,
  decimalToNumber,
  formatDecimal,
  multiplyDecimal,
  roundRatioToIncrement,
  toDecimal,
  type Decimal,
} from '@/lib/dosing/decimal';
import { formatNumber } from '@/lib/dosing/format';
import type { Failure } from '@/lib/dosing/types';
import type { DosingProtocol } from '@/lib/validations/dosing';

// Volume and rate are rounded half up to 0.1 mL and 0.1 mL/h. The rate is computed
// from the rounded volume, because that is the volume the nurse programs into the
// pump; rounded volume ÷ rate then gives back the protocol's infusion time.
// Volume sources (the schema forbids setting both):
// - concentration: volume = dose ÷ concentration (the infused solution's mg/mL);
// - diluent volume: the dose is added to a bag of that volume, which is what runs in.

const VOLUME_INCREMENT = toDecimal(0.1);
const RATE_INCREMENT = toDecimal(0.1);
const DISPLAY_PRECISION = toDecimal(0.001);
const ZERO = toDecimal(0);

export type InfusionVolume = { ok: true; volumeMl: number | null; rateMlPerH: number | null; steps: string[] };

type VolumeOnly = { volume: Decimal | null; steps: string[] } | Failure;

function volumeFromConcentration(dose: Decimal, concentrationMgPerMl: number): VolumeOnly {
  const concentration = toDecimal(concentrationMgPerMl);
  const volume = roundRatioToIncrement({ numerator: dose, denominator: concentration, increment: VOLUME_INCREMENT });
  const doseText = `${formatDecimal(dose)} mg ÷ ${formatDecimal(concentration)} mg/mL`;
  if (compareDecimal(volume, ZERO) === 0) {
    return {
      ok: false,
      errors: [
        {
          field: 'protocol.concentrationMgPerMl',
          code: 'VOLUME_TOO_SMALL',
          message: `${doseText} is under 0.05 mL, too small to measure; the protocol needs a lower concentration`,
        },
      ],
    };
  }
  const isExact = compareDecimal(multiplyDecimal(volume, concentration), dose) === 0;
  if (isExact) return { volume, steps: [`Volume: ${doseText} = ${formatDecimal(volume)} mL`] };
  const precise = roundRatioToIncrement({ numerator: dose, denominator: concentration, increment: DISPLAY_PRECISION });
  const isPreciseExact = compareDecimal(multiplyDecimal(precise, concentration), dose) === 0;
  return {
    volume,
    steps: [
      `Volume: ${doseText} ${isPreciseExact ? '=' : '≈'} ${formatDecimal(precise)} mL, rounded to ${formatDecimal(volume)} mL`,
    ],
  };
}

function resolveVolume(options: { dose: Decimal; isPlacebo: boolean; protocol: DosingProtocol }): VolumeOnly {
  const { dose, isPlacebo, protocol } = options;
  if (protocol.diluentVolumeMl !== null) {
    const bag = toDecimal(protocol.diluentVolumeMl);
    const contents = isPlacebo ? 'placebo' : `the ${formatDecimal(dose)} mg dose`;
    return {
      volume: bag,
      steps: [`Volume: ${formatDecimal(bag)} mL bag (diluent volume from the protocol, containing ${contents})`],
    };
  }
  if (protocol.concentrationMgPerMl !== null && !isPlacebo) {
    return volumeFromConcentration(dose, protocol.concentrationMgPerMl);
  }
  const reason = isPlacebo
    ? 'a placebo volume needs a diluent volume in the protocol'
    : 'the protocol gives no concentration or diluent volume';
  return { volume: null, steps: [`Volume and rate: not calculated (${reason})`] };
}

export function calculateInfusionVolume(options: {
  dose: Decimal;
  isPlacebo: boolean;
  protocol: DosingProtocol;
}): InfusionVolume | Failure {
  const resolved = resolveVolume(options);
  if ('ok' in resolved) return resolved;
  const { volume, steps } = resolved;
  const { infusionMinutes } = options.protocol;
  if (volume === null) return { ok: true, volumeMl: null, rateMlPerH: null, steps };
  const volumeMl = decimalToNumber(volume);
  if (infusionMinutes === null) {
    return {
      ok: true,
      volumeMl,
      rateMlPerH: null,
      steps: [...steps, 'Rate: not calculated (the protocol gives no infusion duration)'],
    };
  }
  const rate = roundRatioToIncrement({
    numerator: multiplyDecimal(volume, toDecimal(60)),
    denominator: toDecimal(infusionMinutes),
    increment: RATE_INCREMENT,
  });
  if (compareDecimal(rate, ZERO) === 0) {
    return {
      ok: false,
      errors: [
        {
          field: 'protocol.infusionMinutes',
          code: 'RATE_TOO_SMALL',
          message: 'The infusion rate rounds to 0 mL/h; check the volume and infusion duration',
        },
      ],
    };
  }
  const isRateExact =
    compareDecimal(multiplyDecimal(rate, toDecimal(infusionMinutes)), multiplyDecimal(volume, toDecimal(60))) === 0;
  const rateText =
    `Rate: ${formatDecimal(volume)} mL over ${formatNumber(infusionMinutes)} min ${isRateExact ? '=' : '≈'} ${formatDecimal(rate)} mL/h` +
    (isRateExact ? '' : ' (to 0.1 mL/h)');
  return { ok: true, volumeMl, rateMlPerH: decimalToNumber(rate), steps: [...steps, rateText] };
}
