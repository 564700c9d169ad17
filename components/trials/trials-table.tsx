'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { DataTable, type SortDirection } from '@/components/ui/data-table';
import type { TrialListItem } from '@/lib/trials/types';
import { EnrollmentProgress } from './enrollment-progress';
import { formatPhases } from './labels';
import { TrialStatusBadge } from './trial-status-badge';

const COLUMNS: ColumnDef<TrialListItem, unknown>[] = [
  {
    id: 'nctId',
    header: 'NCT id',
    accessorKey: 'nctId',
    enableSorting: true,
    cell: ({ row }) =>
      row.original.nctId ? (
        <span className="font-mono text-sm whitespace-nowrap">{row.original.nctId}</span>
      ) : (
        <span className="text-slate-600">Local study</span>
      ),
  },
  {
    id: 'title',
    header: 'Title',
    accessorKey: 'title',
    enableSorting: true,
    meta: { className: 'min-w-[12rem]' },
    cell: ({ row }) => {
      const trial = row.original;
      return (
        <div className="flex max-w-xl flex-col gap-0.5">
          <Link
            href={`/trials/${trial.id}`}
            className="font-medium text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {trial.shortTitle ?? trial.title}
          </Link>
          {trial.shortTitle ? <span className="text-xs text-slate-600">{trial.title}</span> : null}
          {trial.conditions.length > 0 ? (
            <span className="text-xs text-slate-600">{trial.conditions.join(' · ')}</span>
          ) : null}
        </div>
      );
    },
  },
  {
    id: 'phases',
    header: 'Phases',
    cell: ({ row }) => <span className="whitespace-nowrap">{formatPhases(row.original.phases)}</span>,
  },
  {
    id: 'status',
    header: 'Status',
    accessorKey: 'status',
    enableSorting: true,
    cell: ({ row }) => <TrialStatusBadge status={row.original.status} />,
  },
  {
    id: 'enrollment',
    header: 'Enrollment',
    // Sorting needs an accessor; the server sorts by enrollments, this only enables the header button.
    accessorFn: (row) => row.enrolledCount,
    enableSorting: true,
    cell: ({ row }) => (
      <EnrollmentProgress enrolled={row.original.enrolledCount} target={row.original.targetEnrollment} />
    ),
  },
  {
    id: 'sponsor',
    header: 'Sponsor',
    accessorKey: 'leadSponsor',
    // On the trial's page; left out below 1280 px so the table fits a tablet.
    meta: { className: 'hidden xl:table-cell' },
    cell: ({ row }) => row.original.leadSponsor ?? <span className="text-slate-600">Not recorded</span>,
  },
];

export type TrialsTableProps = {
  items: TrialListItem[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: SortDirection;
  isFiltered: boolean;
  canEdit: boolean;
};

export function TrialsTable({ items, total, page, pageSize, sort, dir, isFiltered, canEdit }: TrialsTableProps) {
  return (
    <DataTable
      columns={COLUMNS}
      data={items}
      caption="Trials"
      captionHidden
      page={page}
      pageSize={pageSize}
      total={total}
      sort={sort}
      dir={dir}
      getRowId={(row) => row.id}
      emptyTitle={isFiltered ? 'No trial matches these filters' : 'No trials yet'}
      emptyDescription={
        isFiltered
          ? 'Search by NCT id or by a word of the title, or clear a filter.'
          : canEdit
            ? 'Create a trial or import one from ClinicalTrials.gov.'
            : 'An administrator creates or imports trials.'
      }
      emptyAction={
        isFiltered ? (
          <Link href="/trials" className="text-sm font-medium text-brand-700 underline underline-offset-2">
            Clear search and filters
          </Link>
        ) : undefined
      }
    />
  );
}
