import type { Metadata } from 'next';
import { CandidateFilters } from '@/components/candidates/candidate-filters';
import { CandidatesTable, type CandidateTableRow } from '@/components/candidates/candidates-table';
import { ExportCsvButton } from '@/components/candidates/export-csv-button';
import { candidateName, formatAge, formatCalendarDate } from '@/components/candidates/format';
import { REFERRAL_SOURCE_LABELS } from '@/components/candidates/labels';
import { coordinatorOptions, trialOptions } from '@/components/candidates/options';
import { getClinicClock } from '@/lib/clinic/clock';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getPageContext } from '@/lib/auth/page-context';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { listCandidates } from '@/lib/candidates/list-candidates';
import { zodFieldErrors } from '@/lib/errors/to-app-error';
import { candidateListQuerySchema, defaultSortDirection } from '@/lib/validations/candidates';

export const metadata: Metadata = { title: 'Candidates' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const QUERY_KEYS = [
  'q',
  'trialId',
  'stage',
  'coordinatorId',
  'referralSource',
  'referralAgeDays',
  'sort',
  'dir',
  'page',
  'pageSize',
] as const;
type QueryKey = (typeof QUERY_KEYS)[number];

/** Reads the view from the URL. A parameter that is not valid is dropped (and reported) rather than failing the page. */
function readQuery(raw: Record<string, string | string[] | undefined>) {
  const values: Partial<Record<QueryKey, string>> = {};
  for (const key of QUERY_KEYS) {
    const value = Array.isArray(raw[key]) ? raw[key][0] : raw[key];
    if (value !== undefined && value.trim() !== '') values[key] = value.trim();
  }
  const first = candidateListQuerySchema.safeParse(values);
  if (first.success) return { query: first.data, values, problems: [] as string[] };
  const fields = zodFieldErrors(first.error);
  const problems = Object.values(fields).flat();
  const kept = { ...values };
  for (const key of Object.keys(fields)) delete kept[key as QueryKey];
  const second = candidateListQuerySchema.safeParse(kept);
  return { query: second.success ? second.data : candidateListQuerySchema.parse({}), values: kept, problems };
}

export default async function CandidatesPage({ searchParams }: Props) {
  const user = await requirePageUser('candidate.read');
  const { query, values, problems } = readQuery(await searchParams);
  const dir = query.dir ?? defaultSortDirection(query.sort);

  const today = (await getClinicClock()).today();
  const [result, trials, coordinators] = await Promise.all([
    listCandidates(query, { ctx: await getPageContext(user), today }),
    trialOptions(),
    coordinatorOptions(),
  ]);

  const rows: CandidateTableRow[] = result.items.map((item) => ({
    id: item.id,
    name: candidateName(item),
    mrn: item.mrn,
    dateOfBirth: item.dateOfBirth,
    dateOfBirthLabel: formatCalendarDate(item.dateOfBirth),
    ageLabel: formatAge(item.dateOfBirth, today),
    referralSourceLabel: REFERRAL_SOURCE_LABELS[item.referralSource],
    referralDate: item.referralDate,
    referralDateLabel: formatCalendarDate(item.referralDate),
    coordinatorName: item.coordinator?.name ?? null,
    pipelines: item.pipelines,
  }));

  // The export gets the same filters and order as the screen, without the paging.
  const exportParams = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = values[key];
    if (value && key !== 'page' && key !== 'pageSize') exportParams.set(key, value);
  }
  const exportQuery = exportParams.toString();
  const exportHref = `/api/v1/candidates/export${exportQuery ? `?${exportQuery}` : ''}`;
  const canEdit = hasPermission(user.role, 'candidate.edit');
  const isFiltered = Boolean(
    query.q ||
      query.trialId ||
      query.stage ||
      query.coordinatorId ||
      query.referralSource ||
      query.referralAgeDays !== undefined,
  );
  // Remount the filter form when the URL changes (Back, a shared link) so its fields show the URL's view.
  const filterKey = new URLSearchParams(values as Record<string, string>).toString();

  return (
    <>
      <PageHeader
        title="Candidates"
        description="Everyone referred for a trial, with each trial's pipeline stage. Filters, search and sorting stay in the address, so a view can be bookmarked or shared."
        actions={
          <>
            <ExportCsvButton href={exportHref} />
            {canEdit ? (
              <LinkButton href="/candidates/new" variant="primary">
                New referral
              </LinkButton>
            ) : null}
          </>
        }
      />
      {problems.length > 0 ? (
        <Alert tone="warning" className="mb-4" title="Part of this address was ignored">
          {problems.join(' ')}
        </Alert>
      ) : null}
      <CandidateFilters
        key={filterKey}
        values={{
          q: values.q,
          trialId: values.trialId,
          stage: values.stage,
          coordinatorId: values.coordinatorId,
          referralSource: values.referralSource,
          referralAgeDays: values.referralAgeDays,
        }}
        trials={trials.map(({ value, label }) => ({ value, label }))}
        coordinators={coordinators}
        keep={{ sort: values.sort, dir: values.dir, pageSize: values.pageSize }}
      />
      <CandidatesTable
        rows={rows}
        page={query.page}
        pageSize={query.pageSize}
        total={result.total}
        sort={query.sort}
        dir={dir}
        canSortByStage={Boolean(query.trialId)}
        isFiltered={isFiltered}
        emptyAction={
          !isFiltered && canEdit ? (
            <LinkButton href="/candidates/new" variant="primary">
              New referral
            </LinkButton>
          ) : undefined
        }
      />
    </>
  );
}
