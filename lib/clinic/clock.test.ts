import { describe, expect, it } from 'vitest';
import { clockFor } from './clock';

describe('the clinic clock', () => {
  // 2026-12-04 03:30 UTC is still 2026-12-03 22:30 in New York.
  const instant = new Date('2026-12-04T03:30:00Z');

  it('names the clinic-local day, not the server’s', () => {
    const clock = clockFor('America/New_York', () => instant);
    expect(clock.today()).toBe('2026-12-03');
    expect(clock.todayAsDate().toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(clock.wallClock(instant)).toEqual({ date: '2026-12-03', time: '22:30' });
  });

  it('follows another zone when the clinic is elsewhere', () => {
    expect(clockFor('Europe/Berlin', () => instant).today()).toBe('2026-12-04');
  });
});
