import type { AppError } from './app-error';
import { isDatabaseUnavailable } from './database-unavailable';

// While the database is down every request fails the same way; one stack trace
// per request filled the log with 153 MB in 14 minutes. Failures are logged as
// one line, and the same failure at most once per window with a count of the
// ones held back. Client errors (4xx) are answers, not incidents: never logged.

export const LOG_WINDOW_MS = 30_000;

type Window = { startedAt: number; suppressed: number };
const windows = new Map<string, Window>();

/** True when this key may log now; otherwise counts it against the open window. */
function takeLogSlot(key: string, now = Date.now()): { isAllowed: boolean; suppressed: number } {
  const window = windows.get(key);
  if (window && now - window.startedAt < LOG_WINDOW_MS) {
    window.suppressed += 1;
    return { isAllowed: false, suppressed: window.suppressed };
  }
  windows.set(key, { startedAt: now, suppressed: 0 });
  if (windows.size > 500) windows.delete(windows.keys().next().value as string);
  return { isAllowed: true, suppressed: window?.suppressed ?? 0 };
}

/** One line of an error message: Prisma's end with the actual reason after a code excerpt. */
function messageLine(text: unknown): string {
  const lines = String(text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? '').slice(0, 300);
}

/** Where in our code an unexpected error was thrown: the first stack frame outside node_modules. */
function origin(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frame = stack.split('\n').find((line) => line.trim().startsWith('at ') && !line.includes('node_modules'));
  return frame ? ` ${frame.trim()}` : '';
}

export function logRequestError(label: string, error: unknown, appError: AppError, now = Date.now()): void {
  if (appError.status < 500) return;
  const isOutage = appError.code === 'SERVICE_UNAVAILABLE' && isDatabaseUnavailable(error);
  const name = error instanceof Error ? error.name : typeof error;
  const key = isOutage ? 'database-unavailable' : `${name}:${messageLine((error as Error)?.message).slice(0, 120)}`;
  const slot = takeLogSlot(key, now);
  if (!slot.isAllowed) return;
  const held = slot.suppressed > 0 ? ` (${slot.suppressed} more like it in the last ${LOG_WINDOW_MS / 1000} s)` : '';
  if (isOutage) {
    console.error(`[database unavailable] ${label}: ${messageLine((error as Error)?.message)}${held}`);
    return;
  }
  console.error(
    `[${appError.code}] ${label}: ${name}: ${messageLine((error as Error)?.message)}${origin(error)}${held}`,
  );
}
