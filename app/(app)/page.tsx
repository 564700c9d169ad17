import { format, parseISO } from 'date-fns';
import type { Metadata } from 'next';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { AuditChainPanel } from '@/components/audit/audit-chain-panel';
import { FollowUpPanel } from '@/components/candidates/follow-up-panel';
import { DashboardDiscrepancies } from '@/components/drug-inventory/dashboard-discrepancies';
import { SeriousAePanel } from '@/components/infusions/serious-ae-panel';
import { SafetyAlertsPanel } from '@/components/safety/safety-alerts-panel';
import { UnblindingReviewPanel } from '@/components/blinding/unblinding-review-panel';
import { RecentReferrals } from '@/components/dashboard/recent-referrals';
import { StageBarList } from '@/components/dashboard/stage-bar-list';
import { TrialPipelineTable } from '@/components/dashboard/trial-pipeline-table';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Stat, StatGrid } from '@/components/ui/stat';
import { getPageContext } from '@/lib/auth/page-context';
import { hasPermission, type Permission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getDashboardStats } from '@/lib/dashboard/get-dashboard-stats';
import { OVERALL_STATUS_LABELS, VISIT_STATUS_LABELS } from '@/lib/dashboard/labels';

export const metadata: Metadata = { title: 'Dashboard' };

// Only pages that exist belong here; add an entry when its page ships.
const QUICK_ACTIONS: Array<{ href: string; label: string; permission: Permission }> = [
  { href: '/candidates/new', label: 'New referral', permission: 'candidate.edit' },
  { href: '/schedule', label: 'Today at the clinic', permission: 'schedule.read' },
  { href: '/outcomes/due', label: 'Questionnaires due', permission: 'outcome.record' },
  { href: '/trials/import', label: 'Import a trial from ClinicalTrials.gov', permission: 'trial.edit' },
  { href: '/admin/users/new', label: 'Add a staff account', permission: 'user.manage' },
  { href: '/admin/audit', label: 'Review the audit trail', permission: 'audit.read' },
];

const numberFormat = new Intl.NumberFormat('en-US');
const day = (date: string, pattern: string) => format(parseISO(date), pattern);

