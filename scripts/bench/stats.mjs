// Timing helpers shared by the benchmark suites and the report.

/** Nearest-rank percentile of the samples (milliseconds). */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples) {
  return { runs: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** Milliseconds one call of `fn` takes. */
export async function timeOnce(fn) {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '–';
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}
