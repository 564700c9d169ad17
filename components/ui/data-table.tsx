'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { usePathname, useRouter } from 'next/navigation';
import { useId, useTransition, type ReactNode } from 'react';
import { Button } from './button';
import { cn } from './cn';
import { EmptyState } from './empty-state';

export type SortDirection = 'asc' | 'desc';

/** Optional per-column presentation, set as `meta` on a column definition. */
export type DataTableColumnMeta = { align?: 'left' | 'right'; className?: string };

export type DataTableProps<T> = {
  // `any` for the value type is how tanstack types a list of mixed columns.
  columns: ColumnDef<T, any>[];
  /** The rows of the current page only; the server has already sorted and sliced them. */
  data: T[];
  /** Names the table for screen readers (and sighted users unless captionHidden). */
  caption: string;
  captionHidden?: boolean;
  /** 1-based current page. */
  page: number;
  pageSize: number;
  /** Rows across all pages. */
  total: number;
  /** Current sort column id and direction, as the server applied them. */
  sort?: string;
  dir?: SortDirection;
  getRowId?: (row: T, index: number) => string;
  emptyTitle?: ReactNode;
  emptyDescription?: ReactNode;
  emptyAction?: ReactNode;
  className?: string;
};

const numberFormat = new Intl.NumberFormat('en-US');

