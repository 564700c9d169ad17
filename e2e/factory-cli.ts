// Runs the seed factories (prisma/seed/*.ts) against the e2e database for e2e/fixtures.ts. The
// Playwright process cannot load the app's server modules (they are `server-only`, behind the `@/`
// alias), so the fixtures start this file once with tsx under the react-server condition and send
// it one JSON request per line on stdin ({ id, name, args }); it answers one JSON line per request
// on stdout ({ id, result } or { id, error }).
import { createInterface } from 'node:readline';
import { enrollParticipant } from '@/lib/assessments/test-support';
import { prisma as db } from '@/lib/db';
import { makeEnrollment } from '@/lib/infusions/test-support';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';
import { addToPipeline, createCandidate } from '@/prisma/seed/candidates';
import { createConsentFormVersion } from '@/prisma/seed/consent';
import { amendProtocol, createTrial } from '@/prisma/seed/trials';
import { createUser } from '@/prisma/seed/users';

type Factories = Record<string, (args: Record<string, unknown>) => Promise<unknown>>;

const factories: Factories = {
  /** A demo or test account by email: what a session cookie names (id and session version). */
  async account({ email }) {
    return db.user.findUniqueOrThrow({
      where: { email: String(email).toLowerCase() },
      select: { id: true, email: true, name: true, role: true, sessionVersion: true },
    });
  },
  /** A server-side session row, as a sign-in opens one (lib/auth/start-session.ts): its id goes in the cookie. */
  async session({ userId }) {
    return db.session.create({ data: { userId: String(userId) }, select: { id: true } });
  },
  /** A fresh active account of a role (prisma/seed/users.ts createUser). */
  async user(overrides) {
    const user = await createUser(db, overrides);
    return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  },
  /** A trial by its NCT id (seeded from the registry records in prisma/seed/data). */
  async trial({ nctId }) {
    return db.trial.findUniqueOrThrow({ where: { nctId: String(nctId) }, select: { id: true, nctId: true } });
  },
  /** A fresh, active participant of a seeded trial's arm, by protocol number and arm label, with no visits. */
  async enrollment({ protocolNumber, armLabel }) {
    const trial = await db.trial.findFirstOrThrow({
      where: { protocolNumber: String(protocolNumber) },
      select: { id: true, arms: { where: { label: String(armLabel) }, select: { id: true } } },
    });
    const arm = trial.arms[0];
    if (!arm) throw new Error(`no arm "${String(armLabel)}" in ${String(protocolNumber)}`);
    const { candidate, enrollment } = await makeEnrollment(db, { trialId: trial.id, armId: arm.id });
    return { id: enrollment.id, firstName: candidate.firstName, lastName: candidate.lastName };
  },
  /** A fresh candidate (prisma/seed/candidates.ts createCandidate), audited as the seed. */
  async candidate(overrides) {
    const candidate = await createCandidate(db, overrides);
    return { id: candidate.id, firstName: candidate.firstName, lastName: candidate.lastName, mrn: candidate.mrn };
  },
  /** A fresh candidate whose pipeline in the trial reached ELIGIBLE, as a clinician's signed decision leaves it. */
  async eligibleCandidate({ trialId, clinicianId, ...overrides }) {
    const candidate = await createCandidate(db, overrides);
    await addToPipeline(db, {
      candidateId: candidate.id,
      trialId: String(trialId),
      path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW', 'ELIGIBLE'],
      actorId: String(clinicianId),
    });
    return { id: candidate.id, firstName: candidate.firstName, lastName: candidate.lastName, mrn: candidate.mrn };
  },
  /** An approved consent form version of a trial (prisma/seed/consent.ts). */
  async consentFormVersion({ trialId, label, approvedOn }) {
    const version = await createConsentFormVersion(db, {
      trialId: String(trialId),
      label: String(label),
      approvedOn: String(approvedOn),
    });
    return { id: version.id, label: version.label };
  },
  /**
   * A fictional open-label trial with one amendment by `actorId` (prisma/seed/trials.ts
   * amendProtocol): an age limit widened, an exclusion added, the infusion lengthened.
   */
  async amendedTrial({ shortTitle, actorId }) {
    const { trial } = await createTrial(db, {
      title: `Fictional amendment study ${String(shortTitle)}`,
      shortTitle: String(shortTitle),
      arms: [{ label: 'Open-label infusion', type: 'EXPERIMENTAL', dosing: defaultDosingProtocol() }],
      criteria: [{ kind: 'INCLUSION', text: 'Adults 18 to 65 years' }],
      assessmentPlan: [
        { instrument: 'PHQ9', timepoint: { kind: 'BASELINE' }, windowBeforeDays: 30, windowAfterDays: 0 },
      ],
    });
    await amendProtocol(db, {
      trialId: trial.id,
      reason: 'Amendment 1: upper age limit raised to 70',
      actorId: String(actorId),
      criteria: [
        { kind: 'INCLUSION', text: 'Adults 18 to 70 years' },
        { kind: 'EXCLUSION', text: 'Pregnancy or breastfeeding' },
      ],
      dosing: (_armLabel, protocol) => ({ ...protocol, infusionMinutes: 60 }),
    });
    return { id: trial.id };
  },
  /** A fictional participant enrolled in a trial `enrolledDaysAgo` days ago (lib/assessments/test-support.ts). */
  async enrolledParticipant({ trialId, enrolledDaysAgo }) {
    const trial = await db.trial.findUniqueOrThrow({
      where: { id: String(trialId) },
      select: { arms: { orderBy: { position: 'asc' }, take: 1, select: { id: true } } },
    });
    const { candidate, enrollment } = await enrollParticipant(db, {
      trialId: String(trialId),
      armId: trial.arms[0].id,
      enrolledDaysAgo: Number(enrolledDaysAgo),
    });
    return {
      candidateId: candidate.id,
      enrollmentId: enrollment.id,
      enrolledOn: enrollment.enrolledAt.toISOString().slice(0, 10),
    };
  },
};

const lines = createInterface({ input: process.stdin });
lines.on('line', async (line) => {
  const { id, name, args } = JSON.parse(line) as { id: number; name: string; args: Record<string, unknown> };
  try {
    const factory = factories[name];
    if (!factory) throw new Error(`unknown factory "${name}" (known: ${Object.keys(factories).join(', ')})`);
    process.stdout.write(`${JSON.stringify({ id, result: await factory(args ?? {}) })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id, error: error instanceof Error ? error.message : String(error) })}\n`);
  }
});
lines.on('close', () => {
  void db.$disconnect();
});
