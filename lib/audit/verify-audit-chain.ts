import 'server-only';
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '@/lib/auth/content-hash';
import type { Db } from '@/lib/db';
import type { AuditCheckKind } from '@/lib/generated/prisma/client';
import { keyedHmac } from './audit-key';
import { type ChainProblem, START_OF_CHAIN, type StoredEvent, type WalkState, walkChain } from './chain-walk';

// Verifies the audit chain from the database. A FULL check walks every event from the
// first; an INCREMENTAL check starts from the furthest checkpoint a previous check left
// (its seal proves TrialDesk wrote it) and walks only the events since, so the admin
// dashboard can afford one on every load. Each check is recorded (AuditChainCheck), and
// a failure stays recorded: the dashboard keeps showing it.

const BATCH = 2_000;

export type ChainCheckResult = {
  kind: AuditCheckKind;
  isValid: boolean;
  problem: ChainProblem | null;
  /** The last event verified in order. */
  verifiedThrough: number;
  eventCount: number;
  /** An incremental check stopped at its limit with events still to verify. */
  isPartial: boolean;
};

type CheckSeal = {
  id: string;
  kind: AuditCheckKind;
  lastSeq: number;
  lastHmac: string | null;
  eventCount: number;
  isValid: boolean;
  failureSeq: number | null;
  failure: string | null;
};

function checkHmac(check: CheckSeal): string {
  return keyedHmac(
    'audit-check',
    canonicalJson({
      id: check.id,
      kind: check.kind,
      lastSeq: check.lastSeq,
      lastHmac: check.lastHmac,
      eventCount: check.eventCount,
      isValid: check.isValid,
      failureSeq: check.failureSeq,
      failure: check.failure,
    }),
  );
}

const eventSelect = {
  id: true,
  seq: true,
  prevHmac: true,
  hmac: true,
  createdAt: true,
  actorId: true,
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  reason: true,
  requestId: true,
  ipAddress: true,
} as const;

function loadEvents(db: Db, afterSeq: number, take: number): Promise<StoredEvent[]> {
  return db.auditEvent.findMany({
    where: { seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take,
    select: eventSelect,
  });
}

/** Walks events after `state` in batches, up to `limit` of them. */
async function walkFrom(db: Db, state: WalkState, limit: number) {
  let current = state;
  let remaining = limit;
  while (remaining > 0) {
    // One extra row: the successor of the batch's last event, for telling inserted from changed.
    const rows = await loadEvents(db, current.lastSeq, Math.min(BATCH, remaining) + 1);
    const batch = rows.slice(0, Math.min(BATCH, remaining));
    if (batch.length === 0) return { state: current, problem: null, hasMore: false };
    const walked = walkChain(batch, current, rows[batch.length]);
    if (walked.problem) return { state: walked.state, problem: walked.problem, hasMore: false };
    current = walked.state;
    remaining -= batch.length;
    if (rows.length <= batch.length) return { state: current, problem: null, hasMore: false };
  }
  return { state: current, problem: null, hasMore: true };
}

type Checkpoint = { lastSeq: number; lastHmac: string | null; checkedAt: Date };

/** The furthest sealed, valid checkpoint; a problem when a check record was forged. */
async function latestCheckpoint(db: Db): Promise<{ checkpoint: Checkpoint | null; problem: ChainProblem | null }> {
  const rows = await db.auditChainCheck.findMany({
    where: { isValid: true },
    orderBy: [{ lastSeq: 'desc' }, { checkedAt: 'desc' }],
    take: 1,
  });
  const row = rows[0];
  if (!row) return { checkpoint: null, problem: null };
  if (checkHmac(row) !== row.hmac)
    return {
      checkpoint: null,
      problem: {
        kind: 'inserted',
        seq: row.lastSeq,
        eventId: null,
        message: `A chain check record (${row.id}) was forged: its seal is invalid.`,
      },
    };
  return { checkpoint: row, problem: null };
}

/** The checkpoint's event must still be the one that check saw (else the tail was cut or rewritten). */
async function confirmCheckpoint(db: Db, checkpoint: Checkpoint): Promise<ChainProblem | null> {
  if (checkpoint.lastSeq === 0) return null;
  const event = await db.auditEvent.findUnique({
    where: { seq: checkpoint.lastSeq },
    select: { id: true, hmac: true },
  });
  const last = await db.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
  const seen = `a check on ${checkpoint.checkedAt.toISOString()} had verified events up to #${checkpoint.lastSeq}`;
  if (!event) {
    const from = (last?.seq ?? 0) + 1;
    return {
      kind: 'removed',
      seq: from,
      eventId: null,
      message: `Events #${from} to #${checkpoint.lastSeq} were removed (${seen}).`,
    };
  }
  if (event.hmac !== checkpoint.lastHmac)
    return {
      kind: 'changed',
      seq: checkpoint.lastSeq,
      eventId: event.id,
      message: `Event #${checkpoint.lastSeq} (${event.id}) was replaced (${seen}).`,
    };
  return null;
}

async function record(db: Db, kind: AuditCheckKind, state: WalkState, problem: ChainProblem | null) {
  const seal: CheckSeal = {
    id: randomUUID(),
    kind,
    lastSeq: state.lastSeq,
    lastHmac: state.lastHmac,
    eventCount: state.count,
    isValid: problem === null,
    failureSeq: problem?.seq ?? null,
    failure: problem?.message ?? null,
  };
  await db.auditChainCheck.create({ data: { ...seal, hmac: checkHmac(seal) } });
}

/** Walks the whole chain from its first event and records the result. */
export async function verifyAuditChainFull(db: Db): Promise<ChainCheckResult> {
  const walked = await walkFrom(db, START_OF_CHAIN, Number.POSITIVE_INFINITY);
  let problem = walked.problem;
  if (!problem) {
    const { checkpoint, problem: forged } = await latestCheckpoint(db);
    problem = forged ?? (checkpoint ? await confirmCheckpoint(db, checkpoint) : null);
  }
  await record(db, 'FULL', walked.state, problem);
  return {
    kind: 'FULL',
    isValid: !problem,
    problem,
    verifiedThrough: walked.state.lastSeq,
    eventCount: walked.state.count,
    isPartial: false,
  };
}

/**
 * Verifies the events written since the furthest checkpoint (at most `limit` of them) and
 * records the result when there was anything new. Cheap enough for a page load.
 */
export async function verifyAuditChainIncremental(db: Db, limit = 5_000): Promise<ChainCheckResult> {
  const { checkpoint, problem: forged } = await latestCheckpoint(db);
  const start: WalkState = checkpoint
    ? { lastSeq: checkpoint.lastSeq, lastHmac: checkpoint.lastHmac, count: 0 }
    : START_OF_CHAIN;
  const confirmed = forged ?? (checkpoint ? await confirmCheckpoint(db, checkpoint) : null);
  const walked = confirmed ? { state: start, problem: confirmed, hasMore: false } : await walkFrom(db, start, limit);
  if (walked.problem || walked.state.count > 0) await record(db, 'INCREMENTAL', walked.state, walked.problem);
  return {
    kind: 'INCREMENTAL',
    isValid: !walked.problem,
    problem: walked.problem,
    verifiedThrough: walked.state.lastSeq,
    eventCount: walked.state.count,
    isPartial: walked.hasMore,
  };
}
