// npm run bench — performance benchmarks on a database of their own.
//   1. a fresh PostgreSQL database (embedded, or on the server DATABASE_URL
//      points at), migrated like production;
//   2. 100,000 synthetic candidates with pipeline entries, history and contact
//      logs, bulk-inserted, then VACUUM ANALYZE;
//   3. each suite below, in a child process with the app's own modules;
//   4. a table on stdout and in BENCHMARKS.md; the database is dropped.
// Options: --candidates N (default 100000), --runs N (default 50, at least 30),
//          --only <suite id>, --keep (leave the database for EXPLAIN ANALYZE).
// It is a measurement, not a test: it exits 0 even when a target is missed.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { seedCandidates } from './bench/seed-candidates.mjs';
import { measureDeferredJs } from './bench/first-load-js.mjs';
import { formatMs } from './bench/stats.mjs';
import { dropDatabase, ensureDatabase, startTestPostgres, withDatabase } from './lib/database.mjs';
import { applyMigrations } from './lib/schema-engine.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The suites write audit events, which are sealed; a throwaway key for a throwaway database.
const BENCH_AUDIT_KEY = randomBytes(32).toString('base64url');

// ---------------------------------------------------------------------------
// Benchmark suites. To add one: write scripts/bench/<name>.bench.ts exporting
// `run({ runs, warmup, log }): Promise<BenchRow[]>` (see scripts/bench/types.ts)
// and list it here. `database: true` suites run against the seeded database
// (DATABASE_URL is set for them); pure-code suites ignore it.
// ---------------------------------------------------------------------------
const SUITES = [
  {
    id: 'candidate-list',
    title: 'Candidate list API (issue 4)',
    module: 'scripts/bench/list-candidates.bench.ts',
    database: true,
    description:
      '"API" = the route handler\'s work in-process: the query string through `candidateListQuerySchema`, then `listCandidates` ' +
      '(Prisma 7 with @prisma/adapter-pg, DTO mapping). "pg" = the same SQL statements (page and count, run side by side as ' +
      'listCandidates runs them; unfiltered, the page alone, which carries the running total) sent straight through `pg`. 25 rows per page.',
  },
  {
    id: 'prescreen-with-database',
    title: 'Eligibility pre-screen through the API code, database loading included',
    module: 'scripts/bench/prescreen-with-database.bench.ts',
    database: true,
    description:
      '`runPrescreen` (what `POST /api/v1/trials/{id}/prescreen` runs): one query loads 10,000 candidates and their measurements, then the pure engine evaluates them.',
  },
  {
    id: 'server-load',
    title: 'Production server: the candidate list under load, the CSV export (issue 15)',
    module: 'scripts/bench/server-load.bench.ts',
    database: true,
    description:
      'The production build (`next start`, built first when the sources changed) on the bench database, over HTTP, signed in as a ' +
      'coordinator by session cookie. The list: 50 keep-alive connections each sending its next `GET /api/v1/candidates` (first page, ' +
      '25 rows) as soon as the last one answered, 1,000 timed requests after 100 warm-up ones (a server just started), then 1,000 more after another 2,000 (a warm server: the first thousand requests after a start run while V8 still compiles the request path). The export: `GET /api/v1/candidates/export` ' +
      "without filters, timed to the last byte, with the server process tree's resident memory (VmRSS) sampled every 20 ms.",
  },
  {
    id: 'first-load-js',
    kind: 'weights',
    title: 'First-load JavaScript per page (issue 15)',
    module: 'scripts/bench/first-load-js.bench.ts',
    database: false,
    description:
      'From the production build (built first when the sources changed): for each page, the root main files every page loads plus every ' +
      "chunk its layouts, boundaries and page list in the page's client reference manifest (`.next/server/app/**/page_client-reference-manifest.js`), " +
      'each gzip-compressed with Node zlib defaults; a chunk shared by several segments counts once. KB = 1,024 bytes. Chunks loaded later ' +
      '(`next/dynamic`, opened on demand) are not first-load and not counted.',
  },
  {
    id: 'eligibility-prescreen',
    title: 'Eligibility pre-screen (pure code)',
    module: 'scripts/bench/eligibility-prescreen.bench.ts',
    database: false,
    description:
      '`evaluateCriteria` for every candidate of `makeSyntheticCandidates` against `makeSyntheticCriteria` (lib/eligibility), and `evaluateCriteriaOutcomes`, the same evaluation without explanation strings, which `runPrescreen` uses.',
  },
];
// ---------------------------------------------------------------------------

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
}
const CANDIDATES = Number(option('candidates', '100000'));
const RUNS = Math.max(30, Number(option('runs', '50')));
const WARMUP = 5;
const ONLY = option('only', null);
const KEEP = process.argv.includes('--keep');

