// Starts `next start` (or `next dev`) as a child process and waits until
// /api/health answers.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nextBin } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Preloaded into the server (NODE_OPTIONS also reaches the worker `next dev` forks):
// each request carries the client address taken from its socket, and methods the
// app does not serve are refused before Next sees them (request-gate.mjs).
const requestGate = `--import=${pathToFileURL(path.join(root, 'scripts/lib/request-gate-preload.mjs')).href}`;

export function startNext({ port, env, isDev = false, stdio = 'inherit' }) {
  const nodeOptions = [process.env.NODE_OPTIONS, requestGate].filter(Boolean).join(' ');
  return spawn(process.execPath, [nextBin(), isDev ? 'dev' : 'start', '-p', String(port)], {
    cwd: root,
    stdio,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      ...(isDev ? {} : { NODE_ENV: 'production' }),
      ...env,
      NODE_OPTIONS: nodeOptions,
    },
  });
}

export async function waitForHealthy(url, { timeoutMs = 120_000, child } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`The app exited with code ${child.exitCode} before it was ready.`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not become healthy at ${url} within ${timeoutMs / 1000}s.`);
}
