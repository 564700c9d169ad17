import 'server-only';
import QRCode from 'qrcode';
import type { AuditFn } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { sealSecret } from './secret-box';
import { generateTotpSecret, totpUri } from './totp';

export type MfaSetup = { secret: string; otpauthUrl: string; qrSvg: string };

/**
 * Offers a new TOTP secret. It is kept (encrypted) as pending until a code
 * proves the authenticator app has it; a second setup replaces the offer.
 * Once two-factor sign-in is on, only an administrator's reset starts over,
 * so a stolen session cannot swap the second factor.
 */
export async function startMfaSetup({ userId, audit }: { userId: string; audit: AuditFn }): Promise<MfaSetup> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, mfaEnabledAt: true } });
  if (!user) throw new AppError('NOT_FOUND', 'This account does not exist.');
  if (user.mfaEnabledAt)
    throw new AppError('CONFLICT', 'Two-factor sign-in is already on. An administrator can reset it.');
  const secret = generateTotpSecret();
  const otpauthUrl = totpUri(secret, user.email);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { mfaPendingSecretEnc: sealSecret(secret, userId) } });
    await audit(tx, { action: 'auth.mfa_setup_started', entityType: 'User', entityId: userId });
  });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { secret, otpauthUrl, qrSvg };
}