/**
 * A table for server-paginated data. Sorting and paging only change the URL
 * (`sort`, `dir`, `page`); the server page reads them and sends the new rows.
 * Columns opt in to sorting with `enableSorting: true`, and their `id` is the
 * sort key the server receives, so it must be one the server allows.
 * Column definitions contain functions, so render this from a client component.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const {
    columns,
    data,
    caption,
    captionHidden = false,
    page,
    pageSize,
    total,
    sort,
    dir = 'asc',
    getRowId,
    className,
  } = props;
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const captionId = useId();

  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const columnList = columns.map((column) => toColumn<T>(column));

  // Read the live query string at click time so other filters on the page survive.
  function navigate(change: (params: URLSearchParams) => void) {
    const params = new URLSearchParams(window.location.search);
    change(params);
    const query = params.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  function toggleSort(columnId: string) {
    const nextDir: SortDirection = sort === columnId && dir === 'asc' ? 'desc' : 'asc';
    navigate((params) => {
      params.set('sort', columnId);
      params.set('dir', nextDir);
      params.delete('page');
    });
  }

  function goToPage(target: number) {
    navigate((params) => (target <= 1 ? params.delete('page') : params.set('page', String(target))));
  }

  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const columnCount = columnList.length;

  return (
    <div className={cn('flex flex-col gap-3', className)}>
      {/* Focusable so keyboard users can scroll a wide table sideways on a phone. */}
      <div
        role="region"
        aria-labelledby={captionId}
        aria-busy={isPending || undefined}
        tabIndex={0}
        className={cn(
          'overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm transition-opacity',
          isPending && 'opacity-60',
        )}
      >
        <table className="w-full border-collapse text-left text-sm">
          <caption
            id={captionId}
            className={cn('px-4 py-3 text-left text-base font-semibold text-slate-900', captionHidden && 'sr-only')}
          >
            {caption}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              {columnList.map((column) => (
                <HeaderCell key={column.id} column={column} sort={sort} dir={dir} onSort={toggleSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {data.length === 0 ? (
              <tr>
                <td colSpan={columnCount} className="p-4">
                  <EmptyState
                    className="border-0"
                    title={props.emptyTitle ?? 'Nothing to show'}
                    description={props.emptyDescription}
                    action={props.emptyAction}
                  />
                </td>
              </tr>
            ) : (
              data.map((original, index) => (
                <tr
                  key={getRowId ? getRowId(original, index) : index}
                  className="border-b border-slate-100 last:border-b-0 hover:bg-slate-50"
                >
                  {columnList.map((column) => (
                    <td
                      key={column.id}
                      className={cn(
                        'px-4 py-3 align-top text-slate-800',
                        column.meta?.align === 'right' && 'text-right tabular-nums',
                        column.meta?.className,
                      )}
                    >
                      {column.render(original, index)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      {total > 0 ? (
        <nav aria-label={`Pages of ${caption}`} className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" aria-live="polite">
            Showing {numberFormat.format(first)}–{numberFormat.format(last)} of {numberFormat.format(total)} · Page{' '}
            {page} of {pageCount}
          </p>
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" disabled={page <= 1 || isPending} onClick={() => goToPage(page - 1)}>
              <span aria-hidden="true">←</span> Previous<span className="sr-only"> page</span>
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={page >= pageCount || isPending}
              onClick={() => goToPage(page + 1)}
            >
              Next<span className="sr-only"> page</span> <span aria-hidden="true">→</span>
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}

/**
 * A column definition as the tables write it (tanstack's ColumnDef shape: id or
 * accessorKey, accessorFn, header, cell, enableSorting, meta), rendered here
 * without the tanstack runtime: the server sorts and pages, so all a table does
 * in the browser is lay out the rows it was given, and the library's ~13 KB
 * (compressed) of row models would be first-load weight on every list page.
 */
type Column<T> = {
  id: string;
  header: ReactNode;
  canSort: boolean;
  meta?: DataTableColumnMeta;
  render: (original: T, index: number) => ReactNode;
};

type LooseColumnDef<T> = {
  id?: string;
  accessorKey?: string;
  accessorFn?: (row: T, index: number) => unknown;
  header?: ReactNode | ((context: { column: { id: string } }) => ReactNode);
  cell?: (context: { row: { original: T; index: number }; getValue: () => unknown }) => ReactNode;
  enableSorting?: boolean;
  meta?: unknown;
};

// `any` for the value type is how tanstack types a list of mixed columns.
function toColumn<T>(definition: ColumnDef<T, any>): Column<T> {
  const loose = definition as LooseColumnDef<T>;
  const id = loose.id ?? loose.accessorKey ?? '';
  const valueOf = (original: T, index: number): unknown =>
    loose.accessorFn
      ? loose.accessorFn(original, index)
      : loose.accessorKey
        ? (original as Record<string, unknown>)[loose.accessorKey]
        : undefined;
  const header = typeof loose.header === 'function' ? loose.header({ column: { id } }) : loose.header;
  return {
    id,
    header,
    // Sorting happens on the server, so a column needs no accessor to be sortable: opting in is enough.
    canSort: loose.enableSorting === true,
    meta: loose.meta as DataTableColumnMeta | undefined,
    render: (original, index) => {
      if (loose.cell) return loose.cell({ row: { original, index }, getValue: () => valueOf(original, index) });
      const value = valueOf(original, index);
      return value === null || value === undefined ? null : String(value);
    },
  };
}

type HeaderCellProps<T> = {
  column: Column<T>;
  sort?: string;
  dir: SortDirection;
  onSort: (columnId: string) => void;
};

function HeaderCell<T>({ column, sort, dir, onSort }: HeaderCellProps<T>) {
  const { meta, canSort } = column;
  const isSorted = canSort && sort === column.id;
  const ariaSort = !canSort ? undefined : isSorted ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
  const arrow = isSorted ? (dir === 'asc' ? '↑' : '↓') : '↕';

  return (
    <th
      scope="col"
      aria-sort={ariaSort}
      className={cn(
        'px-4 py-2.5 font-semibold text-slate-700',
        meta?.align === 'right' && 'text-right',
        meta?.className,
      )}
    >
      {canSort ? (
        <button
          type="button"
          onClick={() => onSort(column.id)}
          className={cn(
            '-mx-1 inline-flex min-h-9 items-center gap-1 rounded px-1 text-left hover:text-slate-900',
            isSorted && 'text-slate-900',
          )}
        >
          {column.header}
          <span aria-hidden="true" className={cn('text-xs', isSorted ? 'text-brand-700' : 'text-slate-500')}>
            {arrow}
          </span>
        </button>
      ) : (
        column.header
      )}
    </th>
  );
}
