import type { ChildProcess, StdioOptions } from 'node:child_process';
export function startNext(options: {
  port: number;
  env?: Record<string, string | undefined>;
  isDev?: boolean;
  stdio?: StdioOptions;
}): ChildProcess;
export function waitForHealthy(url: string, options?: { timeoutMs?: number; child?: ChildProcess }): Promise<void>;
