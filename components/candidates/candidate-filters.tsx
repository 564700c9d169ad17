'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useTransition, type FormEvent } from 'react';
import { Button, LinkButton } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import { PIPELINE_STAGE_LABELS, PIPELINE_STAGES, REFERRAL_AGE_OPTIONS, REFERRAL_SOURCE_LABELS } from './labels';

/** The filters as they are in the URL (already validated by the page). */
export type CandidateFilterValues = {
  q?: string;
  trialId?: string;
  stage?: string;
  coordinatorId?: string;
  referralSource?: string;
  referralAgeDays?: string;
};

type Props = {
  values: CandidateFilterValues;
  trials: SelectOption[];
  coordinators: SelectOption[];
  /** Sort and page size survive a change of filters; the page goes back to 1. */
  keep: { sort?: string; dir?: string; pageSize?: string };
};

const FILTER_KEYS = ['q', 'trialId', 'stage', 'coordinatorId', 'referralSource', 'referralAgeDays'] as const;

const STAGE_OPTIONS = PIPELINE_STAGES.map((stage) => ({ value: stage, label: PIPELINE_STAGE_LABELS[stage] }));
// From the label record (same order as REFERRAL_SOURCES), not lib/validations: that module would bring zod to the list page.
const SOURCE_OPTIONS = Object.entries(REFERRAL_SOURCE_LABELS).map(([value, label]) => ({ value, label }));
const AGE_OPTIONS = REFERRAL_AGE_OPTIONS.map((days) => ({ value: String(days), label: `${days} or more days ago` }));

/**
 * The candidate list's search and filters. Every choice becomes a URL parameter,
 * so a view can be bookmarked, shared and reached again with Back. Without
 * JavaScript it is a plain GET form with the same result.
 */
export function CandidateFilters({ values, trials, coordinators, keep }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = String(data.get(key) ?? '').trim();
      if (value) params.set(key, value);
    }
    // Sorting by stage only makes sense within one trial.
    const sort = keep.sort === 'stage' && !params.get('trialId') ? undefined : keep.sort;
    if (sort) params.set('sort', sort);
    if (sort && keep.dir) params.set('dir', keep.dir);
    if (keep.pageSize) params.set('pageSize', keep.pageSize);
    const query = params.toString();
    startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    apply(event.currentTarget);
  }

  // A choice from a list applies at once; the search box waits for Enter or the button.
  function onSelect(event: { currentTarget: HTMLSelectElement }) {
    if (event.currentTarget.form) apply(event.currentTarget.form);
  }

  const hasFilters = FILTER_KEYS.some((key) => values[key]);

  return (
    <form
      method="get"
      role="search"
      aria-label="Candidates"
      onSubmit={onSubmit}
      aria-busy={isPending || undefined}
      className="mb-4 flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Search by name or MRN" className="min-w-0 flex-1 basis-64">
          <Input type="search" name="q" defaultValue={values.q ?? ''} autoComplete="off" spellCheck={false} />
        </Field>
        <Button type="submit" variant="secondary" loading={isPending}>
          Search
        </Button>
        {hasFilters ? (
          <LinkButton href={pathname} variant="ghost">
            Clear filters
          </LinkButton>
        ) : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Field label="Trial">
          <Select
            name="trialId"
            defaultValue={values.trialId ?? ''}
            placeholder="All trials"
            options={trials}
            onChange={onSelect}
          />
        </Field>
        <Field label="Stage">
          <Select
            name="stage"
            defaultValue={values.stage ?? ''}
            placeholder="Any stage"
            options={STAGE_OPTIONS}
            onChange={onSelect}
          />
        </Field>
        <Field label="Coordinator">
          <Select
            name="coordinatorId"
            defaultValue={values.coordinatorId ?? ''}
            placeholder="Anyone"
            onChange={onSelect}
          >
            <option value="none">Nobody assigned</option>
            {coordinators.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Referral source">
          <Select
            name="referralSource"
            defaultValue={values.referralSource ?? ''}
            placeholder="Any source"
            options={SOURCE_OPTIONS}
            onChange={onSelect}
          />
        </Field>
        <Field label="Referred">
          <Select
            name="referralAgeDays"
            defaultValue={values.referralAgeDays ?? ''}
            placeholder="Any time"
            options={AGE_OPTIONS}
            onChange={onSelect}
          />
        </Field>
      </div>
      {/* Kept for the no-JavaScript GET submit. */}
      {keep.sort && !(keep.sort === 'stage' && !values.trialId) ? (
        <input type="hidden" name="sort" value={keep.sort} />
      ) : null}
      {keep.sort && keep.dir ? <input type="hidden" name="dir" value={keep.dir} /> : null}
      {keep.pageSize ? <input type="hidden" name="pageSize" value={keep.pageSize} /> : null}
    </form>
  );
}
