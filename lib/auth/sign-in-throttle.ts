import 'server-only';
import { hitRateLimit, peekRateLimit, type RateLimit } from '@/lib/rate-limit/hit-rate-limit';

// Failed sign-ins per client address, beside the per-account lockout: one
// address spraying many accounts is stopped here, before any account locks.
// Counted in PostgreSQL (RateLimitBucket), so every app instance shares it.
export const SIGN_IN_IP_LIMIT: RateLimit = { limit: 20, windowMs: 15 * 60 * 1000 };

export type ThrottleState = { isThrottled: boolean; retryAfterSeconds: number };

const keyFor = (ipAddress: string) => `sign-in-failures:${ipAddress}`;

/** Whether this address has used up its failed sign-ins for the window (no hit is added). */
export async function checkSignInThrottle(ipAddress: string | null, now = new Date()): Promise<ThrottleState> {
  if (!ipAddress) return { isThrottled: false, retryAfterSeconds: 0 };
  const state = await peekRateLimit(keyFor(ipAddress), SIGN_IN_IP_LIMIT, now);
  return { isThrottled: state.isLimited, retryAfterSeconds: state.retryAfterSeconds };
}

/** Counts one failed sign-in from this address. */
export async function recordSignInFailureFromIp(ipAddress: string | null, now = new Date()): Promise<void> {
  if (!ipAddress) return;
  await hitRateLimit(keyFor(ipAddress), SIGN_IN_IP_LIMIT, now);
}
