import { defineRoute } from '@/lib/auth/guard';
import { startMfaSetup } from '@/lib/auth/mfa/start-mfa-setup';

/** A new TOTP secret for the signed-in user: {secret, otpauthUrl, qrSvg}. Never stored for replay. */
export const POST = defineRoute({ permission: 'account.self', idempotency: false }, async ({ user, audit }) =>
  startMfaSetup({ userId: user.id, audit }),
);
