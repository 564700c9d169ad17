// Static reading of the Dockerfile's runner stage and of what the container's scripts import at
// run time, so a file the runner never receives fails a fast test instead of a deployment.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';

/** One `COPY --from=<stage> src... dest` of the runner stage; paths relative to WORKDIR /app. */
export type RunnerCopy = { stage: string; sources: string[]; dest: string };

const APP_DIR = '/app';

function relativeToApp(file: string): string {
  const absolute = path.posix.resolve(APP_DIR, file);
  return path.posix.relative(APP_DIR, absolute);
}

/** The COPY instructions of the stage named `stageName` (until the next FROM). */
export function parseStageCopies(dockerfile: string, stageName: string): RunnerCopy[] {
  const lines = dockerfile.replace(/\\\n/g, ' ').split('\n');
  const copies: RunnerCopy[] = [];
  let isInStage = false;
  for (const line of lines.map((l) => l.trim())) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      isInStage = from[1]?.toLowerCase() === stageName.toLowerCase();
      continue;
    }
    if (!isInStage || !/^COPY\s/i.test(line)) continue;
    const words = line.split(/\s+/).slice(1);
    const stage = words.find((w) => w.startsWith('--from='))?.slice('--from='.length) ?? 'context';
    const paths = words.filter((w) => !w.startsWith('--'));
    const dest = relativeToApp(paths.pop() ?? '.');
    copies.push({ stage, sources: paths.map(relativeToApp), dest });
  }
  return copies;
}

/**
 * Where each copied source lands in the runner: a directory's contents go to dest; several
 * sources, or a file copied into a directory (dest `.`), keep their names under dest.
 */
function landingPath(copy: RunnerCopy, source: string): string {
  const isIntoDirectory = copy.sources.length > 1 || copy.dest === '' || copy.dest.endsWith('/');
  return isIntoDirectory ? path.posix.join(copy.dest, path.posix.basename(source)) : copy.dest;
}

/**
 * True when `file` (relative to the repository, which the build stage holds at /app) reaches the
 * runner at the same relative path, so relative and `@/` imports still find it.
 */
export function isCopiedInPlace(copies: RunnerCopy[], file: string): boolean {
  return copies.some(
    (copy) =>
      copy.stage === 'build' &&
      copy.sources.some((source) => {
        const isInside = file === source || file.startsWith(`${source}/`);
        return isInside && landingPath(copy, source) === source;
      }),
  );
}

/** Files the standalone output puts at the runner's root (`COPY .next/standalone ./`). */
export function standaloneProvides(copies: RunnerCopy[], file: string): boolean {
  const isStandaloneAtRoot = copies.some((c) => c.sources.includes('.next/standalone') && c.dest === '');
  return isStandaloneAtRoot && file === 'server.js';
}

const IMPORT_PATTERNS = [
  /^\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];
/** TypeScript entry points handed to scripts/lib/run-ts.mjs as a string literal. */
const RUN_TS_ENTRY = /['"]((?:scripts|prisma)\/[\w./-]+\.ts)['"]/g;
/** Files and folders a script reads by path from the app root, e.g. prisma/migrations. */
const ROOT_PATH = /path\.join\(\s*root\s*,\s*['"]([^'"]+)['"]\s*\)/g;
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx', '/index.mjs', '/index.js'];

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

function resolveLocal(root: string, fromFile: string, specifier: string): string {
  const base = specifier.startsWith('@/')
    ? path.join(root, specifier.slice(2))
    : path.resolve(path.dirname(fromFile), specifier);
  const candidates = EXTENSIONS.map((ext) => base + ext);
  // tsx lets `./x.js` name `./x.ts`.
  if (base.endsWith('.js')) candidates.push(`${base.slice(0, -3)}.ts`);
  return candidates.find(isFile) ?? base;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export type RuntimeImports = { files: string[]; packages: string[]; rootPaths: string[] };

/**
 * Every repository file and package reachable from `entries` by runtime imports (type-only
 * imports are erased), and the paths those files read from the app root. The generated Prisma client is taken as a whole, not walked.
 */
export function collectRuntimeImports(root: string, entries: string[], generatedDir: string): RuntimeImports {
  const files = new Set<string>();
  const packages = new Set<string>();
  const rootPaths = new Set<string>();
  const queue = entries.map((entry) => path.join(root, entry));
  while (queue.length > 0) {
    const absolute = queue.pop() as string;
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    if (files.has(relative)) continue;
    files.add(relative);
    if (relative.startsWith(`${generatedDir}/`) || !isFile(absolute)) continue;
    const source = readFileSync(absolute, 'utf8');
    for (const match of source.matchAll(RUN_TS_ENTRY)) queue.push(path.join(root, match[1]));
    for (const match of source.matchAll(ROOT_PATH)) rootPaths.add(path.posix.normalize(match[1]));
    for (const pattern of IMPORT_PATTERNS) {
      for (const [, specifier] of source.matchAll(pattern)) {
        if (isBuiltin(specifier)) continue;
        if (specifier.startsWith('.') || specifier.startsWith('@/')) {
          queue.push(resolveLocal(root, absolute, specifier));
        } else {
          packages.add(packageName(specifier));
        }
      }
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort(), rootPaths: [...rootPaths].sort() };
}
