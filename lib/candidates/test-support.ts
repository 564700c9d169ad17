import type { ActorContext } from '@/lib/auth/actor-context';
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Role } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db';
import { candidateInputSchema, type CandidateFormValues, type CandidateInput } from '@/lib/validations/candidates';

// Shared fixtures for the candidate integration tests: a guard-like context for
// a real user, trials with arms, and intake input that is unique per call so
// test files running side by side on one database never collide.

/** The guard context of a signed-in user, recording audit events as the guard does. */
export function contextFor(user: { id: string; name: string; role: Role }, requestId = 'req-candidates'): ActorContext {
  return {
    user,
    audit: (tx, event) => recordAuditEvent(tx, { ...event, actorId: user.id, requestId, ipAddress: '127.0.0.1' }),
  };
}

/** A short unique token for names, MRNs and trial titles. */
export function uniqueToken(): string {
  return randomUUID().replace(/-/g, '').slice(0, 10);
}

/**
 * Letters only (names are searched as words): a unique, obviously fictional
 * surname, random enough that two of them never look alike to the duplicate check.
 */
export function uniqueSurname(prefix = 'Q'): string {
  const letters = uniqueToken().replace(/\d/g, (d) => 'vwxyzjkqpf'[Number(d)]);
  return `${prefix}${letters}`;
}

/** A random date of birth between 1945 and 2004. */
export function randomDateOfBirth(): string {
  const start = Date.UTC(1945, 0, 1);
  return new Date(start + Math.floor(Math.random() * 60 * 365) * 86_400_000).toISOString().slice(0, 10);
}

export function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Valid intake input (through the real schema); unique MRN and surname unless overridden. */
export function intakeInput(overrides: Partial<CandidateFormValues> = {}): CandidateInput {
  return candidateInputSchema.parse({
    firstName: 'Opal',
    lastName: uniqueSurname(),
    dateOfBirth: randomDateOfBirth(),
    sex: 'female',
    mrn: `MRN-${uniqueToken()}`,
    phone: '(212) 555-0147',
    email: 'opal@example.test',
    preferredContactMethod: 'PHONE',
    preferredLanguage: 'English',
    isVeteran: false,
    referralSource: 'PROVIDER',
    referringProvider: 'Dr. Notreal (fictional)',
    referralDate: isoDaysAgo(1),
    ...overrides,
  });
}

type TrialOptions = {
  studyType?: 'INTERVENTIONAL' | 'OBSERVATIONAL' | 'EXPANDED_ACCESS';
  allocation?: 'RANDOMIZED' | 'NON_RANDOMIZED' | 'NA';
  arms?: Array<{ label: string; allocationWeight?: number }>;
  targetEnrollment?: number;
};

/** A trial with arms, straight into the database. */
/** The label of the consent form version every makeTrial trial has. */
export const TEST_CONSENT_FORM_LABEL = 'v2.0 (fictional)';

export async function makeTrial(
  db: Db,
  {
    studyType = 'INTERVENTIONAL',
    allocation = 'NON_RANDOMIZED',
    arms = [{ label: 'Ketamine 0.5 mg/kg' }],
    targetEnrollment,
  }: TrialOptions = {},
) {
  const token = uniqueToken();
  return db.trial.create({
    data: {
      title: `Fictional ketamine study ${token}`,
      acronym: `KET-${token.slice(0, 6).toUpperCase()}`,
      studyType,
      allocation,
      targetEnrollment: targetEnrollment ?? null,
      arms: {
        create: arms.map((arm, position) => ({
          label: arm.label,
          type: 'EXPERIMENTAL',
          allocationWeight: arm.allocationWeight ?? 1,
          position,
        })),
      },
      // One approved consent form version, so consent can be recorded (lib/consent).
      consentFormVersions: { create: { label: TEST_CONSENT_FORM_LABEL, approvedOn: new Date('2026-01-15') } },
    },
    include: { arms: { orderBy: { position: 'asc' } }, consentFormVersions: true },
  });
}
