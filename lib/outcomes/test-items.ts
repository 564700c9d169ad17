import type { ScoreResult, ScoreSuccess } from './types';

/** Test fixture: `count` items filled greedily with `max` so that they sum to `total`. */
export const itemsSummingTo = ({ count, max, total }: { count: number; max: number; total: number }): number[] => {
  if (total < 0 || total > count * max) throw new Error(`Cannot reach ${total} with ${count} items of max ${max}.`);
  let remaining = total;
  return Array.from({ length: count }, () => {
    const value = Math.min(max, remaining);
    remaining -= value;
    return value;
  });
};

export const expectOk = (result: ScoreResult): ScoreSuccess => {
  if (!result.ok) throw new Error(`Expected a score, got errors: ${JSON.stringify(result.errors)}`);
  return result;
};

export const expectErrors = (result: ScoreResult) => {
  if (result.ok) throw new Error('Expected validation errors, got a score.');
  return result.errors;
};
