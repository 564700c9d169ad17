import 'server-only';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

export const SAME_MOMENT_MESSAGE = 'Someone booked that slot at the same moment';

type PrismaLikeError = { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };

/** PostgreSQL refused to serialize the transaction (40001), as Prisma or the pg adapter reports it. */
export function isSerializationFailure(error: unknown): boolean {
  const candidate = error as PrismaLikeError | null;
  if (!candidate || typeof candidate !== 'object') return false;
  if (candidate.code === 'P2034' || candidate.code === '40001') return true;
  const text = `${String(candidate.message ?? '')} ${JSON.stringify(candidate.meta ?? {})}`;
  if (/40001|could not serialize access|TransactionWriteConflict/i.test(text)) return true;
  return candidate.cause !== undefined && candidate.cause !== error ? isSerializationFailure(candidate.cause) : false;
}

/**
 * Runs a booking in a SERIALIZABLE transaction: two coordinators taking the last chair at
 * the same moment cannot both commit. PostgreSQL's predicate locks also abort unrelated
 * concurrent bookings now and then, so a failed attempt is run once more on a fresh
 * snapshot (where a real clash shows up as a normal conflict); if it fails again the
 * caller gets 409 "Someone booked that slot at the same moment".
 */
export async function runSerializable<T>(fn: (tx: Tx) => Promise<T>, options: { attempts?: number } = {}): Promise<T> {
  const attempts = options.attempts ?? 2;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(fn, { isolationLevel: 'Serializable', maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      if (!isSerializationFailure(error)) throw error;
      if (attempt >= attempts) throw new AppError('CONFLICT', SAME_MOMENT_MESSAGE);
    }
  }
}
