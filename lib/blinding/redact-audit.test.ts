import { describe, expect, it } from 'vitest';
import { blindedViewer } from './policy';
import { redactAuditEvents, WITHHELD } from './redact-audit';

const maskingByTrial = new Map<string, string | null>([
  ['masked', 'TRIPLE'],
  ['open', 'NONE'],
]);
const verify = (trialId?: string) => ({
  entityType: 'DoseVerification',
  entityId: 'v1',
  before: null,
  after: {
    ...(trialId ? { trialId } : {}),
    doseMg: 0,
    steps: ['Placebo session: no active drug (0 mg)'],
    signerName: 'Pia Preparer',
  },
});

describe('redactAuditEvents', () => {
  it('withholds the dose and steps of a masked trial from a blinded viewer, keeps who signed', () => {
    const [event] = redactAuditEvents({ events: [verify('masked')], viewer: blindedViewer('u'), maskingByTrial });
    expect(event.after).toEqual({ trialId: 'masked', doseMg: WITHHELD, steps: WITHHELD, signerName: 'Pia Preparer' });
  });

  it('shows everything to the trial’s unblinded staff and for open-label trials', () => {
    const preparer = { ...blindedViewer('u'), unblindedTrialIds: new Set(['masked']) };
    expect(redactAuditEvents({ events: [verify('masked')], viewer: preparer, maskingByTrial })[0].after).toMatchObject({
      doseMg: 0,
    });
    expect(
      redactAuditEvents({ events: [verify('open')], viewer: blindedViewer('u'), maskingByTrial })[0].after,
    ).toMatchObject({ doseMg: 0 });
  });

  it('withholds from events whose trial is unknown while the viewer is blinded to any masked trial', () => {
    expect(
      redactAuditEvents({ events: [verify()], viewer: blindedViewer('u'), maskingByTrial })[0].after,
    ).toMatchObject({ doseMg: WITHHELD });
  });

  it('strips nested keys too', () => {
    const event = {
      entityType: 'Enrollment',
      entityId: 'e',
      before: null,
      after: { trialId: 'masked', enrollment: { armId: 'a1', armLabel: 'Placebo' } },
    };
    expect(redactAuditEvents({ events: [event], viewer: blindedViewer('u'), maskingByTrial })[0].after).toEqual({
      trialId: 'masked',
      enrollment: { armId: WITHHELD, armLabel: WITHHELD },
    });
  });
});
