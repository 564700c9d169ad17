export function percentile(samples: number[], p: number): number;
export function summarize(samples: number[]): { runs: number; p50: number; p95: number };
export function timeOnce(fn: () => Promise<unknown>): Promise<number>;
export function formatMs(ms: number): string;
