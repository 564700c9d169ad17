// Exact decimal arithmetic for dose maths. Binary floats turn 63.4 × 0.5 into
// 31.700000000000003 and make "round half up" land on the wrong side of .5,
// so every dose, volume and rate is computed on scaled BigInt integers instead.

/** value = units / 10^scale, scale >= 0. */
export type Decimal = { units: bigint; scale: number };

const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

function pow10(exponent: number): bigint {
  return BigInt(10) ** BigInt(exponent);
}

/** Exact decimal of the shortest string JavaScript prints for `value`. */
export function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot convert ${value} to a decimal`);
  }
  const match = DECIMAL_PATTERN.exec(String(value));
  if (!match) {
    throw new RangeError(`Cannot convert ${value} to a decimal`);
  }
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  let units = BigInt(`${whole}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= pow10(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

function toScale(value: Decimal, scale: number): bigint {
  return value.units * pow10(scale - value.scale);
}

export function multiplyDecimal(left: Decimal, right: Decimal): Decimal {
  return { units: left.units * right.units, scale: left.scale + right.scale };
}

export function addDecimal(left: Decimal, right: Decimal): Decimal {
  const scale = Math.max(left.scale, right.scale);
  return { units: toScale(left, scale) + toScale(right, scale), scale };
}

export function subtractDecimal(left: Decimal, right: Decimal): Decimal {
  return addDecimal(left, { units: -right.units, scale: right.scale });
}

export function compareDecimal(left: Decimal, right: Decimal): -1 | 0 | 1 {
  const scale = Math.max(left.scale, right.scale);
  const difference = toScale(left, scale) - toScale(right, scale);
  if (difference === BigInt(0)) return 0;
  return difference > BigInt(0) ? 1 : -1;
}

/**
 * Rounds numerator ÷ denominator to the nearest multiple of `increment`,
 * halves rounding up (away from zero for the non-negative values used here).
 * Everything must be positive except the numerator, which may be zero.
 */
export function roundRatioToIncrement(options: {
  numerator: Decimal;
  denominator: Decimal;
  increment: Decimal;
}): Decimal {
  const { numerator, denominator, increment } = options;
  if (denominator.units <= BigInt(0) || increment.units <= BigInt(0) || numerator.units < BigInt(0)) {
    throw new RangeError('roundRatioToIncrement needs a non-negative numerator and positive divisors');
  }
  // count = (n / 10^ns) / ((d / 10^ds) * (i / 10^is)) = n * 10^(ds+is) / (d * i * 10^ns)
  const top = numerator.units * pow10(denominator.scale + increment.scale);
  const bottom = denominator.units * increment.units * pow10(numerator.scale);
  let count = top / bottom;
  const remainder = top % bottom;
  if (remainder * BigInt(2) >= bottom) count += BigInt(1);
  return { units: count * increment.units, scale: increment.scale };
}

export function roundToIncrement(value: Decimal, increment: Decimal): Decimal {
  return roundRatioToIncrement({ numerator: value, denominator: { units: BigInt(1), scale: 0 }, increment });
}

export function isMultipleOf(value: Decimal, increment: Decimal): boolean {
  const scale = Math.max(value.scale, increment.scale);
  return toScale(value, scale) % toScale(increment, scale) === BigInt(0);
}

/** Plain decimal text without exponent or trailing zeros: 31.70 -> "31.7", 40.0 -> "40". */
export function formatDecimal(value: Decimal): string {
  const isNegative = value.units < BigInt(0);
  const digits = (isNegative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale).replace(/0+$/, '');
  return `${isNegative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The double nearest the exact decimal, so 31.7 comes back as the literal 31.7. */
export function decimalToNumber(value: Decimal): number {
  return Number(formatDecimal(value));
}

/** Number of digits after the decimal point in the shortest printed form. */
export function decimalPlaces(value: number): number {
  return toDecimal(value).scale;
}

/**
 * An exact quotient of two decimals. Ideal body weight divides by 2.54 cm per inch, which has no finite
 * decimal expansion, so weights that feed a dose stay as a ratio until the single rounding of the dose.
 */
export type DecimalRatio = { numerator: Decimal; denominator: Decimal };

const ONE: Decimal = { units: BigInt(1), scale: 0 };

export function ratioOf(value: Decimal): DecimalRatio {
  return { numerator: value, denominator: ONE };
}

/** a/b + c/d over the common denominator b·d (or b when both share it). */
export function addRatio(left: DecimalRatio, right: DecimalRatio): DecimalRatio {
  if (compareDecimal(left.denominator, right.denominator) === 0)
    return { numerator: addDecimal(left.numerator, right.numerator), denominator: left.denominator };
  return {
    numerator: addDecimal(
      multiplyDecimal(left.numerator, right.denominator),
      multiplyDecimal(right.numerator, left.denominator),
    ),
    denominator: multiplyDecimal(left.denominator, right.denominator),
  };
}

export function scaleRatio(ratio: DecimalRatio, factor: Decimal): DecimalRatio {
  return { numerator: multiplyDecimal(ratio.numerator, factor), denominator: ratio.denominator };
}

export function compareRatio(left: DecimalRatio, right: DecimalRatio): -1 | 0 | 1 {
  // Denominators are positive, so cross-multiplying keeps the order.
  return compareDecimal(
    multiplyDecimal(left.numerator, right.denominator),
    multiplyDecimal(right.numerator, left.denominator),
  );
}

/** The ratio rounded half up to `increment`: the one rounding a dose-setting weight gets. */
export function roundRatio(ratio: DecimalRatio, increment: Decimal): Decimal {
  return roundRatioToIncrement({ ...ratio, increment });
}

const DISPLAY_INCREMENT: Decimal = { units: BigInt(1), scale: 4 };

/** "60.25" when exact to 4 decimals, "≈74.9921" otherwise: for steps that show an unrounded figure. */
export function formatRatio(ratio: DecimalRatio): string {
  const shown = roundRatio(ratio, DISPLAY_INCREMENT);
  const isExact = compareRatio(ratioOf(shown), ratio) === 0;
  return `${isExact ? '' : '≈'}${formatDecimal(shown)}`;
}
