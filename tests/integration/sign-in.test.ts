import { describe, expect, it } from 'vitest';
import { attemptSignIn } from '@/lib/auth/attempt-sign-in';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '../helpers/test-db';

const prisma = getTestPrisma();
const PASSWORD = 'Granite-Willow-Drum-8';

async function auditActions(userId: string) {
  const events = await prisma.auditEvent.findMany({ where: { entityId: userId }, orderBy: { createdAt: 'asc' } });
  return events.map((e) => e.action);
}

describe('attemptSignIn', () => {
  it('signs in with the right password, case-insensitively on the email, and audits it', async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    const result = await attemptSignIn({ email: user.email.toUpperCase(), password: PASSWORD });
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await auditActions(user.id)).toContain('auth.sign_in');
  });

  it('locks the account after 5 consecutive failures, even for the right password', async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    for (let i = 0; i < 4; i += 1)
      expect((await attemptSignIn({ email: user.email, password: 'wrong-password-xx' })).ok).toBe(false);
    let row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedSignInCount).toBe(4);
    expect(row.lockedUntil).toBeNull();

    expect((await attemptSignIn({ email: user.email, password: 'wrong-password-xx' })).ok).toBe(false);
    row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(row.lockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000);

    expect((await attemptSignIn({ email: user.email, password: PASSWORD })).ok).toBe(false);
    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a === 'auth.sign_in_failed')).toHaveLength(6);
    expect(actions).toContain('auth.locked_out');
  });

  it('lets the user in again once the lock has expired, and resets the count', async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    await prisma.user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() - 1000), failedSignInCount: 0 },
    });
    expect((await attemptSignIn({ email: user.email, password: PASSWORD })).ok).toBe(true);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil).toBeNull();
  });

  it('a success resets the failure count, so failures must be consecutive', async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    for (let i = 0; i < 4; i += 1) await attemptSignIn({ email: user.email, password: 'nope-nope-nope' });
    await attemptSignIn({ email: user.email, password: PASSWORD });
    await attemptSignIn({ email: user.email, password: 'nope-nope-nope' });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedSignInCount).toBe(1);
    expect(row.lockedUntil).toBeNull();
  });

  it('refuses a deactivated account with the same answer as a wrong password', async () => {
    const user = await createUser(prisma, { password: PASSWORD, isActive: false });
    expect(await attemptSignIn({ email: user.email, password: PASSWORD })).toEqual({ ok: false });
    expect(await attemptSignIn({ email: user.email, password: 'wrong-password-xx' })).toEqual({ ok: false });
  });

  it('refuses an unknown email with the same answer and audits the attempt', async () => {
    const email = `ghost-${Date.now()}@trialdesk.test`;
    expect(await attemptSignIn({ email, password: PASSWORD })).toEqual({ ok: false });
    const event = await prisma.auditEvent.findFirst({ where: { actorLabel: email, action: 'auth.sign_in_failed' } });
    expect(event?.actorId).toBeNull();
  });
});
