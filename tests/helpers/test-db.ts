import { prisma } from '@/lib/db';

/**
 * The app's own Prisma client, pointed by tests/global-setup.ts at this run's
 * fresh database. Tests never truncate (the audit trail refuses it): they make
 * their own rows with unique values through the seed factories.
 */
export function getTestPrisma() {
  return prisma;
}
