import 'server-only';
import { prisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { hashRecoveryCode, normalizeRecoveryCode, openSecret } from './secret-box';
import { isTotpShaped, matchTotpStep } from './totp';

export type SecondFactor = 'totp' | 'recovery_code';

/**
 * Checks the code a user with two-factor sign-in gives: a TOTP code from a step
 * after the last one used (so a code seen over a shoulder cannot be replayed in
 * its 90-second window), or an unused recovery code, which is spent.
 * Both are single conditional updates: two parallel sign-ins with the same
 * code cannot both pass.
 */
export async function verifySecondFactor(
  user: { id: string; mfaSecretEnc: string | null },
  code: string,
  now: Date = new Date(),
): Promise<SecondFactor | null> {
  if (!user.mfaSecretEnc) return null;
  if (isTotpShaped(code)) {
    const secret = readSecret(user.mfaSecretEnc, user.id);
    if (!secret) return null;
    const step = matchTotpStep(secret, code, now.getTime());
    if (step === null) return null;
    const accepted = await prisma.$executeRaw(Prisma.sql`
      UPDATE "User" SET "mfaLastUsedStep" = ${step}
      WHERE id = ${user.id} AND ("mfaLastUsedStep" IS NULL OR "mfaLastUsedStep" < ${step})`);
    return accepted === 1 ? 'totp' : null;
  }
  if (normalizeRecoveryCode(code).length !== 12) return null;
  const spent = await prisma.mfaRecoveryCode.updateMany({
    where: { userId: user.id, codeHash: hashRecoveryCode(code, user.id), usedAt: null },
    data: { usedAt: now },
  });
  return spent.count === 1 ? 'recovery_code' : null;
}

/** An unreadable secret (NEXTAUTH_SECRET rotated, row tampered with) fails the code; an admin reset fixes it. */
function readSecret(sealed: string, userId: string): string | null {
  try {
    return openSecret(sealed, userId);
  } catch (error) {
    console.error(`[two-factor] the TOTP secret of user ${userId} cannot be decrypted`, error);
    return null;
  }
}
