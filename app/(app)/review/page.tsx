import type { Metadata } from 'next';
import { trialOptions } from '@/components/candidates/options';
import { ReviewQueueTable } from '@/components/candidates/review-queue-table';
import { Button, LinkButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { getPageContext } from '@/lib/auth/page-context';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicClock } from '@/lib/clinic/clock';
import { listReviewQueue } from '@/lib/candidates/list-review-queue';
import { reviewQueueQuerySchema } from '@/lib/validations/candidates';

export const metadata: Metadata = { title: 'Review queue' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReviewQueuePage({ searchParams }: Props) {
  const user = await requirePageUser('candidate.read');
  const raw = await searchParams;
  const parsed = reviewQueueQuerySchema.safeParse({
    trialId: Array.isArray(raw.trialId) ? raw.trialId[0] : raw.trialId,
  });
  const query = parsed.success ? parsed.data : {};
  const [items, trials, clock] = await Promise.all([
    listReviewQueue(await getPageContext(user), query),
    trialOptions(),
    getClinicClock(),
  ]);

  return (
    <>
      <PageHeader
        title="Review queue"
        description="Eligibility checks awaiting a clinician's review and signature, the longest-waiting first. Each row opens its check."
      />
      <form method="get" role="search" aria-label="Review queue" className="mb-4 flex flex-wrap items-end gap-3">
        <Field label="Trial" className="w-full sm:w-96">
          <Select
            name="trialId"
            defaultValue={query.trialId ?? ''}
            placeholder="All trials"
            options={trials.map(({ value, label }) => ({ value, label }))}
          />
        </Field>
        <Button type="submit" variant="secondary">
          Show
        </Button>
        {query.trialId ? (
          <LinkButton href="/review" variant="ghost">
            All trials
          </LinkButton>
        ) : null}
      </form>
      {items.length === 0 ? (
        <EmptyState
          title="No check is awaiting review"
          description={
            query.trialId
              ? 'No unsigned check of this trial needs a clinician.'
              : 'A check appears here once it has been run and needs a clinician: pending review, pending signature or ineligible. Incomplete checks wait for screening data first.'
          }
        />
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700" aria-live="polite">
            {items.length === 1 ? '1 check is waiting.' : `${items.length} checks are waiting.`}
          </p>
          <ReviewQueueTable items={items} today={clock.today()} timeZone={clock.timeZone} />
        </>
      )}
    </>
  );
}