function runSuite(suite, databaseUrl, outFile) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=react-server',
        '--import',
        'tsx',
        path.join(root, 'scripts/bench/run-suite.ts'),
        path.join(root, suite.module),
        outFile,
        String(RUNS),
        String(WARMUP),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          AUDIT_KEY: process.env.AUDIT_KEY ?? BENCH_AUDIT_KEY,
          NODE_ENV: 'production',
        },
      },
    );
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

function weightTable(rows) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const header = ['Page', 'Files', 'Raw', 'Gzip', 'Budget', 'Result'];
  const lines = rows.map((row) => [
    `\`${row.route}\``,
    String(row.files),
    kb(row.rawBytes),
    kb(row.gzipBytes),
    kb(row.budgetBytes),
    row.pass ? 'pass' : 'MISSED',
  ]);
  const markdown = [
    `| ${header.join(' | ')} |`,
    `| --- |${header
      .slice(1)
      .map(() => ' ---: ')
      .join('|')}|`,
    ...lines.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((cells) => cells[i].length)));
  const text = [header, ...lines].map((cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
  return { markdown, text };
}

function table(rows) {
  const header = ['Scenario', 'Runs', 'p50', 'p95', 'pg p50', 'pg p95', 'p95 / pg', 'Target', 'Result'];
  const lines = rows.map((row) => [
    row.scenario,
    String(row.runs),
    formatMs(row.p50),
    formatMs(row.p95),
    row.directP50 === null ? '–' : formatMs(row.directP50),
    row.directP95 === null ? '–' : formatMs(row.directP95),
    row.directP95 ? `${(row.p95 / row.directP95).toFixed(2)}×` : '–',
    row.target,
    row.pass ? 'pass' : 'MISSED',
  ]);
  const markdown = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 || i === 7 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...lines.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((cells) => cells[i].length)));
  const text = [header, ...lines].map((cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n');
  return { markdown, text };
}

async function main() {
  const started = Date.now();
  // Other work on the machine moves every figure: record it, so a run can be read for what it is.
  const loadAtStart = os.loadavg();
  const suites = SUITES.filter((suite) => !ONLY || suite.id === ONLY);
  if (suites.length === 0) throw new Error(`No suite "${ONLY}"; there are: ${SUITES.map((s) => s.id).join(', ')}`);

  let adminUrl;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    console.log('Starting the embedded PostgreSQL…');
    const server = await startTestPostgres();
    adminUrl = server.adminUrl;
    stopServer = server.stop;
  }
  const name = `trialdesk_bench_${Date.now()}_${process.pid}`;
  const databaseUrl = withDatabase(adminUrl, name);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'trialdesk-bench-'));
  const results = [];
  let postgresVersion = '';
  try {
    await ensureDatabase(adminUrl, name);
    console.log(`Database ${name}: applying migrations…`);
    await applyMigrations(databaseUrl);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      postgresVersion = (await client.query('SHOW server_version')).rows[0].server_version;
      if (suites.some((suite) => suite.database)) {
        console.log(`Seeding ${CANDIDATES.toLocaleString('en-US')} synthetic candidates…`);
        const seedStarted = performance.now();
        await seedCandidates(client, { count: CANDIDATES, log: (message) => console.log(message) });
        await client.query('VACUUM ANALYZE');
        console.log(`  seeded and analyzed in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
      }
    } finally {
      await client.end();
    }

    const measure = async (suite, variant = '') => {
      console.log(`\n== ${suite.title}${variant}`);
      const outFile = path.join(tmp, `${suite.id}${variant ? '-variant' : ''}.json`);
      const code = await runSuite(suite, databaseUrl, outFile);
      if (code !== 0) throw new Error(`Suite ${suite.id} failed (exit ${code}).`);
      results.push({
        suite: { ...suite, title: `${suite.title}${variant}` },
        rows: JSON.parse(readFileSync(outFile, 'utf8')),
      });
    };
    for (const suite of suites) await measure(suite);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    if (KEEP) console.log(`\nKept the database: ${databaseUrl}`);
    else await dropDatabase(adminUrl, name).catch(() => {});
    await stopServer();
  }

  /** What the pages load after their first paint, so the deferral is visible beside the budget. */
  function deferredNote() {
    const deferred = measureDeferredJs(path.join(root, '.next'));
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    const formLibrary = deferred.formLibraryGzipBytes === null ? 'not found' : kb(deferred.formLibraryGzipBytes);
    return (
      `- Not in any first load: ${deferred.chunks} chunks, ${kb(deferred.gzipBytes)} gzip in all, fetched when needed: a page's ` +
      `forms right after its first paint (react-hook-form ${formLibrary} plus the form's own chunk), charts, the pre-screen's ` +
      `results after a run, zod when a form first validates. Largest: ${deferred.largest.map((chunk) => kb(chunk.gzipBytes)).join(', ')}`
    );
  }

  const cpu = os.cpus();
  const machine = `${cpu.length} CPU cores (${cpu[0]?.model?.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${postgresVersion}${process.env.DATABASE_URL ? ' (DATABASE_URL server)' : ' (embedded)'}`;
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  const sections = [];
  for (const { suite, rows } of results) {
    const isWeights = suite.kind === 'weights';
    const { markdown, text } = isWeights ? weightTable(rows) : table(rows);
    console.log(`\n${suite.title}\n${text}`);
    const notes = isWeights
      ? `- ${rows.filter((row) => row.pass).length} of ${rows.length} pages within the budget; heaviest: \`${[...rows].sort((a, b) => b.gzipBytes - a.gzipBytes)[0]?.route}\`\n${deferredNote()}`
      : rows.map((row) => `- ${row.scenario}: ${row.note}`).join('\n');
    sections.push(`## ${suite.title}\n\n${suite.description}\n\n${markdown}\n\n${notes}\n`);
  }
  const document = `# Benchmarks

Produced by \`npm run bench\` (scripts/bench.mjs) on a separate, freshly migrated database holding ${CANDIDATES.toLocaleString('en-US')}
synthetic candidates (obviously fictional names), their pipeline entries in three trials with stage history, and
their contact logs, after \`VACUUM ANALYZE\`. Times are per call, in milliseconds: ${RUNS} timed runs per database
scenario after ${WARMUP} warm-up runs, nearest-rank percentiles. Re-run it after changing the list query or its indexes.

- Date: ${date}
- Machine: ${machine}
- Total time: ${((Date.now() - started) / 1000).toFixed(0)} s
- Load average (1, 5, 15 min) at start: ${loadAtStart.map((n) => n.toFixed(2)).join(', ')}; at end: ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')} (${cpu.length} cores: above ${cpu.length} other work competed for the CPU)

${sections.join('\n')}`;
  writeFileSync(path.join(root, 'BENCHMARKS.md'), document);
  console.log('\nWrote BENCHMARKS.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
