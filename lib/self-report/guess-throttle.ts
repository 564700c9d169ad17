import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import { hitRateLimit, peekRateLimit, type RateLimit } from '@/lib/rate-limit/hit-rate-limit';

/** Unknown or malformed tokens an address may try before it is turned away for a while. */
export const SELF_REPORT_GUESS_LIMIT: RateLimit = { limit: 20, windowMs: 15 * 60_000 };

const keyFor = (ip: string | null) => `self-report-miss:${ip ?? 'unknown'}`;

/** 429 for an address that has guessed too many tokens lately (checked before every look-up). */
export async function assertNotGuessing(ip: string | null): Promise<void> {
  const state = await peekRateLimit(keyFor(ip), SELF_REPORT_GUESS_LIMIT);
  if (state.isLimited) {
    throw new AppError(
      'RATE_LIMITED',
      'Too many links were tried from this address. Wait a few minutes and try again.',
      {
        details: { retryAfterSeconds: state.retryAfterSeconds },
      },
    );
  }
}

/** Counts a miss (unknown or malformed token) against the address. */
export async function recordGuess(ip: string | null): Promise<void> {
  await hitRateLimit(keyFor(ip), SELF_REPORT_GUESS_LIMIT);
}
