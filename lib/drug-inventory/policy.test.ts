import { describe, expect, it } from 'vitest';
import {
  checkWitness,
  countDiscrepancyUg,
  isLotExpired,
  lotTotalUg,
  mgToUg,
  openedVialRemainderUg,
  ugToMg,
  vialContentUg,
} from './policy';

// Worked examples use ketamine hydrochloride injection as commonly supplied: 50 mg/mL in
// 10 mL multi-dose vials (500 mg a vial) and 10 mg/mL in 20 mL vials (200 mg a vial).

describe('units', () => {
  it('keeps mg exact to the microgram', () => {
    expect(mgToUg(31.7)).toBe(BigInt(31_700));
    expect(mgToUg(0.001)).toBe(BigInt(1));
    expect(mgToUg(63.4 * 0.5)).toBe(BigInt(31_700)); // 31.700000000000003 in floats
    expect(ugToMg(BigInt(31_700))).toBe(31.7);
  });

  it('computes a receipt from the label: 50 mg/mL × 10 mL × 25 vials = 12,500 mg', () => {
    expect(vialContentUg({ concentrationMgPerMl: 50, vialVolumeMl: 10 })).toBe(BigInt(500_000));
    expect(lotTotalUg({ concentrationMgPerMl: 50, vialVolumeMl: 10, vialsReceived: 25 })).toBe(BigInt(12_500_000));
    expect(lotTotalUg({ concentrationMgPerMl: 10, vialVolumeMl: 20, vialsReceived: 3 })).toBe(BigInt(600_000));
  });
});

describe('expiry', () => {
  it('allows a lot on its expiry date and refuses it the day after', () => {
    expect(isLotExpired({ expiresOn: '2027-03-31', today: '2027-03-30' })).toBe(false);
    expect(isLotExpired({ expiresOn: '2027-03-31', today: '2027-03-31' })).toBe(false);
    expect(isLotExpired({ expiresOn: '2027-03-31', today: '2027-04-01' })).toBe(true);
  });
});

describe('witness', () => {
  const clinician = { id: 'w', role: 'CLINICIAN' as const, isActive: true };
  it('accepts a second, active clinician', () => {
    expect(checkWitness({ actorId: 'a', witness: clinician })).toBeNull();
  });
  it('refuses the actor as their own witness', () => {
    expect(checkWitness({ actorId: 'w', witness: clinician })?.code).toBe('SAME_PERSON');
  });
  it('refuses coordinators, admins and deactivated accounts', () => {
    expect(checkWitness({ actorId: 'a', witness: { ...clinician, role: 'COORDINATOR' } })?.code).toBe(
      'NOT_A_CLINICIAN',
    );
    expect(checkWitness({ actorId: 'a', witness: { ...clinician, role: 'ADMIN' } })?.code).toBe('NOT_A_CLINICIAN');
    expect(checkWitness({ actorId: 'a', witness: { ...clinician, isActive: false } })?.code).toBe('INACTIVE');
  });
});

describe('opened vial remainder', () => {
  const vial500 = BigInt(500_000);
  const vial200 = BigInt(200_000);
  it('leaves 468.3 mg of a 500 mg vial after a 31.7 mg dose (80 kg × 0.5 mg/kg = 40 mg leaves 460 mg)', () => {
    expect(openedVialRemainderUg({ doseUg: mgToUg(31.7), vialUg: vial500 })).toBe(BigInt(468_300));
    expect(openedVialRemainderUg({ doseUg: mgToUg(40), vialUg: vial500 })).toBe(BigInt(460_000));
  });
  it('opens a second vial when the dose needs it, and leaves nothing when it uses whole vials', () => {
    expect(openedVialRemainderUg({ doseUg: mgToUg(250), vialUg: vial200 })).toBe(BigInt(150_000));
    expect(openedVialRemainderUg({ doseUg: mgToUg(400), vialUg: vial200 })).toBe(BigInt(0));
  });
  it('opens nothing for a 0 mg dose', () => {
    expect(openedVialRemainderUg({ doseUg: BigInt(0), vialUg: vial500 })).toBe(BigInt(0));
  });
});

describe('count discrepancy', () => {
  it('is negative when drug is missing and zero when the count matches', () => {
    expect(countDiscrepancyUg({ countedUg: mgToUg(12_450), expectedUg: mgToUg(12_460) })).toBe(BigInt(-10_000));
    expect(countDiscrepancyUg({ countedUg: mgToUg(500), expectedUg: mgToUg(500) })).toBe(BigInt(0));
  });
});
