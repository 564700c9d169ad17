import 'server-only';
import { prisma } from '@/lib/db';

export type RateLimit = { limit: number; windowMs: number };
export type RateLimitResult = { isLimited: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in a fixed window, in PostgreSQL so every app instance
 * shares the count. One atomic upsert: a new window starts when the old one has passed.
 */
export async function hitRateLimit(key: string, rule: RateLimit, now: Date = new Date()): Promise<RateLimitResult> {
  const windowStartFloor = new Date(now.getTime() - rule.windowMs);
  const rows = await prisma.$queryRaw<Array<{ count: number; windowStart: Date }>>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "updatedAt")
    VALUES (${key}, ${now}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartFloor} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartFloor} THEN ${now} ELSE "RateLimitBucket"."windowStart" END,
      "updatedAt" = ${now}
    RETURNING "count", "windowStart"`;
  const { count, windowStart } = rows[0];
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + rule.windowMs - now.getTime()) / 1000));
  return { isLimited: count > rule.limit, count, retryAfterSeconds };
}

/** Reads the current count without adding a hit. */
export async function peekRateLimit(key: string, rule: RateLimit, now: Date = new Date()): Promise<RateLimitResult> {
  const row = await prisma.rateLimitBucket.findUnique({ where: { key } });
  if (!row || row.windowStart.getTime() <= now.getTime() - rule.windowMs)
    return { isLimited: false, count: 0, retryAfterSeconds: 0 };
  const retryAfterSeconds = Math.max(1, Math.ceil((row.windowStart.getTime() + rule.windowMs - now.getTime()) / 1000));
  return { isLimited: row.count >= rule.limit, count: row.count, retryAfterSeconds };
}
