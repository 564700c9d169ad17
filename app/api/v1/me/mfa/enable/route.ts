import { defineRoute } from '@/lib/auth/guard';
import { enableMfa } from '@/lib/auth/mfa/enable-mfa';
import { mfaCodeSchema } from '@/lib/validations/auth';

/** Turns two-factor sign-in on with a current code: {recoveryCodes}, shown once. Never stored for replay. */
export const POST = defineRoute(
  { permission: 'account.self', body: mfaCodeSchema, idempotency: false },
  async ({ user, body, audit }) => enableMfa({ userId: user.id, code: body.code, audit }),
);
