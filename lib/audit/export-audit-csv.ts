import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { toCsv, type CsvCell } from '@/lib/csv/to-csv';
import type { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db';
import { utcToZoned } from '@/lib/scheduling/zoned-time';
import type { AuditFilter } from '@/lib/validations/audit';
import { AUDIT_EVENT_SELECT, type AuditEventRow, loadAuditRedaction, toAuditRows, whereOf } from './list-audit-events';

/** Rows read (and labelled) per database round trip while the file streams. */
export const AUDIT_EXPORT_BATCH = 500;

/** Labels for people, codes beside them for machines. */
const HEADER = [
  'Time (clinic)',
  'Time (UTC)',
  'Actor',
  'Actor email',
  'Actor role',
  'Actor role code',
  'Action',
  'Action code',
  'Record type',
  'Record type code',
  'Record',
  'Record id',
  'Reason',
  'Before',
  'After',
  'Request id',
  'IP address',
];

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function toCells(row: AuditEventRow, timeZone: string): CsvCell[] {
  return [
    formatClinicZoned(row.createdAt, timeZone, 'precise'),
    row.createdAt.toISOString(),
    row.actor?.name ?? row.actorLabel ?? 'System',
    row.actor?.email ?? null,
    row.actor?.roleLabel ?? null,
    row.actor?.role ?? null,
    row.actionLabel,
    row.action,
    row.entityTypeLabel,
    row.entityType,
    row.entityLabel,
    row.entityId,
    row.reason,
    json(row.before),
    json(row.after),
    row.requestId,
    row.ipAddress,
  ];
}

export type AuditCsvExport = { filename: string; rowCount: number; body: ReadableStream<Uint8Array> };

/**
 * The filtered trail (every page, newest first) as CSV, streamed in batches of 500 read by
 * keyset on the chain position (`seq`, the order events were written; the page orders by the
 * database time, which differs only between overlapping transactions), so memory stays flat
 * however long the trail. The rows are those up to the newest event at the moment of the
 * request; the export itself is logged first (`audit.export`, with the filters and the row
 * count), since the file names people and records. What would unblind a masked trial is
 * withheld as on the page.
 */
export async function exportAuditCsv(options: {
  filter: AuditFilter;
  /** The clinic settings' zone: the filter's days and the "Time (clinic)" column. */
  timeZone: string;
  ctx: ActorContext;
}): Promise<AuditCsvExport> {
  const { filter, timeZone, ctx } = options;
  const { page: _page, ...filters } = filter;
  const newest = await prisma.auditEvent.aggregate({ _max: { seq: true } });
  const base: Prisma.AuditEventWhereInput = {
    AND: [whereOf(filter, timeZone), { seq: { lte: newest._max.seq ?? 0 } }],
  };
  const rowCount = await prisma.auditEvent.count({ where: base });
  await prisma.$transaction((tx) =>
    ctx.audit(tx, { action: 'audit.export', entityType: 'AuditEvent', after: { format: 'csv', filters, rowCount } }),
  );
  const redact = await loadAuditRedaction(ctx.user.id);
  const encoder = new TextEncoder();
  let cursor: number | null = null;
  let isHeaderSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${toCsv([HEADER])}\r\n`));
        return;
      }
      // Keyset on the chain position: each batch is one index range, however long the trail.
      const events = await prisma.auditEvent.findMany({
        where: cursor === null ? base : { AND: [base, { seq: { lt: cursor } }] },
        orderBy: { seq: 'desc' },
        take: AUDIT_EXPORT_BATCH,
        select: AUDIT_EVENT_SELECT,
      });
      if (events.length === 0) {
        controller.close();
        return;
      }
      cursor = events[events.length - 1].seq;
      const rows = await toAuditRows({ events, redact, timeZone });
      controller.enqueue(encoder.encode(`${toCsv(rows.map((row) => toCells(row, timeZone)))}\r\n`));
    },
  });
  const stamp = utcToZoned(new Date(), timeZone).date;
  return { filename: `audit-trail-${stamp}.csv`, rowCount, body };
}
