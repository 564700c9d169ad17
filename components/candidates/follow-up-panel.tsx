import type { ListReadContext } from '@/lib/audit/record-list-read';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { OVERALL_LABELS } from '@/components/eligibility/labels';
import { LinkButton } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { hasPermission, type Role } from '@/lib/auth/permissions';
import { CONTACT_WITHIN_BUSINESS_DAYS, getFollowUps } from '@/lib/candidates/get-follow-ups';
import { listReviewQueue } from '@/lib/candidates/list-review-queue';
import { clinicToday } from '@/lib/clinic/clinic-today';
import type { OverdueFollowUp, ReviewQueueItem, UncontactedReferral } from '@/lib/candidates/types';
import { candidateName, formatCalendarDate, formatWaiting, plural } from './format';
import { CONTACT_OUTCOME_LABELS } from './labels';

/** Rows shown before the rest fold away, so the dashboard stays scannable. */
const SHOWN = 8;

const linkClass = 'rounded-sm font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800';

function FoldedList<T>({ items, render, label }: { items: T[]; render: (item: T) => ReactNode; label: string }) {
  const first = items.slice(0, SHOWN);
  const rest = items.slice(SHOWN);
  return (
    <>
      <ul className="flex flex-col divide-y divide-slate-100">{first.map(render)}</ul>
      {rest.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer rounded text-sm font-medium text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600">
            Show {rest.length} more {label}
          </summary>
          <ul className="mt-2 flex flex-col divide-y divide-slate-100">{rest.map(render)}</ul>
        </details>
      ) : null}
    </>
  );
}

function UncontactedRow({ item }: { item: UncontactedReferral }) {
  return (
    <li className="flex flex-col gap-0.5 py-2.5 text-sm first:pt-0">
      <span className="flex flex-wrap items-baseline justify-between gap-x-3">
        <Link href={`/candidates/${item.candidateId}`} className={linkClass}>
          {candidateName(item)}
        </Link>
        <span className="font-medium text-red-800">{plural(item.businessDaysWaiting, 'business day')} waiting</span>
      </span>
      <span className="text-slate-700">
        Referred {formatCalendarDate(item.referralDate)}
        {item.trials.length > 0
          ? ` for ${item.trials.map((trial) => trial.trialLabel).join(', ')}`
          : ', not in a trial yet'}
        {item.phone ? ` · ${item.phone}` : ''}
      </span>
      <span className="text-slate-600">
        {item.coordinator ? `Coordinator: ${item.coordinator.name}` : 'Nobody assigned'}
      </span>
    </li>
  );
}

function OverdueRow({ item }: { item: OverdueFollowUp }) {
  return (
    <li className="flex flex-col gap-0.5 py-2.5 text-sm first:pt-0">
      <span className="flex flex-wrap items-baseline justify-between gap-x-3">
        <Link href={`/candidates/${item.candidateId}`} className={linkClass}>
          {candidateName(item)}
        </Link>
        <span className="font-medium text-red-800">{plural(item.daysOverdue, 'day')} overdue</span>
      </span>
      <span className="text-slate-700">
        Follow-up was due {formatCalendarDate(item.nextFollowUpOn)} · last contact:{' '}
        {CONTACT_OUTCOME_LABELS[item.lastOutcome].toLowerCase()}
        {item.phone ? ` · ${item.phone}` : ''}
      </span>
      <span className="text-slate-600">
        {item.coordinator ? `Coordinator: ${item.coordinator.name}` : 'Nobody assigned'}
      </span>
    </li>
  );
}

function ReviewRow({ item, now }: { item: ReviewQueueItem; now: number }) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-3 py-2.5 text-sm first:pt-0">
      <span>
        <Link href={item.href} className={linkClass}>
          {candidateName(item)}
        </Link>
        <span className="text-slate-700">
          {' '}
          · {item.trialLabel} · {OVERALL_LABELS[item.status.overall].toLowerCase()}
          {item.status.needsReview > 0 ? `, ${item.status.needsReview} to judge` : ''}
        </span>
      </span>
      <span className="text-slate-700">waiting {formatWaiting(now - Date.parse(item.checkedAt))}</span>
    </li>
  );
}

/**
 * The dashboard's "what to do next" for candidates: coordinators see referrals
 * nobody has contacted and follow-ups that are overdue; clinicians see who is
 * waiting for their eligibility review.
 */
export async function FollowUpPanel({ role, ctx, timeZone }: { role: Role; ctx: ListReadContext; timeZone: string }) {
  const showFollowUps = hasPermission(role, 'contact.log');
  const showReview = hasPermission(role, 'eligibility.sign');
  if (!showFollowUps && !showReview) return null;

  const now = new Date();
  const [followUps, queue] = await Promise.all([
    showFollowUps ? getFollowUps({ today: clinicToday(timeZone, now).date }) : Promise.resolve(null),
    showReview ? listReviewQueue(ctx) : Promise.resolve(null),
  ]);

  return (
    <div className="mb-8 grid gap-6 lg:grid-cols-2">
      {queue ? (
        <Card aria-labelledby="review-queue-heading" className="lg:col-span-2">
          <CardHeader
            titleId="review-queue-heading"
            title="Awaiting your review"
            description={
              queue.length === 0
                ? 'No eligibility check is waiting for a clinician.'
                : `${plural(queue.length, 'check')} waiting, the longest-waiting first.`
            }
            actions={
              <LinkButton href="/review" variant={queue.length > 0 ? 'primary' : 'secondary'} size="sm">
                Open the review queue
              </LinkButton>
            }
          />
          {queue.length > 0 ? (
            <CardBody>
              <FoldedList
                items={queue}
                label="checks"
                render={(item) => <ReviewRow key={item.checkId} item={item} now={now.getTime()} />}
              />
            </CardBody>
          ) : null}
        </Card>
      ) : null}

      {followUps ? (
        <>
          <Card aria-labelledby="uncontacted-heading">
            <CardHeader
              titleId="uncontacted-heading"
              title={`Referrals not contacted within ${CONTACT_WITHIN_BUSINESS_DAYS} business days`}
              description={
                followUps.uncontacted.length === 0
                  ? undefined
                  : `${plural(followUps.uncontacted.length, 'referral')}, the oldest first.`
              }
            />
            <CardBody>
              {followUps.uncontacted.length === 0 ? (
                <EmptyState className="border-0 py-4" title="Every referral has been contacted in time" />
              ) : (
                <FoldedList
                  items={followUps.uncontacted}
                  label="referrals"
                  render={(item) => <UncontactedRow key={item.candidateId} item={item} />}
                />
              )}
            </CardBody>
          </Card>
          <Card aria-labelledby="overdue-heading">
            <CardHeader
              titleId="overdue-heading"
              title="Overdue follow-ups"
              description={
                followUps.overdue.length === 0
                  ? undefined
                  : `${plural(followUps.overdue.length, 'candidate')}, the longest overdue first.`
              }
            />
            <CardBody>
              {followUps.overdue.length === 0 ? (
                <EmptyState className="border-0 py-4" title="No follow-up is overdue" />
              ) : (
                <FoldedList
                  items={followUps.overdue}
                  label="follow-ups"
                  render={(item) => <OverdueRow key={item.candidateId} item={item} />}
                />
              )}
            </CardBody>
          </Card>
        </>
      ) : null}
    </div>
  );
}
