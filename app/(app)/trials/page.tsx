import type { Metadata } from 'next';
import { formatPhases, optionsOf, PHASE_LABELS, STATUS_LABELS } from '@/components/trials/labels';
import { TrialsTable } from '@/components/trials/trials-table';
import { Button, LinkButton } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { listTrials } from '@/lib/trials/list-trials';
import { trialListQuerySchema, type TrialListQuery } from '@/lib/validations/trials';

export const metadata: Metadata = { title: 'Trials' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const STATUS_OPTIONS = optionsOf(STATUS_LABELS);
const PHASE_OPTIONS = optionsOf(PHASE_LABELS);

/** Reads the URL's filters; a value that does not parse (hand-edited URL) is dropped, not answered with an error page. */
function readQuery(raw: Record<string, string | string[] | undefined>): TrialListQuery {
  const single = (key: string) => (typeof raw[key] === 'string' ? raw[key] : undefined);
  const input: Record<string, string | undefined> = {};
  for (const key of ['q', 'status', 'phase', 'page', 'pageSize', 'sort', 'dir']) input[key] = single(key);
  const parsed = trialListQuerySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  for (const key of bad) delete input[key];
  return trialListQuerySchema.parse(input);
}

export default async function TrialsPage({ searchParams }: Props) {
  const user = await requirePageUser('trial.read');
  const canEdit = hasPermission(user.role, 'trial.edit');
  const query = readQuery(await searchParams);
  const result = await listTrials(query);
  const dir = query.dir ?? (query.sort === 'updatedAt' ? 'desc' : 'asc');
  const isFiltered = Boolean(query.q || query.status || query.phase);
  const filterSummary = [
    query.q ? `matching “${query.q}”` : null,
    query.status ? STATUS_LABELS[query.status].toLowerCase() : null,
    query.phase ? formatPhases([query.phase]) : null,
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        title="Trials"
        description="Every trial the clinic runs or screens for, with its status and enrollment against the target."
        actions={
          canEdit ? (
            <>
              <LinkButton href="/trials/new" variant="primary">
                New trial
              </LinkButton>
              <LinkButton href="/trials/import" variant="secondary">
                Import from ClinicalTrials.gov
              </LinkButton>
            </>
          ) : null
        }
      />

      <form method="get" role="search" aria-label="Trials" className="mb-4 flex flex-wrap items-end gap-3">
        <Field label="Search by NCT id or title" className="w-full sm:w-72">
          <Input type="search" name="q" defaultValue={query.q ?? ''} autoComplete="off" spellCheck={false} />
        </Field>
        <Field label="Status" className="w-full sm:w-52">
          <Select name="status" defaultValue={query.status ?? ''} placeholder="Any status" options={STATUS_OPTIONS} />
        </Field>
        <Field label="Phase" className="w-full sm:w-44">
          <Select name="phase" defaultValue={query.phase ?? ''} placeholder="Any phase" options={PHASE_OPTIONS} />
        </Field>
        {/* Keep the chosen sort when the filters change; the page starts again at 1. */}
        {query.sort !== 'updatedAt' || query.dir ? (
          <>
            <input type="hidden" name="sort" value={query.sort} />
            <input type="hidden" name="dir" value={dir} />
          </>
        ) : null}
        {query.pageSize !== 25 ? <input type="hidden" name="pageSize" value={query.pageSize} /> : null}
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {isFiltered ? (
          <LinkButton href="/trials" variant="ghost">
            Clear
          </LinkButton>
        ) : null}
      </form>

      <p className="mb-3 text-sm text-slate-700" role="status">
        {result.total === 1 ? '1 trial' : `${result.total} trials`}
        {filterSummary.length > 0 ? ` ${filterSummary.join(', ')}` : ''}
        {query.sort === 'updatedAt' && !query.dir ? ', most recently changed first' : ''}.
      </p>

      <TrialsTable
        items={result.items}
        total={result.total}
        page={result.page}
        pageSize={result.pageSize}
        sort={query.sort}
        dir={dir}
        isFiltered={isFiltered}
        canEdit={canEdit}
      />
    </>
  );
}
