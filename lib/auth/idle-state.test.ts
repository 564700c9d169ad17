import { describe, expect, it } from 'vitest';
import { ACTIVITY_PING_INTERVAL_MS, idleState, parseStoredTime, shouldPing } from './idle-state';
import { IDLE_TIMEOUT_MS, IDLE_WARNING_MS } from './session-policy';

const t0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const minutes = (n: number) => n * 60 * 1000;

describe('idleState', () => {
  it('is active right after activity, with the full 15 minutes left', () => {
    expect(idleState(t0, t0)).toEqual({ phase: 'active', secondsLeft: IDLE_TIMEOUT_MS / 1000 });
  });

  it('stays active until 14 minutes idle', () => {
    expect(idleState(t0 + minutes(14) - 1, t0).phase).toBe('active');
  });

  it('warns from 14 minutes idle with 60 seconds left', () => {
    expect(idleState(t0 + IDLE_TIMEOUT_MS - IDLE_WARNING_MS, t0)).toEqual({ phase: 'warning', secondsLeft: 60 });
    expect(idleState(t0 + minutes(14) + 30_500, t0)).toEqual({ phase: 'warning', secondsLeft: 30 });
  });

  it('rounds the countdown up, so it never shows 0 while still signed in', () => {
    expect(idleState(t0 + IDLE_TIMEOUT_MS - 1, t0)).toEqual({ phase: 'warning', secondsLeft: 1 });
  });

  it('expires at exactly 15 minutes idle and after', () => {
    expect(idleState(t0 + IDLE_TIMEOUT_MS, t0)).toEqual({ phase: 'expired', secondsLeft: 0 });
    expect(idleState(t0 + minutes(90), t0)).toEqual({ phase: 'expired', secondsLeft: 0 });
  });

  it('treats a last activity slightly in the future as now', () => {
    expect(idleState(t0, t0 + 2_000)).toEqual({ phase: 'active', secondsLeft: IDLE_TIMEOUT_MS / 1000 });
  });

  it('fails closed on a missing or corrupt last-activity time', () => {
    expect(idleState(t0, Number.NaN).phase).toBe('expired');
    expect(idleState(t0, Number.POSITIVE_INFINITY).phase).toBe('expired');
  });

  it('accepts other limits', () => {
    expect(idleState(t0 + 8_000, t0, { timeoutMs: 10_000, warningMs: 5_000 })).toEqual({
      phase: 'warning',
      secondsLeft: 2,
    });
  });
});

describe('shouldPing', () => {
  it('does not ping without activity since the last ping', () => {
    expect(shouldPing(t0 + minutes(5), t0, t0)).toBe(false);
    expect(shouldPing(t0 + minutes(5), t0 - 1, t0)).toBe(false);
  });

  it('waits a full interval after the last ping', () => {
    expect(shouldPing(t0 + ACTIVITY_PING_INTERVAL_MS - 1, t0 + 10, t0)).toBe(false);
    expect(shouldPing(t0 + ACTIVITY_PING_INTERVAL_MS, t0 + 10, t0)).toBe(true);
  });

  it('pings when there has never been a ping', () => {
    expect(shouldPing(t0, t0, Number.NaN)).toBe(true);
  });

  it('keeps the server at least as fresh as the browser: a ping always follows the last activity', () => {
    // Activity just before the interval ends is covered by the next ping, not lost.
    const lastPing = t0;
    const lateActivity = t0 + ACTIVITY_PING_INTERVAL_MS - 1_000;
    const pingAt = t0 + ACTIVITY_PING_INTERVAL_MS;
    expect(shouldPing(pingAt, lateActivity, lastPing)).toBe(true);
    expect(pingAt).toBeGreaterThanOrEqual(lateActivity);
  });
});

describe('parseStoredTime', () => {
  it('reads a plain millisecond timestamp', () => {
    expect(parseStoredTime(String(t0), t0)).toBe(t0);
  });

  it('ignores missing, malformed and negative values', () => {
    expect(parseStoredTime(null, t0)).toBeNull();
    expect(parseStoredTime('', t0)).toBeNull();
    expect(parseStoredTime('abc', t0)).toBeNull();
    expect(parseStoredTime('-5', t0)).toBeNull();
    expect(parseStoredTime('1e12', t0)).toBeNull();
  });

  it('refuses times far in the future, which would keep a session alive forever', () => {
    expect(parseStoredTime(String(t0 + minutes(10)), t0)).toBeNull();
    expect(parseStoredTime(String(t0 + 5_000), t0)).toBe(t0 + 5_000);
  });
});
