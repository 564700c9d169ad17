import 'server-only';
import { hashPassword } from '@/lib/auth/password-hash';
import { assertPasswordPolicy } from '@/lib/auth/password-policy';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { CreateUserInput } from '@/lib/validations/auth';
import { PUBLIC_USER_SELECT, type PublicUser } from './public-user';
import { resolveAudit, type UserWriteContext } from './resolve-audit';

function duplicateEmail(): AppError {
  return new AppError('CONFLICT', 'An account with this email already exists.', {
    fields: { email: ['An account with this email already exists.'] },
  });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Creates a staff account and its `user.create` audit event in one transaction.
 * `input` must already have passed createUserSchema; the password policy's
 * word-list checks run here, on the server (400 with the message under `password`).
 */
export async function createUser({
  input,
  ...context
}: UserWriteContext & { input: CreateUserInput }): Promise<PublicUser> {
  const email = input.email.trim().toLowerCase();
  assertPasswordPolicy(input.password, { email, name: input.name });
  // Checked up front for a friendly answer before spending ~50 ms on hashing;
  // the unique index below still decides when two requests race.
  const existing = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw duplicateEmail();

  const passwordHash = await hashPassword(input.password);
  const audit = resolveAudit(context);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, name: input.name.trim(), role: input.role, passwordHash },
        select: PUBLIC_USER_SELECT,
      });
      await audit(tx, {
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        after: { id: user.id, email: user.email, name: user.name, role: user.role, isActive: user.isActive },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateEmail();
    throw error;
  }
}
