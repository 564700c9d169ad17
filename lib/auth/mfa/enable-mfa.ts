import 'server-only';
import type { AuditFn } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { generateRecoveryCodes } from './recovery-codes';
import { hashRecoveryCode, openSecret } from './secret-box';
import { matchTotpStep } from './totp';

/**
 * Turns two-factor sign-in on once a code from the pending secret checks out,
 * and hands back the recovery codes: shown this once, stored only as hashes.
 */
export async function enableMfa({
  userId,
  code,
  audit,
  now = new Date(),
}: {
  userId: string;
  code: string;
  audit: AuditFn;
  now?: Date;
}): Promise<{ recoveryCodes: string[] }> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { mfaEnabledAt: true, mfaPendingSecretEnc: true },
  });
  if (!user) throw new AppError('NOT_FOUND', 'This account does not exist.');
  if (user.mfaEnabledAt) throw new AppError('CONFLICT', 'Two-factor sign-in is already on.');
  if (!user.mfaPendingSecretEnc) throw new AppError('CONFLICT', 'Start the setup first: no secret has been offered.');
  const secret = openSecret(user.mfaPendingSecretEnc, userId);
  const step = matchTotpStep(secret, code, now.getTime());
  if (step === null)
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: { code: ['This code does not match. Check the time on your phone and enter the current code.'] },
    });

  const recoveryCodes = generateRecoveryCodes();
  await prisma.$transaction(async (tx) => {
    // The pending secret in the condition: two tabs enabling at once cannot both win.
    const updated = await tx.user.updateMany({
      where: { id: userId, mfaEnabledAt: null, mfaPendingSecretEnc: user.mfaPendingSecretEnc },
      data: {
        mfaSecretEnc: user.mfaPendingSecretEnc,
        mfaPendingSecretEnc: null,
        mfaEnabledAt: now,
        mfaLastUsedStep: step,
      },
    });
    if (updated.count !== 1) throw new AppError('CONFLICT', 'Two-factor sign-in was changed meanwhile. Start again.');
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
    await tx.mfaRecoveryCode.createMany({
      data: recoveryCodes.map((recoveryCode) => ({ userId, codeHash: hashRecoveryCode(recoveryCode, userId) })),
    });
    await audit(tx, {
      action: 'auth.mfa_enabled',
      entityType: 'User',
      entityId: userId,
      after: { recoveryCodeCount: recoveryCodes.length },
    });
  });
  return { recoveryCodes };
}
