import { describe, expect, it } from 'vitest';
import { baselineWindow, screeningBaselineProblem, type ScreeningBaselineFacts } from './screening-baseline-policy';

const PLAN = [
  { instrument: 'PHQ9', timepoint: 'BASELINE', windowBeforeDays: 7, windowAfterDays: 0 },
  { instrument: 'CADSS', timepoint: 'AFTER_SESSION_1', windowBeforeDays: 0, windowAfterDays: 0 },
];
const USABLE = { measuredOn: '2026-11-27', isOwn: true, isVoided: false, hasItems: true, isUsed: false };

function facts(overrides: Partial<ScreeningBaselineFacts> = {}, measurement: Partial<typeof USABLE> = {}) {
  return {
    plan: PLAN,
    enrolledOn: '2026-12-01',
    hasBaseline: false,
    ...overrides,
    measurement: { ...USABLE, ...measurement },
  };
}

describe('screeningBaselineProblem (decision 0040)', () => {
  it('allows a screening PHQ-9 with its items inside the baseline window', () => {
    expect(screeningBaselineProblem(facts())).toBeNull();
  });

  it('counts both window ends as inside: 7 days before enrolment and the enrolment day itself', () => {
    expect(baselineWindow(PLAN[0], '2026-12-01')).toEqual({ start: '2026-11-24', end: '2026-12-01' });
    expect(screeningBaselineProblem(facts({}, { measuredOn: '2026-11-24' }))).toBeNull();
    expect(screeningBaselineProblem(facts({}, { measuredOn: '2026-12-01' }))).toBeNull();
    expect(screeningBaselineProblem(facts({}, { measuredOn: '2026-11-23' }))?.code).toBe('OUTSIDE_WINDOW');
    expect(screeningBaselineProblem(facts({}, { measuredOn: '2026-12-02' }))?.message).toBe(
      'The screening PHQ-9 of 2026-12-02 is outside the baseline window (2026-11-24 to 2026-12-01).',
    );
  });

  it('refuses with the reason: no PHQ-9 baseline planned, another person, voided, no items, used, baseline exists', () => {
    expect(screeningBaselineProblem(facts({ plan: [PLAN[1]] }))?.code).toBe('NOT_PLANNED');
    expect(screeningBaselineProblem(facts({}, { isOwn: false }))?.code).toBe('NOT_OWN');
    expect(screeningBaselineProblem(facts({}, { isVoided: true }))?.code).toBe('VOIDED');
    expect(screeningBaselineProblem(facts({}, { hasItems: false }))?.code).toBe('NO_ITEMS');
    expect(screeningBaselineProblem(facts({}, { isUsed: true }))?.code).toBe('ALREADY_USED');
    expect(screeningBaselineProblem(facts({ hasBaseline: true }))?.code).toBe('BASELINE_EXISTS');
  });
});
