import { describe, expect, it } from 'vitest';
import { blindedViewer, canSeeAllocation, isMaskedTrial, type BlindingViewer } from './policy';

// NCT06668571 is triple masked (participant, care provider, investigator): its
// arms must stay hidden from everyone but the named unblinded staff.
const masked = { id: 'trial-nct06668571', masking: 'TRIPLE' };
const open = { id: 'trial-nct06419439', masking: 'NONE' };
const unset = { id: 'trial-local', masking: null };

function viewer(overrides: Partial<BlindingViewer> = {}): BlindingViewer {
  return { ...blindedViewer('user-1'), ...overrides };
}

describe('isMaskedTrial', () => {
  it('treats every masking but NONE (and unset) as masked', () => {
    expect(['SINGLE', 'DOUBLE', 'TRIPLE', 'QUADRUPLE'].every((m) => isMaskedTrial(m))).toBe(true);
    expect(isMaskedTrial('NONE')).toBe(false);
    expect(isMaskedTrial(null)).toBe(false);
    expect(isMaskedTrial(undefined)).toBe(false);
  });
});

describe('canSeeAllocation', () => {
  it('lets everyone see allocation in an open-label or unmasked trial', () => {
    expect(canSeeAllocation({ viewer: viewer(), trial: open })).toBe(true);
    expect(canSeeAllocation({ viewer: viewer(), trial: unset, enrollmentId: 'e1' })).toBe(true);
  });

  it('hides allocation in a masked trial from staff who are not named', () => {
    expect(canSeeAllocation({ viewer: viewer(), trial: masked })).toBe(false);
    expect(canSeeAllocation({ viewer: viewer(), trial: masked, enrollmentId: 'e1' })).toBe(false);
  });

  it('shows allocation to the trial’s named unblinded staff, for the trial and each participant', () => {
    const preparer = viewer({ unblindedTrialIds: new Set([masked.id]) });
    expect(canSeeAllocation({ viewer: preparer, trial: masked })).toBe(true);
    expect(canSeeAllocation({ viewer: preparer, trial: masked, enrollmentId: 'e1' })).toBe(true);
  });

  it('does not carry one trial’s unblinding to another masked trial', () => {
    const preparer = viewer({ unblindedTrialIds: new Set(['another-trial']) });
    expect(canSeeAllocation({ viewer: preparer, trial: masked, enrollmentId: 'e1' })).toBe(false);
  });

  it('shows an emergency-unblinded participant’s arm to the clinician who broke the blind, and no one else’s', () => {
    const clinician = viewer({ emergencyUnblindedEnrollmentIds: new Set(['e1']) });
    expect(canSeeAllocation({ viewer: clinician, trial: masked, enrollmentId: 'e1' })).toBe(true);
    expect(canSeeAllocation({ viewer: clinician, trial: masked, enrollmentId: 'e2' })).toBe(false);
    // Trial-level reads (results by arm) stay pooled for them.
    expect(canSeeAllocation({ viewer: clinician, trial: masked })).toBe(false);
  });
});