export default async function DashboardPage() {
  const user = await requirePageUser('dashboard.read');
  const canReadCandidates = hasPermission(user.role, 'candidate.read');
  const timeZone = await getClinicTimeZone();
  const stats = await getDashboardStats({ timeZone, includeReferrals: canReadCandidates });
  const actions = QUICK_ACTIONS.filter((action) => hasPermission(user.role, action.permission));
  const { trials, pipeline, visitsThisWeek: visits } = stats;
  const weekLabel = `${day(visits.weekStart, 'EEE d MMM')} – ${day(visits.weekEnd, 'EEE d MMM yyyy')}`;

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Trials, candidates and infusion visits across the clinic, counted from TrialDesk's records when this page loaded."
        actions={actions.map((action, index) => (
          <LinkButton key={action.href} href={action.href} variant={index === 0 ? 'primary' : 'secondary'}>
            {action.label}
          </LinkButton>
        ))}
      />

      {/* Safety first: open alerts stay at the top until a clinician acknowledges them. */}
      <SafetyAlertsPanel user={user} />
      <UnblindingReviewPanel user={user} timeZone={timeZone} />
      <AuditChainPanel user={user} timeZone={timeZone} />

      <section aria-labelledby="at-a-glance" className="mb-8">
        <h2 id="at-a-glance" className="sr-only">
          At a glance
        </h2>
        <StatGrid>
          <Stat
            label="Recruiting trials"
            value={trials.recruiting}
            highlight
            hint={`of ${numberFormat.format(trials.total)} trials in TrialDesk`}
          />
          <Stat label="Candidates in pipelines" value={pipeline.total} hint="Counted once per trial they are in" />
          <Stat label="Visits this week" value={visits.total} hint={`${weekLabel}, not cancelled`} />
          <Stat
            label="Referred, not yet contacted"
            value={pipeline.totals.REFERRED}
            hint="In the Referred stage of any trial"
          />
        </StatGrid>
      </section>

      {/* What to do next: uncontacted referrals and overdue follow-ups (coordinators), the review queue (clinicians). */}
      <DashboardDiscrepancies user={user} timeZone={timeZone} />
      <SeriousAePanel user={user} timeZone={timeZone} />
      <FollowUpPanel role={user.role} ctx={await getPageContext(user)} timeZone={timeZone} />

      <div className="mb-8 grid gap-6 lg:grid-cols-5">
        <Card aria-labelledby="stage-heading" className="lg:col-span-3">
          <CardHeader
            titleId="stage-heading"
            title="Candidates by pipeline stage"
            description="All trials together; a candidate in two trials counts in both."
          />
          <CardBody>
            {pipeline.total === 0 ? (
              <EmptyState
                title="No candidates in a trial pipeline yet"
                description="Counts appear here once candidates are added to a trial."
              />
            ) : (
              <StageBarList totals={pipeline.totals} labelledBy="stage-heading" />
            )}
          </CardBody>
        </Card>

        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card aria-labelledby="status-heading">
            <CardHeader titleId="status-heading" title="Trials by status" />
            <CardBody>
              {trials.total === 0 ? (
                <EmptyState title="No trials yet" description="Trials appear here once they are created or imported." />
              ) : (
                <ul className="flex flex-col gap-1.5 text-sm">
                  {trials.byStatus.map(({ status, count }) => {
                    const isRecruiting = status === 'RECRUITING';
                    return (
                      <li
                        key={status}
                        className={`flex items-center justify-between gap-3 rounded-md px-3 py-2 ${isRecruiting ? 'bg-emerald-50 ring-1 ring-emerald-300' : ''}`}
                      >
                        {isRecruiting ? (
                          <Badge tone="success">{OVERALL_STATUS_LABELS[status]}</Badge>
                        ) : (
                          <span className="text-slate-700">{OVERALL_STATUS_LABELS[status]}</span>
                        )}
                        <span
                          className={`tabular-nums ${isRecruiting ? 'font-bold text-slate-900' : 'font-semibold text-slate-900'}`}
                        >
                          {numberFormat.format(count)}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </CardBody>
          </Card>

          <Card aria-labelledby="visits-heading">
            <CardHeader titleId="visits-heading" title="Visits this week" description={`${weekLabel} (clinic time)`} />
            <CardBody>
              <dl className="grid grid-cols-2 gap-3 text-sm">
                {visits.byStatus.map(({ status, count }) => (
                  <div key={status} className="rounded-md bg-slate-50 px-3 py-2">
                    <dt className="text-slate-700">{VISIT_STATUS_LABELS[status]}</dt>
                    <dd className="text-xl font-semibold text-slate-900 tabular-nums">{numberFormat.format(count)}</dd>
                  </div>
                ))}
              </dl>
            </CardBody>
          </Card>
        </div>
      </div>

      <Card aria-labelledby="by-trial-heading" className="mb-8">
        <CardHeader
          titleId="by-trial-heading"
          title="Pipeline by trial"
          description="Recruiting trials are listed even before their first candidate."
        />
        {pipeline.byTrial.length === 0 ? (
          <CardBody>
            <EmptyState title="No trial has candidates yet" />
          </CardBody>
        ) : (
          <TrialPipelineTable rows={pipeline.byTrial} totals={pipeline.totals} />
        )}
      </Card>

      {stats.recentReferrals ? (
        <Card aria-labelledby="referrals-heading">
          <CardHeader
            titleId="referrals-heading"
            title="Recent referrals"
            description="The 10 latest by referral date."
          />
          {stats.recentReferrals.length === 0 ? (
            <CardBody>
              <EmptyState title="No referrals logged yet" />
            </CardBody>
          ) : (
            <RecentReferrals referrals={stats.recentReferrals} />
          )}
        </Card>
      ) : null}
    </>
  );
}
