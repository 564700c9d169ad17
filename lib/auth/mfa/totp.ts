import { Secret, TOTP } from 'otpauth';

// RFC 6238 with the parameters every authenticator app understands: SHA-1,
// 6 digits, 30-second steps. One step either side is accepted for clock drift.

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_WINDOW_STEPS = 1;
export const TOTP_ISSUER = 'TrialDesk';

export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label = 'account'): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

export function totpUri(secret: string, email: string): string {
  return totpFor(secret, email).toString();
}

export function totpCode(secret: string, timestampMs: number): string {
  return totpFor(secret).generate({ timestamp: timestampMs });
}

export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}

/**
 * The 30-second step the code belongs to, or null. The step lets the caller
 * refuse a code already used (replay): steps only move forward.
 */
export function matchTotpStep(secret: string, code: string, timestampMs: number): number | null {
  const token = code.replace(/\s/g, '');
  if (!isTotpShaped(token)) return null;
  const delta = totpFor(secret).validate({ token, timestamp: timestampMs, window: TOTP_WINDOW_STEPS });
  if (delta === null) return null;
  return Math.floor(timestampMs / 1000 / TOTP_PERIOD_SECONDS) + delta;
}
