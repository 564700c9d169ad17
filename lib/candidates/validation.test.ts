import { describe, expect, it } from 'vitest';
import {
  candidateInputSchema,
  candidateListQuerySchema,
  candidatePatchSchema,
  contactAttemptSchema,
  isPlausiblePhone,
  latestTodayIsoDate,
  pipelineMoveSchema,
} from '@/lib/validations/candidates';
import { ageInYears } from '@/lib/candidates/vocabulary';

function isoDaysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const VALID = {
  firstName: ' Opal ',
  lastName: 'Fictive',
  dateOfBirth: '1980-04-02',
  sex: 'Female',
  mrn: 'mrn-4411',
  phone: '(212) 555-0123',
  email: 'Opal.Fictive@Example.test',
  preferredContactMethod: 'PHONE',
  preferredLanguage: '',
  isVeteran: true,
  referralSource: 'PROVIDER',
  referringProvider: 'Dr. Notreal (fictional)',
  referringContact: null,
  referralDate: isoDaysFromToday(-2),
  notes: '',
  assignedCoordinatorId: '',
};

function fieldErrors(result: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) {
  const fields: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (fields[issue.path.join('.')] ??= []).push(issue.message);
  return fields;
}

describe('candidateInputSchema', () => {
  it('normalises a valid intake: trimmed names, lower-case sex and email, upper-case MRN, blanks to null', () => {
    const parsed = candidateInputSchema.parse(VALID);
    expect(parsed).toMatchObject({
      firstName: 'Opal',
      sex: 'female',
      mrn: 'MRN-4411',
      email: 'opal.fictive@example.test',
      preferredLanguage: null,
      notes: null,
      assignedCoordinatorId: null,
    });
    expect(parsed.duplicateOverrideReason).toBeUndefined();
  });

  it('gives a message per field for required fields', () => {
    const fields = fieldErrors(candidateInputSchema.safeParse({}));
    for (const key of [
      'firstName',
      'lastName',
      'dateOfBirth',
      'sex',
      'mrn',
      'phone',
      'referralSource',
      'referralDate',
    ]) {
      expect(fields[key], key).toHaveLength(1);
    }
    expect(fields.firstName).toEqual(['Enter the first name.']);
  });

  it('wants a date of birth in the past and an age from 0 to 120', () => {
    expect(
      fieldErrors(candidateInputSchema.safeParse({ ...VALID, dateOfBirth: isoDaysFromToday(30) })).dateOfBirth,
    ).toEqual(['The date of birth must be in the past.']);
    expect(
      fieldErrors(candidateInputSchema.safeParse({ ...VALID, dateOfBirth: '1850-01-01' })).dateOfBirth?.[0],
    ).toMatch(/between 0 and 120/);
    expect(
      fieldErrors(candidateInputSchema.safeParse({ ...VALID, dateOfBirth: '1990-02-30' })).dateOfBirth?.[0],
    ).toMatch(/does not exist/);
    expect(
      fieldErrors(candidateInputSchema.safeParse({ ...VALID, dateOfBirth: '02/03/1990' })).dateOfBirth?.[0],
    ).toMatch(/YYYY-MM-DD/);
    expect(candidateInputSchema.safeParse({ ...VALID, dateOfBirth: isoDaysFromToday(-40) }).success).toBe(true);
  });

  it('refuses a referral date in the future', () => {
    expect(
      fieldErrors(candidateInputSchema.safeParse({ ...VALID, referralDate: isoDaysFromToday(3) })).referralDate,
    ).toEqual(['The referral date cannot be in the future.']);
  });

  it('checks the email and the sex values', () => {
    expect(fieldErrors(candidateInputSchema.safeParse({ ...VALID, email: 'not-an-email' })).email).toHaveLength(1);
    expect(candidateInputSchema.parse({ ...VALID, email: '' }).email).toBeNull();
    expect(fieldErrors(candidateInputSchema.safeParse({ ...VALID, sex: 'x' })).sex?.[0]).toMatch(
      /female, male, other or unknown/,
    );
  });

  it('wants a real reason when overriding a duplicate', () => {
    expect(
      fieldErrors(candidateInputSchema.safeParse({ ...VALID, duplicateOverrideReason: 'no' })).duplicateOverrideReason,
    ).toHaveLength(1);
    expect(
      candidateInputSchema.parse({ ...VALID, duplicateOverrideReason: 'Different person: twin sibling' })
        .duplicateOverrideReason,
    ).toBe('Different person: twin sibling');
  });
});

