import type { FlagCode, FlagDefinition } from './flags';
import type { InstrumentCode } from './instrument-codes';

export type FieldError = { field: string; message: string };

export type ScoreSuccess = {
  ok: true;
  /** null when the scoring rules do not allow a total (missing items, or the instrument has none). */
  total: number | null;
  subscores: Record<string, number | null>;
  severity: string | null;
  /** Raised from the definition's `flags` (lib/outcomes/flags.ts), never by hand. */
  flags: FlagCode[];
  /** true when every item the scoring rules need was answered (items skipped by design do not count). */
  isComplete: boolean;
  notes: string[];
};

export type ScoreFailure = { ok: false; errors: FieldError[] };

export type ScoreResult = ScoreSuccess | ScoreFailure;

/** Items after validation: every entry is an in-range number or null (missing). */
export type ValidItems = ReadonlyArray<number | null>;

/**
 * Half-open interval [from, below). Half-open bounds let the same band table serve integer
 * totals and one-decimal T-scores without gaps such as 54.9 < x < 55.
 */
export type SeverityBand = { label: string; from: number; below: number };

export type InstrumentDefinition = {
  code: InstrumentCode;
  itemCount: number;
  itemLabels: readonly string[];
  minValue: number;
  maxValue: number;
  /** 0 = integers only; 1 = one decimal place allowed (PROMIS T-score). */
  decimals: 0 | 1;
  bands: readonly SeverityBand[];
  /** Why the instrument does or does not produce a total when items are missing. */
  missingItemRule: string;
  /** Flags this instrument raises, typed data (lib/outcomes/flags.ts). */
  flags: readonly FlagDefinition[];
  computeScore: (items: ValidItems) => ScoreSuccess;
};
