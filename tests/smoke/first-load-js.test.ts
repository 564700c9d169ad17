import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_LOAD_JS_BUDGET_BYTES, measureFirstLoadJs } from '../../scripts/bench/first-load-js.mjs';
import { buildApp, isBuildCurrent } from '../../scripts/lib/build.mjs';

// What issue 15 took out of the browser's first load stays out. Reads the
// production build (built here when the sources changed); `npm run bench`
// prints every page's weight against the 150 KB budget.
const nextDir = path.resolve('.next');
const chunksDir = path.join(nextDir, 'static', 'chunks');

/** The client chunks whose text contains `marker`. */
function chunksContaining(marker: string): string[] {
  return readdirSync(chunksDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .filter((file) => readFileSync(path.join(chunksDir, file), 'utf8').includes(marker));
}

beforeAll(async () => {
  if (!isBuildCurrent()) await buildApp();
}, 600_000);

describe('first-load JavaScript', () => {
  it('[ANYONE] no client chunk carries the common-password list: strength is checked on the server', () => {
    // The list's opening run, as the bundler prints a JSON array of strings.
    expect(chunksContaining('"123456","password","12345678","qwerty"')).toEqual([]);
  });

  it('[ANYONE] the charts library is loaded after the page, never in a page’s first load', () => {
    const chartChunks = new Set(chunksContaining('recharts-wrapper').map((file) => `static/chunks/${file}`));
    expect(chartChunks.size).toBeGreaterThan(0);
    const pages = measureFirstLoadJs(nextDir);
    expect(pages.map((page) => page.route)).toContain('/outcomes/[trialId]');
    for (const page of pages)
      expect(
        page.files.filter((file) => chartChunks.has(file)),
        page.route,
      ).toEqual([]);
  });

  it('[ANYONE] zod is fetched when a form first validates, never in a page’s first load', () => {
    // A message of zod's own parser, present wherever zod's core is bundled.
    const zodChunks = new Set(
      chunksContaining('Encountered Promise during synchronous parse').map((file) => `static/chunks/${file}`),
    );
    expect(zodChunks.size).toBeGreaterThan(0);
    for (const page of measureFirstLoadJs(nextDir))
      expect(
        page.files.filter((file) => zodChunks.has(file)),
        page.route,
      ).toEqual([]);
  });

  it('[ANYONE] react-hook-form is fetched with the form after the first paint, never in a page’s first load', () => {
    // A key of react-hook-form's form state, present wherever its core is bundled.
    const formChunks = new Set(chunksContaining('"validatingFields"').map((file) => `static/chunks/${file}`));
    expect(formChunks.size).toBeGreaterThan(0);
    for (const page of measureFirstLoadJs(nextDir))
      expect(
        page.files.filter((file) => formChunks.has(file)),
        page.route,
      ).toEqual([]);
  });

  it('[ANYONE] every page loads at most 150 KB of compressed JavaScript first', () => {
    const pages = measureFirstLoadJs(nextDir);
    expect(pages.length).toBeGreaterThan(30);
    for (const page of pages) {
      const kb = (page.gzipBytes / 1024).toFixed(1);
      expect(page.gzipBytes, `${page.route} (${kb} KB)`).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET_BYTES);
    }
  });
});
