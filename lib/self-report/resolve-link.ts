import 'server-only';
import type { Db, Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { recordGuess } from './guess-throttle';
import { hashToken, isWellFormedToken } from './token';

export type ResolvedLink = {
  id: string;
  enrollmentId: string;
  instrument: string;
  timepoint: string;
  expiresAt: Date;
  firstName: string;
};

/**
 * The link behind a token, or 404 (unknown; counted toward the address's guessing limit)
 * or 410 (answered, withdrawn or expired: a real link that no longer works). Pass `lock`
 * inside a transaction to hold the link's row until it commits.
 */
export async function resolveLink(options: {
  db: Db | Tx;
  token: string;
  ip: string | null;
  now?: Date;
  lock?: boolean;
}): Promise<ResolvedLink> {
  const { db } = options;
  const { token, ip, now = new Date() } = options;
  if (!isWellFormedToken(token)) {
    await recordGuess(ip);
    throw new AppError('NOT_FOUND', 'This link is not valid. Check that it was copied completely.');
  }
  const tokenHash = hashToken(token);
  if (options.lock)
    await (db as Tx).$queryRaw`SELECT "id" FROM "SelfReportLink" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`;
  const link = await db.selfReportLink.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      enrollmentId: true,
      instrument: true,
      timepoint: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      enrollment: { select: { status: true, candidate: { select: { firstName: true } } } },
    },
  });
  if (!link) {
    await recordGuess(ip);
    throw new AppError('NOT_FOUND', 'This link is not valid. Check that it was copied completely.');
  }
  if (link.usedAt)
    throw new AppError('GONE', 'These answers have already been sent. Thank you — there is nothing more to do.');
  if (link.revokedAt)
    throw new AppError(
      'GONE',
      'This link has been replaced by a newer one. Please use the latest message from your study team.',
    );
  if (link.expiresAt.getTime() <= now.getTime())
    throw new AppError('GONE', 'This link has expired. Please contact your study team for a new one.');
  if (link.enrollment.status !== 'ACTIVE')
    throw new AppError('GONE', 'This link is no longer needed. Please contact your study team if you have questions.');
  return {
    id: link.id,
    enrollmentId: link.enrollmentId,
    instrument: link.instrument,
    timepoint: link.timepoint,
    expiresAt: link.expiresAt,
    firstName: link.enrollment.candidate.firstName,
  };
}
