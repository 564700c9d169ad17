import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Db } from '@/lib/db';
import type { PipelineStage, Prisma, ReferralSource, Sex } from '@/lib/generated/prisma/client';

// Obviously fictional people: no demo or test record may resemble a real patient.
const FIRST_NAMES = [
  'Ada',
  'Bram',
  'Cora',
  'Dex',
  'Elna',
  'Fitz',
  'Gwen',
  'Hollis',
  'Iris',
  'Jory',
  'Kit',
  'Lark',
  'Mabel',
  'Nico',
  'Opal',
  'Pip',
  'Quill',
  'Rue',
  'Sable',
  'Tobin',
];
const LAST_NAMES = [
  'Testwell',
  'Imaginova',
  'Mockford',
  'Sampleton',
  'Fakenham',
  'Dummyworth',
  'Exampleton',
  'Fictive',
  'Pretendly',
  'Synthetica',
  'Notreal',
  'Madeupson',
];
const SOURCES: ReferralSource[] = ['PROVIDER', 'SELF', 'ADVERTISEMENT', 'REGISTRY', 'OTHER'];
const SEXES: Sex[] = ['FEMALE', 'MALE', 'FEMALE', 'MALE', 'OTHER'];

export type CandidateOverrides = Partial<Prisma.CandidateUncheckedCreateInput>;

function dateOnly(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function daysAgo(days: number, from = new Date()): Date {
  return dateOnly(new Date(from.getTime() - days * 86_400_000));
}

/** Deterministic candidate fields for index `i` (stable across seed runs). */
export function buildCandidate(i: number, today = new Date()): Prisma.CandidateUncheckedCreateInput {
  const first = FIRST_NAMES[i % FIRST_NAMES.length];
  const last = LAST_NAMES[(i * 7) % LAST_NAMES.length];
  const age = 22 + ((i * 13) % 44);
  return {
    firstName: first,
    lastName: last,
    dateOfBirth: daysAgo(age * 365 + ((i * 37) % 300), today),
    sex: SEXES[i % SEXES.length],
    mrn: `DEMO-${String(100000 + i)}`,
    phone: `555-01${String(i % 100).padStart(2, '0')}`,
    email: `${first}.${last}.${i}@example.test`.toLowerCase(),
    preferredContactMethod: i % 3 === 0 ? 'EMAIL' : 'PHONE',
    preferredLanguage: i % 9 === 0 ? 'Spanish' : 'English',
    isVeteran: i % 2 === 0,
    referralSource: SOURCES[i % SOURCES.length],
    referringProvider: i % 5 === 0 ? null : `Dr. ${LAST_NAMES[(i + 3) % LAST_NAMES.length]} (fictional)`,
    referralDate: daysAgo((i * 3) % 60, today),
    notes: null,
  };
}

let counter = 0;

/** Factory: one candidate, unique MRN unless given, with its audit event. */
export async function createCandidate(db: Db, overrides: CandidateOverrides = {}, actorId: string | null = null) {
  counter += 1;
  const base = buildCandidate(counter);
  const data = {
    ...base,
    mrn: `T-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`,
    ...overrides,
  };
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.create({ data });
    await recordAuditEvent(tx, {
      actorId,
      actorLabel: actorId ? null : 'seed',
      action: 'candidate.create',
      entityType: 'Candidate',
      entityId: candidate.id,
      after: { mrn: candidate.mrn, referralSource: candidate.referralSource },
    });
    return candidate;
  });
}

/** Puts a candidate on a trial's pipeline and walks it along `path`, leaving the stage history. */
export async function addToPipeline(
  db: Db,
  options: {
    candidateId: string;
    trialId: string;
    path: PipelineStage[];
    actorId: string | null;
    reason?: string;
    startedAt?: Date;
  },
) {
  const { candidateId, trialId, path, actorId } = options;
  const startedAt = options.startedAt ?? new Date();
  // Steps two days apart, squeezed so the last one is never in the future.
  const elapsed = Math.max(0, Date.now() - startedAt.getTime());
  const stepMs = path.length > 1 ? Math.min(2 * 86_400_000, elapsed / path.length) : 0;
  return db.$transaction(async (tx) => {
    const entry = await tx.pipelineEntry.create({
      data: { candidateId, trialId, stage: path[0] ?? 'REFERRED', stageChangedAt: startedAt },
    });
    let from: PipelineStage | null = null;
    for (const [step, to] of path.entries()) {
      const at = new Date(startedAt.getTime() + step * stepMs);
      const isExit = to === 'WITHDRAWN' || to === 'SCREEN_FAILED' || to === 'LOST_TO_FOLLOW_UP';
      await tx.pipelineEvent.create({
        data: {
          pipelineEntryId: entry.id,
          fromStage: from,
          toStage: to,
          actorId,
          reason: isExit ? (options.reason ?? 'Recorded in demo data') : null,
          createdAt: at,
        },
      });
      from = to;
    }
    const stage = path.at(-1) ?? 'REFERRED';
    const updated = await tx.pipelineEntry.update({
      where: { id: entry.id },
      data: { stage, stageChangedAt: new Date(startedAt.getTime() + (path.length - 1) * stepMs) },
    });
    await recordAuditEvent(tx, {
      actorId,
      actorLabel: actorId ? null : 'seed',
      action: 'pipeline.create',
      entityType: 'PipelineEntry',
      entityId: entry.id,
      after: { candidateId, trialId, stage },
    });
    return updated;
  });
}