describe('phone numbers', () => {
  it('accepts North American and international formats', () => {
    for (const phone of [
      '(212) 555-0123',
      '212-555-0123',
      '212.555.0123',
      '+1 212 555 0123',
      '1-212-555-0123',
      '+44 20 7946 0000',
      '+61 2 5550 1234',
      '212 555 0123 x45',
    ]) {
      expect(isPlausiblePhone(phone), phone).toBe(true);
    }
  });

  it('refuses short, lettered or malformed numbers with one clear message', () => {
    for (const phone of ['555-0123', 'call me', '012-555-0123', '+0 123 4567', '12345678901234567'])
      expect(isPlausiblePhone(phone), phone).toBe(false);
    expect(fieldErrors(candidateInputSchema.safeParse({ ...VALID, phone: '555-0123' })).phone?.[0]).toMatch(
      /area code/,
    );
  });
});

describe('ageInYears', () => {
  it('counts whole years, birthdays included', () => {
    expect(ageInYears('2000-06-15', '2026-06-14')).toBe(25);
    expect(ageInYears('2000-06-15', '2026-06-15')).toBe(26);
    expect(latestTodayIsoDate(new Date('2026-11-23T12:00:00Z'))).toBe('2026-11-24');
  });
});

describe('candidatePatchSchema', () => {
  it('takes any subset of fields with the version', () => {
    expect(candidatePatchSchema.parse({ version: 3, notes: 'Prefers mornings' })).toEqual({
      version: 3,
      notes: 'Prefers mornings',
    });
    expect(fieldErrors(candidatePatchSchema.safeParse({ notes: 'x' })).version).toHaveLength(1);
    expect(fieldErrors(candidatePatchSchema.safeParse({ version: 1, firstName: '' })).firstName).toHaveLength(1);
  });
});

describe('candidateListQuerySchema', () => {
  it('defaults, coerces the URL strings and caps the page size', () => {
    expect(candidateListQuerySchema.parse({})).toMatchObject({ page: 1, pageSize: 25, sort: 'referralDate' });
    expect(
      candidateListQuerySchema.parse({ page: '3', pageSize: '50', referralAgeDays: '7', q: ' ada ', stage: '' }),
    ).toMatchObject({ page: 3, pageSize: 50, referralAgeDays: 7, q: 'ada', stage: undefined });
    expect(candidateListQuerySchema.safeParse({ pageSize: '101' }).success).toBe(false);
  });

  it('only sorts by listed fields, and by stage only within a trial', () => {
    expect(fieldErrors(candidateListQuerySchema.safeParse({ sort: 'bogus' })).sort?.[0]).toMatch(/Sort by one of/);
    expect(fieldErrors(candidateListQuerySchema.safeParse({ sort: 'stage' })).sort?.[0]).toMatch(/needs a trial/);
    expect(candidateListQuerySchema.parse({ sort: 'stage', trialId: 't1', dir: 'desc' })).toMatchObject({
      sort: 'stage',
      dir: 'desc',
    });
    expect(candidateListQuerySchema.safeParse({ dir: 'sideways' }).success).toBe(false);
  });
});

describe('pipelineMoveSchema and contactAttemptSchema', () => {
  it('parses a consent move', () => {
    expect(
      pipelineMoveSchema.parse({
        trialId: 't',
        to: 'CONSENTED',
        consent: { consentedOn: isoDaysFromToday(0), formVersionId: 'cfv_1' },
        reason: '',
      }),
    ).toMatchObject({
      to: 'CONSENTED',
      reason: undefined,
      consent: { formVersionId: 'cfv_1' },
    });
    expect(pipelineMoveSchema.safeParse({ trialId: 't', to: 'SIDEWAYS' }).success).toBe(false);
    // Free text is no longer a version: only an approved version's id.
    expect(
      pipelineMoveSchema.safeParse({
        trialId: 't',
        to: 'CONSENTED',
        consent: { consentedOn: isoDaysFromToday(0), formVersion: 'v3.1' },
      }).success,
    ).toBe(false);
  });

  it('wants a contact time with an offset, not in the future, and a follow-up not before it', () => {
    const ok = {
      method: 'PHONE',
      outcome: 'LEFT_MESSAGE',
      contactedAt: new Date(Date.now() - 3_600_000).toISOString(),
    };
    expect(contactAttemptSchema.parse(ok)).toMatchObject({ method: 'PHONE', nextFollowUpOn: null });
    expect(contactAttemptSchema.safeParse({ ...ok, contactedAt: '2026-11-23 10:00' }).success).toBe(false);
    expect(
      contactAttemptSchema.safeParse({ ...ok, contactedAt: new Date(Date.now() + 86_400_000).toISOString() }).success,
    ).toBe(false);
    expect(
      fieldErrors(contactAttemptSchema.safeParse({ ...ok, nextFollowUpOn: '2000-01-01' })).nextFollowUpOn,
    ).toHaveLength(1);
    expect(contactAttemptSchema.parse({ ...ok, nextFollowUpOn: isoDaysFromToday(2) }).nextFollowUpOn).toBe(
      isoDaysFromToday(2),
    );
  });
});
