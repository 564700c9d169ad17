// Session limits, shared by the server (which enforces them) and the browser
// (which warns before the idle limit).
export const IDLE_TIMEOUT_MS = 15 * 60 * 1000;
export const IDLE_WARNING_MS = 60 * 1000;
export const ABSOLUTE_SESSION_MS = 12 * 60 * 60 * 1000;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export type SessionClock = { authTime: number; lastActive: number };

export function isSessionLive(clock: SessionClock, now: number): boolean {
  if (!Number.isFinite(clock.authTime) || !Number.isFinite(clock.lastActive)) return false;
  if (now - clock.authTime > ABSOLUTE_SESSION_MS) return false;
  return now - clock.lastActive <= IDLE_TIMEOUT_MS;
}
