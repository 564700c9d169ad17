'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { DataTable } from '@/components/ui/data-table';

/** One audit event, formatted on the server (clinic time zone, pretty JSON). */
export type AuditTableRow = {
  id: string;
  isoTime: string;
  time: string;
  actor: string;
  actorRole: string | null;
  actorDetail: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityTypeLabel: string;
  /** The record as people name it; null when it no longer resolves (the id is still shown). */
  entityLabel: string | null;
  entityId: string | null;
  reason: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
  ipAddress: string | null;
};

function Change({ row }: { row: AuditTableRow }) {
  if (!row.before && !row.after && !row.requestId && !row.ipAddress) return <span className="text-slate-500">—</span>;
  return (
    <details className="group max-w-xl">
      <summary className="cursor-pointer rounded text-sm font-medium text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600">
        Details
        <span className="sr-only">
          {' '}
          of {row.action} at {row.time}
        </span>
      </summary>
      <div className="mt-2 flex flex-col gap-2">
        {row.before ? (
          <div>
            <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Before</p>
            <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs text-slate-900">{row.before}</pre>
          </div>
        ) : null}
        {row.after ? (
          <div>
            <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">After</p>
            <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-xs text-slate-900">{row.after}</pre>
          </div>
        ) : null}
        {row.requestId || row.ipAddress ? (
          <p className="text-xs text-slate-600">
            {row.requestId ? <>Request {row.requestId}</> : null}
            {row.requestId && row.ipAddress ? ' · ' : null}
            {row.ipAddress ? <>IP {row.ipAddress}</> : null}
          </p>
        ) : null}
      </div>
    </details>
  );
}

const COLUMNS: ColumnDef<AuditTableRow, string>[] = [
  {
    id: 'time',
    header: 'Time',
    accessorKey: 'time',
    cell: ({ row }) => <time dateTime={row.original.isoTime}>{row.original.time}</time>,
    meta: { className: 'min-w-[9rem]' },
  },
  {
    id: 'actor',
    header: 'Actor',
    accessorKey: 'actor',
    cell: ({ row }) => (
      <div className="flex flex-col">
        <span>{row.original.actor}</span>
        {row.original.actorRole ? <span className="text-xs text-slate-600">{row.original.actorRole}</span> : null}
        {row.original.actorDetail ? (
          <span className="text-xs break-all text-slate-600">{row.original.actorDetail}</span>
        ) : null}
      </div>
    ),
  },
  {
    id: 'action',
    header: 'Action',
    accessorKey: 'action',
    cell: ({ row }) => (
      <div className="flex flex-col">
        <span>{row.original.actionLabel}</span>
        <code className="text-xs break-all text-slate-600">{row.original.action}</code>
      </div>
    ),
  },
  {
    id: 'entity',
    header: 'Record',
    accessorKey: 'entityType',
    cell: ({ row }) => (
      <div className="flex flex-col">
        <span className="text-xs font-semibold text-slate-600">{row.original.entityTypeLabel}</span>
        {row.original.entityLabel ? <span>{row.original.entityLabel}</span> : null}
        {row.original.entityId ? (
          <code className="text-xs break-all text-slate-600">{row.original.entityId}</code>
        ) : null}
      </div>
    ),
  },
  {
    id: 'reason',
    header: 'Reason',
    accessorKey: 'reason',
    cell: ({ row }) => row.original.reason ?? <span className="text-slate-500">—</span>,
  },
  {
    id: 'details',
    header: 'Details',
    cell: ({ row }) => <Change row={row.original} />,
    meta: { className: '[overflow-wrap:anywhere]' },
  },
];

export function AuditTable({
  rows,
  page,
  pageSize,
  total,
}: {
  rows: AuditTableRow[];
  page: number;
  pageSize: number;
  total: number;
}) {
  return (
    <DataTable
      columns={COLUMNS}
      data={rows}
      caption="Audit events, newest first"
      page={page}
      pageSize={pageSize}
      total={total}
      getRowId={(row) => row.id}
      emptyTitle="No audit events match these filters"
      emptyDescription="Widen the date range or clear a filter."
    />
  );
}
