import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { poolOptions } from '@/lib/db-pool-options';
import { sealAuditEventsAtCommit } from '@/lib/audit/seal-at-commit';
import { PrismaClient } from '@/lib/generated/prisma/client';

// One client per process. In development Next reloads modules on every edit,
// so the instance is parked on globalThis to avoid leaking pools.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createPrismaClient() {
  // Timeouts: fail fast when the database is down so the API can answer 503 promptly.
  const adapter = new PrismaPg(poolOptions());
  return sealAuditEventsAtCommit(new PrismaClient({ adapter }));
}

export const prisma = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

export type Db = typeof prisma;
/** The client inside `prisma.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
