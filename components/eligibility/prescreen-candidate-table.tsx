'use client';

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  useReactTable,
} from '@tanstack/react-table';
import Link from 'next/link';
import { useId, useMemo } from 'react';
import { Button } from '@/components/ui/button';
import type { PrescreenRow } from '@/lib/eligibility/run-prescreen';
import { OVERALL_MEANINGS } from './labels';
import { OverallBadge } from './result-badges';

// The table of a pre-screen's candidates, with @tanstack/react-table (about 15 KB
// compressed): loaded once a pre-screen has run (./prescreen-panel.tsx), not with the page.

const PAGE_SIZE = 50;
const column = createColumnHelper<PrescreenRow>();

export function PrescreenCandidateTable({ rows }: { rows: PrescreenRow[] }) {
  const captionId = useId();
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Candidate',
        cell: (info) => (
          <Link
            href={`/candidates/${info.row.original.candidateId}`}
            className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
          >
            {info.getValue()}
          </Link>
        ),
      }),
      column.accessor('overall', { header: 'Result', cell: (info) => <OverallBadge overall={info.getValue()} /> }),
      column.display({
        id: 'why',
        header: 'Why',
        cell: ({ row }) => {
          const { overall, blocking, missing } = row.original;
          if (overall === 'INELIGIBLE') return <span>Ruled out by: {blocking.join('; ')}</span>;
          if (overall === 'INCOMPLETE') return <span>Missing: {missing.join('; ')}</span>;
          return <span className="text-slate-600">{OVERALL_MEANINGS[overall]}</span>;
        },
      }),
    ],
    [],
  );
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.candidateId,
    getCoreRowModel: getCoreRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageIndex: 0, pageSize: PAGE_SIZE } },
  });
  const { pageIndex } = table.getState().pagination;
  const first = rows.length === 0 ? 0 : pageIndex * PAGE_SIZE + 1;
  const last = Math.min(rows.length, (pageIndex + 1) * PAGE_SIZE);

  return (
    <div className="flex flex-col gap-3">
      <div
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <table className="w-full border-collapse text-left text-sm">
          <caption id={captionId} className="sr-only">
            Pre-screened candidates
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    className="px-4 py-2.5 font-semibold whitespace-nowrap text-slate-700"
                  >
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={3} className="px-4 py-6 text-center text-slate-700">
                  No candidate has this result.
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="border-b border-slate-100 last:border-b-0">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-4 py-3 align-top text-slate-800">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {rows.length > PAGE_SIZE ? (
        <nav
          aria-label="Pages of pre-screened candidates"
          className="flex flex-wrap items-center justify-between gap-3"
        >
          <p className="text-sm text-slate-700">
            {first.toLocaleString('en-US')}–{last.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')}
          </p>
          <div className="flex gap-2">
            <Button
              variant="secondary"
              size="sm"
              onClick={() => table.previousPage()}
              disabled={!table.getCanPreviousPage()}
            >
              Previous page
            </Button>
            <Button variant="secondary" size="sm" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
              Next page
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}
