import 'server-only';
import { createHash } from 'node:crypto';
import { prisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors/app-error';

// Idempotency-Key for creating requests (docs/decisions/0034-idempotency-keys.md).
// The first request with a key claims a row in PostgreSQL (so every replica sees
// it); a repeat with the same key and the same request waits for the first to
// finish and gets its answer, never a second record. Keys are scoped to the user.

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
/** How long a finished answer is replayed. */
const IDEMPOTENCY_RETAIN_MS = 24 * 60 * 60 * 1000;
/** A claim older than this without an answer belongs to a request that died; it may be taken over. */
const ABANDONED_MS = 60 * 1000;
const WAIT_MS = 15 * 1000;
const POLL_MS = 50;

export type IdempotentResult = { status: number; body: unknown };

function assertIdempotencyKey(key: string): void {
  if (!KEY_PATTERN.test(key))
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: { 'Idempotency-Key': ['Use 8 to 128 letters, digits or - _ . : (a UUID is ideal).'] },
    });
}

/** JSON with sorted object keys, so the same body always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestFingerprint(target: string, body: unknown): string {
  return createHash('sha256')
    .update(`${target}\n${stableJson(body)}`)
    .digest('hex');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `run` at most once per (user, key). Only 2xx answers are kept: after an
 * error the claim is released, so the same submission can be retried.
 */
export async function withIdempotency(
  { userId, key, fingerprint }: { userId: string; key: string; fingerprint: string },
  run: () => Promise<IdempotentResult>,
): Promise<IdempotentResult & { isReplay: boolean }> {
  assertIdempotencyKey(key);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const now = new Date();
    await prisma.idempotencyRecord.deleteMany({
      where: { userId, createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_RETAIN_MS) } },
    });
    const claimed = await prisma.$queryRaw<Array<{ key: string }>>(Prisma.sql`
      INSERT INTO "IdempotencyRecord" ("userId", "key", "requestHash", "createdAt")
      VALUES (${userId}, ${key}, ${fingerprint}, ${now})
      ON CONFLICT ("userId", "key") DO NOTHING
      RETURNING "key"`);
    if (claimed.length === 1) return { ...(await runClaimed(userId, key, run)), isReplay: false };

    const row = await prisma.idempotencyRecord.findUnique({ where: { userId_key: { userId, key } } });
    if (!row) continue;
    if (row.requestHash !== fingerprint)
      throw new AppError(
        'CONFLICT',
        'This Idempotency-Key was already used for a different request. Send a new key for a new request.',
        { details: { reason: 'IDEMPOTENCY_KEY_REUSED' } },
      );
    if (row.completedAt && row.status !== null) return { status: row.status, body: row.responseBody, isReplay: true };
    if (row.createdAt.getTime() < Date.now() - ABANDONED_MS) {
      await prisma.idempotencyRecord.deleteMany({
        where: { userId, key, completedAt: null, createdAt: row.createdAt },
      });
      continue;
    }
    if (Date.now() > deadline)
      throw new AppError('CONFLICT', 'A request with this Idempotency-Key is still being processed. Retry shortly.', {
        details: { reason: 'IDEMPOTENCY_KEY_IN_PROGRESS', retryAfterSeconds: 2 },
      });
    await sleep(POLL_MS);
  }
}

async function runClaimed(userId: string, key: string, run: () => Promise<IdempotentResult>) {
  let result: IdempotentResult;
  try {
    result = await run();
  } catch (error) {
    await prisma.idempotencyRecord.deleteMany({ where: { userId, key, completedAt: null } });
    throw error;
  }
  if (result.status >= 200 && result.status < 300) {
    await prisma.idempotencyRecord.update({
      where: { userId_key: { userId, key } },
      data: {
        status: result.status,
        responseBody: result.body == null ? Prisma.JsonNull : (result.body as Prisma.InputJsonValue),
        completedAt: new Date(),
      },
    });
  } else {
    await prisma.idempotencyRecord.deleteMany({ where: { userId, key, completedAt: null } });
  }
  return result;
}
