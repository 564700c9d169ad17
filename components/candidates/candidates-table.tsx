'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { DataTable, type SortDirection } from '@/components/ui/data-table';
import type { PipelineStageValue } from '@/lib/validations/candidates';
import { StageBadge } from './stage-badge';

/** One row of the candidate list, formatted on the server. */
export type CandidateTableRow = {
  id: string;
  name: string;
  mrn: string;
  dateOfBirth: string;
  dateOfBirthLabel: string;
  ageLabel: string;
  referralSourceLabel: string;
  referralDate: string;
  referralDateLabel: string;
  coordinatorName: string | null;
  pipelines: Array<{ trialId: string; trialLabel: string; stage: PipelineStageValue }>;
};

type Props = {
  rows: CandidateTableRow[];
  page: number;
  pageSize: number;
  total: number;
  sort: string;
  dir: SortDirection;
  /** Stage sorting needs a trial filter (a candidate has one stage per trial). */
  canSortByStage: boolean;
  isFiltered: boolean;
  emptyAction?: ReactNode;
};

function columns(canSortByStage: boolean): ColumnDef<CandidateTableRow, unknown>[] {
  return [
    {
      // Column ids are the server's sort keys.
      id: 'lastName',
      header: 'Name',
      enableSorting: true,
      // Below 1280 px the MRN moves under the name (its column is hidden) so the table fits a tablet.
      cell: ({ row }) => (
        <>
          <Link
            href={`/candidates/${row.original.id}`}
            className="font-medium [overflow-wrap:anywhere] text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {row.original.name}
          </Link>
          <span className="block font-mono text-xs text-slate-600 xl:hidden">MRN {row.original.mrn}</span>
        </>
      ),
    },
    {
      id: 'mrn',
      header: 'MRN',
      accessorKey: 'mrn',
      meta: { className: 'hidden xl:table-cell whitespace-nowrap font-mono text-xs' },
    },
    {
      id: 'dateOfBirth',
      header: 'Date of birth',
      enableSorting: true,
      cell: ({ row }) => (
        <span className="whitespace-nowrap">
          <time dateTime={row.original.dateOfBirth}>{row.original.dateOfBirthLabel}</time>
          <span className="block text-xs text-slate-600">{row.original.ageLabel}</span>
        </span>
      ),
    },
    // On the candidate's page and in the export; left out below 1280 px to fit a tablet.
    {
      id: 'referralSource',
      header: 'Referral source',
      accessorKey: 'referralSourceLabel',
      meta: { className: 'hidden xl:table-cell' },
    },
    {
      id: 'referralDate',
      header: 'Referral date',
      enableSorting: true,
      cell: ({ row }) => (
        <time dateTime={row.original.referralDate} className="whitespace-nowrap">
          {row.original.referralDateLabel}
        </time>
      ),
    },
    {
      id: 'coordinator',
      header: 'Coordinator',
      cell: ({ row }) => row.original.coordinatorName ?? <span className="text-slate-600">Nobody assigned</span>,
    },
    {
      id: 'stage',
      header: 'Trials and stage',
      enableSorting: canSortByStage,
      cell: ({ row }) =>
        row.original.pipelines.length === 0 ? (
          <span className="text-slate-600">Not in a trial yet</span>
        ) : (
          <ul className="flex flex-col gap-1">
            {row.original.pipelines.map((pipeline) => (
              <li key={pipeline.trialId} className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                <span className="text-slate-800">{pipeline.trialLabel}</span>
                <StageBadge stage={pipeline.stage} />
              </li>
            ))}
          </ul>
        ),
    },
  ];
}

export function CandidatesTable({
  rows,
  page,
  pageSize,
  total,
  sort,
  dir,
  canSortByStage,
  isFiltered,
  emptyAction,
}: Props) {
  return (
    <DataTable
      columns={columns(canSortByStage)}
      data={rows}
      caption="Candidates"
      captionHidden
      page={page}
      pageSize={pageSize}
      total={total}
      sort={sort}
      dir={dir}
      getRowId={(row) => row.id}
      emptyTitle={isFiltered ? 'No candidate matches these filters' : 'No candidates yet'}
      emptyDescription={
        isFiltered
          ? 'Change or clear the filters, or search by part of a name or MRN.'
          : 'Log the first referral to start a pipeline.'
      }
      emptyAction={emptyAction}
    />
  );
}
