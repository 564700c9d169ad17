import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchContext, BenchRow } from './types';

// Child process of scripts/bench.mjs: loads one suite module with the app's own
// modules (tsx for the `@/` alias, --conditions=react-server for server-only),
// runs it and writes its rows as JSON to the file named on the command line.
// DATABASE_URL already points at the benchmark database.

const [suitePath, outFile, runs, warmup] = process.argv.slice(2);
const suite = (await import(pathToFileURL(path.resolve(suitePath)).href)) as {
  run: (context: BenchContext) => Promise<BenchRow[]>;
};
const rows = await suite.run({ runs: Number(runs), warmup: Number(warmup), log: (message) => console.log(message) });
writeFileSync(outFile, JSON.stringify(rows));
