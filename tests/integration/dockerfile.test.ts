// The runner image holds only what its COPY lines name. The entrypoint, the users CLI and
// audit:verify load further files at run time (scripts/lib, lib/ through tsx, server.js), so a
// file left out would surface only when a deployment starts or an admin is created. This reads
// the Dockerfile and the import graph statically; it builds nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collectRuntimeImports,
  isCopiedInPlace,
  parseStageCopies,
  standaloneProvides,
} from '@/tests/helpers/dockerfile-runner';

const root = path.resolve(__dirname, '../..');
const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};
const GENERATED_DIR = 'lib/generated';
const runnerCopies = parseStageCopies(dockerfile, 'runner');

/** The container's command, and the two CLIs the README tells operators to run inside it. */
function containerEntries(): string[] {
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile);
  const command = JSON.parse(cmd?.[1] ?? '[]') as string[];
  const script = command.find((word) => word.endsWith('.mjs'));
  return [script ?? 'missing CMD script', 'scripts/users.mjs', 'scripts/audit-verify.mjs'];
}

function missingFrom(copies: typeof runnerCopies, files: string[]): string[] {
  return files.filter((file) => !isCopiedInPlace(copies, file) && !standaloneProvides(copies, file));
}

describe('Dockerfile runner stage', () => {
  const entries = containerEntries();
  const runtime = collectRuntimeImports(root, entries, GENERATED_DIR);

  it('[OPERATOR] the container command is the entrypoint script', () => {
    expect(entries[0]).toBe('scripts/docker-entrypoint.mjs');
  });

  it('[OPERATOR] follows the imports into the TypeScript CLIs and the app code they share', () => {
    // Guards the walk itself: without these the file check below would pass on too little.
    expect(runtime.files).toEqual(
      expect.arrayContaining([
        'server.js',
        'scripts/lib/request-gate.mjs',
        'scripts/lib/client-ip.mjs',
        'scripts/users-cli.ts',
        'scripts/audit-verify-cli.ts',
        'lib/db.ts',
      ]),
    );
    expect(runtime.files.some((file) => file.startsWith(`${GENERATED_DIR}/`))).toBe(true);
  });

  it('[OPERATOR] every file the entrypoint, users CLI and audit:verify load reaches the runner in place', () => {
    expect(missingFrom(runnerCopies, runtime.files)).toEqual([]);
    // tsx reads the `@/` alias from here; `npm run` and Node's module type from package.json.
    expect(missingFrom(runnerCopies, ['tsconfig.json', 'package.json'])).toEqual([]);
  });

  it('[OPERATOR] the schema and migrations the entrypoint applies reach the runner', () => {
    // `.data` is the embedded PostgreSQL's own state, created on first use and never used in a container.
    const readPaths = runtime.rootPaths.filter((file) => file !== '.data');
    expect(readPaths).toEqual(expect.arrayContaining(['prisma/schema.prisma', 'prisma/migrations']));
    expect(missingFrom(runnerCopies, readPaths)).toEqual([]);
  });

  it('[OPERATOR] every package they import is a runtime dependency, and the runner gets node_modules', () => {
    const undeclared = runtime.packages.filter((name) => !(name in packageJson.dependencies));
    expect(undeclared).toEqual([]);
    // runTs spawns node with `--import tsx`, named in no import statement.
    expect(packageJson.dependencies).toHaveProperty('tsx');
    expect(runnerCopies).toContainEqual({ stage: 'deps', sources: ['node_modules'], dest: 'node_modules' });
  });

  it('[OPERATOR] a runner stage without lib/ would be caught', () => {
    const withoutLib = parseStageCopies(dockerfile.replace(/^COPY .*\/app\/lib \.\/lib\n/m, ''), 'runner');
    expect(withoutLib.length).toBe(runnerCopies.length - 1);
    expect(missingFrom(withoutLib, runtime.files)).toContain('lib/db.ts');
  });
});
