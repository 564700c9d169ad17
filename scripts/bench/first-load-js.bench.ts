import path from 'node:path';
import { buildApp, isBuildCurrent } from '../lib/build.mjs';
import { FIRST_LOAD_JS_BUDGET_BYTES, measureFirstLoadJs } from './first-load-js.mjs';
import type { BenchContext, WeightRow } from './types';

// First-load JavaScript per page of the production build (issue 15): builds the
// app once if the sources changed since the last build, then reads the sizes
// from the build output (scripts/bench/first-load-js.mjs).

export async function run({ log }: BenchContext): Promise<WeightRow[]> {
  if (!isBuildCurrent()) {
    log('  building the app (next build)…');
    await buildApp();
  }
  const pages = measureFirstLoadJs(path.join(process.cwd(), '.next'));
  for (const page of pages) log(`  ${page.route}: ${(page.gzipBytes / 1024).toFixed(1)} KB gzip`);
  return pages.map((page) => ({
    route: page.route,
    files: page.files.length,
    rawBytes: page.rawBytes,
    gzipBytes: page.gzipBytes,
    budgetBytes: FIRST_LOAD_JS_BUDGET_BYTES,
    pass: page.gzipBytes <= FIRST_LOAD_JS_BUDGET_BYTES,
  }));
}
