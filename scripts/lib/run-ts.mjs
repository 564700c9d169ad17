// Runs a TypeScript entry point (seed, CLI) with the app's own modules:
// tsx resolves the `@/` alias, and the react-server condition lets modules
// marked `import 'server-only'` load outside Next.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function runTs(entry, { args = [], env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', path.join(root, entry), ...args],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, ...env },
      },
    );
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}
