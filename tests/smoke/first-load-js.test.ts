import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureFirstLoadJs } from '../../scripts/bench/first-load-js.mjs';
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
});
