import { z } from 'zod';
import { AppError, type FieldErrors } from './app-error';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './database-unavailable';

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

type PrismaLikeError = { code?: string; meta?: Record<string, unknown>; message?: string };

// PostgreSQL gave up on one of two transactions that waited on each other: a deadlock
// (40P01) or a serialization failure (40001). Through a raw query Prisma reports it as
// P2010 with the SQLSTATE in its message ("Raw query failed. Code: `40P01`").
const RETRYABLE_SQLSTATE = /`(40P01|40001)`/;

function isConcurrentWriteConflict(error: PrismaLikeError): boolean {
  if (error.code === 'P2034' || error.code === '40001' || error.code === '40P01') return true;
  return error.code === 'P2010' && RETRYABLE_SQLSTATE.test(String(error.message ?? ''));
}

/**
 * Maps anything thrown by domain code to an AppError. Unknown errors become
 * INTERNAL with a generic message: stack traces and SQL never reach a client.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError)
    return new AppError('VALIDATION_FAILED', undefined, { fields: zodFieldErrors(error) });
  if (isDatabaseUnavailable(error)) return new AppError('SERVICE_UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
  const prismaError = error as PrismaLikeError;
  if (prismaError && isConcurrentWriteConflict(prismaError))
    return new AppError('CONFLICT', 'Someone else changed this at the same moment. Reload and try again.');
  switch (prismaError?.code) {
    case 'P2002':
      return new AppError('CONFLICT', 'A record with the same unique value already exists.');
    case 'P2003':
      return new AppError(
        'CONFLICT',
        'This record is still referenced by other records (for example an earlier protocol version), so it cannot be removed.',
      );
    case 'P2025':
      return new AppError('NOT_FOUND');
    default:
      return new AppError('INTERNAL');
  }
}
