// The contract between scripts/bench.mjs and a benchmark suite module: a suite
// exports `run(context)` and returns one row per measured scenario (times in ms).

export type BenchContext = {
  /** Timed runs per scenario (at least 30 for database suites). */
  runs: number;
  /** Untimed runs first, to warm caches and the JIT. */
  warmup: number;
  log: (message: string) => void;
};

export type BenchRow = {
  scenario: string;
  runs: number;
  p50: number;
  p95: number;
  /** The same work done directly (e.g. the SQL through `pg`), when there is such a baseline. */
  directP50: number | null;
  directP95: number | null;
  note: string;
  target: string;
  pass: boolean;
};

/** A page's first-load JavaScript (the first-load-js suite): bytes, not times. */
export type WeightRow = {
  route: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  budgetBytes: number;
  pass: boolean;
};
