export const FIRST_LOAD_JS_BUDGET_BYTES: number;
export function measureFirstLoadJs(
  nextDir: string,
): Array<{ route: string; files: string[]; rawBytes: number; gzipBytes: number }>;
