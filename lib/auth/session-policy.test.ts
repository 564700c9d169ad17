import { describe, expect, it } from 'vitest';
import { ABSOLUTE_SESSION_MS, IDLE_TIMEOUT_MS, isSessionLive } from './session-policy';

const t0 = Date.UTC(2026, 10, 23, 8, 0, 0);

describe('isSessionLive', () => {
  it('is live right after sign-in', () => {
    expect(isSessionLive({ authTime: t0, lastActive: t0 }, t0)).toBe(true);
  });
  it('ends after 15 minutes without activity, not a millisecond before', () => {
    expect(isSessionLive({ authTime: t0, lastActive: t0 }, t0 + IDLE_TIMEOUT_MS)).toBe(true);
    expect(isSessionLive({ authTime: t0, lastActive: t0 }, t0 + IDLE_TIMEOUT_MS + 1)).toBe(false);
  });
  it('ends 12 hours after sign-in however active the user is', () => {
    const now = t0 + ABSOLUTE_SESSION_MS + 1;
    expect(isSessionLive({ authTime: t0, lastActive: now - 1000 }, now)).toBe(false);
    expect(isSessionLive({ authTime: t0, lastActive: t0 + ABSOLUTE_SESSION_MS - 1000 }, t0 + ABSOLUTE_SESSION_MS)).toBe(
      true,
    );
  });
  it('treats a token without timestamps as signed out', () => {
    expect(isSessionLive({ authTime: Number.NaN, lastActive: t0 }, t0)).toBe(false);
  });
});
