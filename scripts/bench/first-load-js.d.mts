export const FIRST_LOAD_JS_BUDGET_BYTES: number;
export function measureFirstLoadJs(
  nextDir: string,
): Array<{ route: string; files: string[]; rawBytes: number; gzipBytes: number }>;

export function measureDeferredJs(nextDir: string): {
  chunks: number;
  gzipBytes: number;
  largest: Array<{ file: string; gzipBytes: number }>;
  formLibraryGzipBytes: number | null;
};
