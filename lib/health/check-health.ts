import 'server-only';
import { prisma, type Db } from '@/lib/db';

export type Health = { status: 'ok'; db: 'ok' } | { status: 'error'; db: 'down' };

/** Pings the database with a short deadline; the pool reconnects by itself once it is back. */
export async function checkHealth({
  db = prisma,
  timeoutMs = 2_000,
}: {
  db?: Pick<Db, '$queryRaw'>;
  timeoutMs?: number;
} = {}): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs);
      }),
    ]);
    return { status: 'ok', db: 'ok' };
  } catch {
    return { status: 'error', db: 'down' };
  } finally {
    clearTimeout(timer);
  }
}
