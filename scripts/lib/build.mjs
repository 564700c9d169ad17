// Builds the production bundle when the sources changed since the last build,
// so `npm start` on a fresh clone just works and later starts are instant.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation-client.ts',
  'next.config.js',
  'postcss.config.mjs',
  'package-lock.json',
  'prisma/schema.prisma',
  'tsconfig.json',
];
const fingerprintFile = path.join(root, '.next', 'trialdesk-fingerprint');

function walk(target, hash) {
  if (!existsSync(target)) return;
  const stat = statSync(target);
  if (stat.isDirectory()) {
    for (const name of readdirSync(target).sort()) {
      if (name === 'node_modules' || name.endsWith('.test.ts')) continue;
      walk(path.join(target, name), hash);
    }
    return;
  }
  hash.update(`${path.relative(root, target)}:${stat.size}:${stat.mtimeMs}\n`);
}

export function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const input of INPUTS) walk(path.join(root, input), hash);
  return hash.digest('hex');
}

export function isBuildCurrent() {
  return (
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    existsSync(fingerprintFile) &&
    readFileSync(fingerprintFile, 'utf8') === sourceFingerprint()
  );
}

export function nextBin() {
  return require.resolve('next/dist/bin/next');
}

export function buildApp({ env = {} } = {}) {
  const fingerprint = sourceFingerprint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin(), 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...env },
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`next build exited with code ${code}`));
      writeFileSync(fingerprintFile, fingerprint);
      resolve();
    });
  });
}
