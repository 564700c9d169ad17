import type { Tx } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { deferAuditEvents, flushAuditEvents } from './record-audit-event';

/**
 * Every interactive transaction seals its audit events into the chain as its last step
 * (lib/audit/record-audit-event.ts: the chain lock is taken last, so it cannot deadlock
 * against row locks). A callback that throws rolls back with its events unsealed.
 */
export function sealAuditEventsAtCommit(client: PrismaClient): PrismaClient {
  const transaction = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const wrapped = (arg: unknown, options?: unknown) => {
    if (typeof arg !== 'function') return transaction(arg, options);
    return transaction(async (tx: Tx) => {
      deferAuditEvents(tx);
      const result = await (arg as (tx: Tx) => Promise<unknown>)(tx);
      await flushAuditEvents(tx);
      return result;
    }, options);
  };
  Object.defineProperty(client, '$transaction', { value: wrapped, configurable: true, writable: true });
  return client;
}
