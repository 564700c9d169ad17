import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export type ScriptResult = { code: number; output: string };

/**
 * Runs one of the repo's Node scripts (e.g. `scripts/db-restore.mjs`) as a user would, with the
 * test run's environment minus its database URLs and NODE_ENV; `env` adds to it, and a key set to
 * undefined is removed. Resolves with the exit code and stdout+stderr together.
 */
export function runScript(script: string, args: string[], env: Record<string, string | undefined> = {}) {
  const { DATABASE_URL: _db, MIGRATION_DATABASE_URL: _owner, NODE_ENV: _mode, ...base } = process.env;
  const merged: Record<string, string | undefined> = { ...base };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return new Promise<ScriptResult>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, script), ...args], {
      cwd: root,
      env: merged as NodeJS.ProcessEnv,
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}
