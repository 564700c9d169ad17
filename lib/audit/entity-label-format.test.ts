import { describe, expect, it } from 'vitest';
import { candidateLabel, joinLabel, sessionLabel } from './entity-label-format';

describe('audit record labels', () => {
  it('names a candidate "Lastname, Firstname (MRN)"', () => {
    expect(candidateLabel({ firstName: 'Testy', lastName: 'McFictional', mrn: 'MRN-000123' })).toBe(
      'McFictional, Testy (MRN-000123)',
    );
  });

  it('dates a session by the clinic-local day, not the UTC one', () => {
    // 02:30 UTC on 3 Nov is still 2 Nov in New York (EST, UTC−5).
    const scheduledAt = new Date('2026-11-03T02:30:00Z');
    expect(sessionLabel({ sessionNumber: 3, scheduledAt }, 'America/New_York')).toBe('Session 3 · 2026-11-02');
    expect(sessionLabel({ sessionNumber: 3, scheduledAt }, 'UTC')).toBe('Session 3 · 2026-11-03');
  });

  it('joins the parts it has, leaving out missing ones', () => {
    expect(joinLabel('Session 1 · 2026-11-02', null, 'KET-TRD', '')).toBe('Session 1 · 2026-11-02 · KET-TRD');
  });
});
