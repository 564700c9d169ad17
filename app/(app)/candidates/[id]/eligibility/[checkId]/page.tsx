import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { formatCalendarDate } from '@/components/candidates/format';
import { CheckReviewForm } from '@/components/eligibility/lazy-forms';
import { toCheckView } from '@/lib/eligibility/to-check-view';
import { CriterionItem } from '@/components/eligibility/criterion-item';
import { OverallSummary } from '@/components/eligibility/overall-summary';
import { SignatureBlock } from '@/components/eligibility/signature-block';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import type { CurrentUser } from '@/lib/auth/current-user';
import { getPageContext } from '@/lib/auth/page-context';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { getCheck } from '@/lib/eligibility/get-check';
import { isAppError } from '@/lib/errors/app-error';
import { checkIdParamsSchema } from '@/lib/validations/screening';

type Props = { params: Promise<{ id: string; checkId: string }> };

// A static title: metadata is also rendered for link prefetches, and reading the
// check there would log an `eligibility.view` nobody made (see the candidate page).
export const metadata: Metadata = { title: 'Eligibility check' };

const loadCheck = cache(async (candidateId: string, rawCheckId: string, user: CurrentUser) => {
  const parsed = checkIdParamsSchema.safeParse({ id: rawCheckId });
  if (!parsed.success) notFound();
  try {
    const detail = await getCheck({ id: parsed.data.id, ctx: await getPageContext(user) });
    // The URL names the candidate too; a check of someone else is not found here.
    if (detail.candidate.id !== candidateId) notFound();
    return { detail, view: await toCheckView(detail) };
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export default async function EligibilityCheckPage({ params }: Props) {
  const user = await requirePageUser('candidate.read');
  const { id, checkId } = await params;
  const { detail, view } = await loadCheck(id, checkId, user);
  const canSign = hasPermission(user.role, 'eligibility.sign');
  const canCheck = hasPermission(user.role, 'eligibility.check');
  const isSignable = view.signature === null && view.isLatest && view.isCurrentProtocolVersion;
  const timeZone = await getClinicTimeZone();
  const clinicTimeZone = canSign && isSignable ? timeZone : null;

  return (
    <>
      <PageHeader
        title="Eligibility check"
        eyebrow={
          <Link href={`/candidates/${view.candidateId}`} className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> {detail.candidate.name}
          </Link>
        }
        description={
          <>
            {view.trialLabel} · protocol version {view.protocolVersionNumber} · evaluated for{' '}
            <time dateTime={view.asOf}>{formatCalendarDate(view.asOf)}</time> · run by {view.createdByName} at{' '}
            <time dateTime={view.createdAt}>{formatClinicZoned(new Date(view.createdAt), timeZone)}</time>
          </>
        }
        actions={
          hasPermission(user.role, 'screening.record') && view.signature === null ? (
            <LinkButton href={`/candidates/${view.candidateId}/eligibility/measurements/new`} variant="secondary">
              Enter screening data
            </LinkButton>
          ) : null
        }
      />

      {view.signature === null && !view.isLatest ? (
        <Alert tone="warning" className="mb-6" title="A newer check exists">
          A newer check of this candidate for this trial has been run since. Only the newest check can be signed; open
          it from the candidate&apos;s page.
        </Alert>
      ) : null}
      {view.signature === null && view.isLatest && !view.isCurrentProtocolVersion ? (
        <Alert tone="warning" className="mb-6" title="The protocol has been amended">
          This check used an earlier protocol version and can no longer be signed.
          {canCheck ? ' Run a new check from the candidate’s page.' : ''}
        </Alert>
      ) : null}

      <OverallSummary
        overall={view.overall}
        computedOverall={view.computedOverall}
        criteria={view.criteria}
        isSigned={view.signature !== null}
      />

      {view.signature ? (
        <div className="mb-6">
          <SignatureBlock signature={view.signature} timeZone={timeZone} />
          <p className="mt-2 text-sm text-slate-600">This check is signed and can no longer be changed.</p>
        </div>
      ) : null}

      {clinicTimeZone ? (
        <CheckReviewForm
          check={{ id: view.id, criteria: view.criteria, draft: view.draft }}
          clinicTimeZone={clinicTimeZone}
        />
      ) : (
        <section aria-labelledby="criteria-heading" className="flex flex-col gap-3">
          <div>
            <h2 id="criteria-heading" className="text-lg font-semibold text-slate-900">
              Criteria
            </h2>
            {view.signature === null && isSignable && !canSign ? (
              <p className="text-sm text-slate-600">
                A clinician reviews the clinician-judgment criteria and signs the decision.
              </p>
            ) : null}
          </div>
          <ol className="flex flex-col gap-3">
            {view.criteria.map((criterion) => (
              <li key={criterion.criterionId}>
                <CriterionItem criterion={criterion} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
