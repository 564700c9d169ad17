'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';

/** One row of the admin user list, already formatted on the server (clinic time zone). */
export type UserTableRow = {
  id: string;
  name: string;
  email: string;
  roleLabel: string;
  statusLabel: string;
  statusTone: BadgeTone;
  lastSignIn: string;
};

const COLUMNS: ColumnDef<UserTableRow, string>[] = [
  {
    id: 'name',
    header: 'Name',
    accessorKey: 'name',
    cell: ({ row }) => (
      <Link
        href={`/admin/users/${row.original.id}`}
        className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {row.original.name}
      </Link>
    ),
  },
  { id: 'email', header: 'Email', accessorKey: 'email', meta: { className: 'break-all' } },
  { id: 'role', header: 'Role', accessorKey: 'roleLabel' },
  {
    id: 'status',
    header: 'Status',
    accessorKey: 'statusLabel',
    cell: ({ row }) => <Badge tone={row.original.statusTone}>{row.original.statusLabel}</Badge>,
  },
  { id: 'lastSignIn', header: 'Last sign-in', accessorKey: 'lastSignIn', meta: { className: 'whitespace-nowrap' } },
];

export function UsersTable({ rows, isFiltered }: { rows: UserTableRow[]; isFiltered: boolean }) {
  return (
    <DataTable
      columns={COLUMNS}
      data={rows}
      caption="Staff accounts"
      captionHidden
      page={1}
      pageSize={Math.max(rows.length, 1)}
      total={rows.length}
      getRowId={(row) => row.id}
      emptyTitle={isFiltered ? 'No user matches this search' : 'No users yet'}
      emptyDescription={
        isFiltered ? 'Search by part of a name or an email address.' : 'Create the first staff account.'
      }
    />
  );
}
