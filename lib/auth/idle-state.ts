import { IDLE_TIMEOUT_MS, IDLE_WARNING_MS } from './session-policy';

// The browser's half of the idle policy in session-policy.ts, kept pure so the
// timing can be tested without timers, storage or a session.

export type IdlePhase = 'active' | 'warning' | 'expired';
export type IdleState = { phase: IdlePhase; secondsLeft: number };

/** How often, at most, the browser tells the server the user is still there. */
export const ACTIVITY_PING_INTERVAL_MS = 60 * 1000;

type Limits = { timeoutMs: number; warningMs: number };
const DEFAULT_LIMITS: Limits = { timeoutMs: IDLE_TIMEOUT_MS, warningMs: IDLE_WARNING_MS };

/**
 * Where the user stands `nowMs` after their last activity. A last-activity time
 * that is not a number counts as expired: when in doubt, sign out.
 */
export function idleState(nowMs: number, lastActivityMs: number, limits: Limits = DEFAULT_LIMITS): IdleState {
  if (!Number.isFinite(nowMs) || !Number.isFinite(lastActivityMs)) return { phase: 'expired', secondsLeft: 0 };
  // A time slightly in the future (another tab's clock read a moment later) is just "now".
  const idleMs = Math.max(0, nowMs - lastActivityMs);
  const remainingMs = limits.timeoutMs - idleMs;
  if (remainingMs <= 0) return { phase: 'expired', secondsLeft: 0 };
  const secondsLeft = Math.ceil(remainingMs / 1000);
  return { phase: remainingMs <= limits.warningMs ? 'warning' : 'active', secondsLeft };
}

/**
 * Whether to refresh the server session now: only if the user did something
 * since the last refresh, and at most once per interval. Because the refresh
 * happens after the activity, the server's lastActive is never older than the
 * browser's, so the browser always signs out first.
 */
export function shouldPing(
  nowMs: number,
  lastActivityMs: number,
  lastPingMs: number,
  intervalMs = ACTIVITY_PING_INTERVAL_MS,
): boolean {
  if (!Number.isFinite(lastActivityMs)) return false;
  if (!Number.isFinite(lastPingMs)) return true;
  return lastActivityMs > lastPingMs && nowMs - lastPingMs >= intervalMs;
}

/** Reads a timestamp another tab wrote to localStorage; anything odd is ignored. */
export function parseStoredTime(value: string | null, nowMs: number): number | null {
  if (value === null || !/^\d{1,15}$/.test(value)) return null;
  const ms = Number(value);
  // A time far in the future would keep the session alive forever; refuse it.
  return ms > nowMs + 60 * 1000 ? null : ms;
}
