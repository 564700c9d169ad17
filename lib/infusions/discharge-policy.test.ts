import { describe, expect, it } from 'vitest';
import { checkDischarge, type DischargeCheck } from './discharge-policy';

// NCT06668571: a 40-minute infusion; the demo clinic monitors 60 minutes after it. Started 09:00 UTC.
const start = new Date('2026-12-03T09:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const base: DischargeCheck = {
  now: at(100),
  administration: { startedAt: start, stoppedAt: at(40) },
  infusionMinutes: 40,
  monitoringMinutes: 60,
  hasPostVitals: true,
  isCadssPlanned: false,
  hasCadss: false,
};
const codes = (patch: Partial<DischargeCheck>) =>
  checkDischarge({ ...base, ...patch }).blockers.map((blocker) => blocker.code);

describe('discharge after a 40-minute infusion with 60 minutes of monitoring', () => {
  it('is refused 0 minutes in: the infusion runs and monitoring has not started', () => {
    expect(codes({ now: at(0), administration: { startedAt: start, stoppedAt: null } })).toEqual([
      'INFUSION_RUNNING',
      'MONITORING',
    ]);
  });
  it('is refused one minute before monitoring ends, with 1 minute remaining', () => {
    const state = checkDischarge({ ...base, now: at(99) });
    expect(state.blockers.map((blocker) => blocker.code)).toEqual(['MONITORING']);
    expect(state.minutesRemaining).toBe(1);
    expect(state.blockers[0].message).toBe(
      'Monitoring ends at 10:40 (1 minute from now; 60 minutes after the infusion).',
    );
  });
  it('is allowed exactly when monitoring ends, and after', () => {
    expect(codes({ now: at(100) })).toEqual([]);
    expect(codes({ now: at(150) })).toEqual([]);
  });
  it('counts monitoring from the recorded stop when the infusion ran longer', () => {
    expect(
      checkDischarge({ ...base, administration: { startedAt: start, stoppedAt: at(55) }, now: at(110) })
        .minutesRemaining,
    ).toBe(5);
  });
  it('counts from start + infusion minutes when no stop is recorded yet', () => {
    expect(codes({ administration: { startedAt: start, stoppedAt: null }, now: at(100) })).toEqual([]);
    expect(
      codes({ administration: { startedAt: start, stoppedAt: null }, infusionMinutes: null, now: at(100) }),
    ).toEqual(['INFUSION_RUNNING']);
  });
  it('is refused without post-infusion vitals', () => {
    expect(codes({ hasPostVitals: false })).toEqual(['POST_VITALS']);
  });
  it('is refused without the CADSS the plan has after this session, and not when the plan has none', () => {
    expect(codes({ isCadssPlanned: true, hasCadss: false })).toEqual(['CADSS']);
    expect(codes({ isCadssPlanned: true, hasCadss: true })).toEqual([]);
  });
  it('asks for nothing when no infusion was given', () => {
    expect(codes({ administration: null, hasPostVitals: false })).toEqual([]);
  });
});

describe('discharge from a 24 h perioperative stay (the Mayo neuralgia trial)', () => {
  const session = { kind: 'PERIOPERATIVE' as const, checkedInAt: start, minutes: 24 * 60 };

  it('is refused after the infusion and monitoring while the 24 h stay lasts', () => {
    const state = checkDischarge({ ...base, now: at(100), session });
    expect(state.blockers.map((blocker) => blocker.code)).toEqual(['STAY']);
    expect(state.blockers[0].message).toBe(
      'The perioperative stay lasts 24 h from check-in, until 4 Dec 2026, 09:00 UTC (22 h 20 min from now).',
    );
  });

  it('is allowed 24 h after check-in', () => {
    expect(codes({ now: at(24 * 60), session })).toEqual([]);
  });

  it('leaves a chair visit to the monitoring rules', () => {
    expect(codes({ now: at(100), session: { ...session, kind: 'CHAIR' } })).toEqual([]);
  });
});
