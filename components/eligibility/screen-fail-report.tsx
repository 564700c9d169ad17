import { buttonClasses } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { REFERRAL_SOURCE_LABELS } from '@/lib/dashboard/labels';
import type { ConversionRow, ScreenFailReport } from '@/lib/eligibility/screen-fail-report';

const TH = 'px-3 py-2 font-semibold text-slate-700';
const TD = 'px-3 py-2 align-top';

function share(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

function sourceLabel(row: ConversionRow): string {
  return row.referralSource === 'ALL' ? 'All sources' : REFERRAL_SOURCE_LABELS[row.referralSource];
}

/** Why candidates fail screening for a trial, and how each referral source converts (referred → eligible → enrolled). */
export function ScreenFailReportView({ report }: { report: ScreenFailReport }) {
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card aria-labelledby="blocking-report-heading">
        <CardHeader
          titleId="blocking-report-heading"
          headingLevel="h3"
          title="Screen failures by criterion"
          description={`${report.ineligibleCandidates.toLocaleString('en-US')} candidates ruled out by their latest check or a signed “not eligible” decision; a candidate counts once per criterion.`}
          actions={
            <a
              href={`/api/v1/trials/${report.trial.id}/screen-fail-report?format=csv`}
              download
              className={buttonClasses({ variant: 'secondary', size: 'sm' })}
            >
              Download CSV<span className="sr-only"> of the screen-fail report</span>
            </a>
          }
        />
        <CardBody className="flex flex-col gap-3">
          {report.blockingCriteria.length === 0 ? (
            <p className="text-sm text-slate-700">No saved check has ruled a candidate out for this trial yet.</p>
          ) : (
            <div
              role="region"
              aria-labelledby="blocking-report-heading"
              tabIndex={0}
              className="overflow-x-auto rounded-md border border-slate-200"
            >
              <table className="w-full border-collapse text-left text-sm">
                <thead className="border-b border-slate-200 bg-slate-50">
                  <tr>
                    <th scope="col" className={TH}>
                      Criterion
                    </th>
                    <th scope="col" className={`${TH} text-right`}>
                      Candidates
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.blockingCriteria.map((row) => (
                    <tr key={`${row.kind}:${row.text}`} className="border-b border-slate-100 last:border-b-0">
                      <td className={`${TD} text-slate-900`}>
                        <span className="font-medium text-slate-600">
                          {row.kind === 'inclusion' ? 'Inclusion' : 'Exclusion'}:{' '}
                        </span>
                        {row.text}
                      </td>
                      <td className={`${TD} text-right font-semibold tabular-nums text-slate-900`}>
                        {row.count.toLocaleString('en-US')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {report.decisionsWithoutBlockingCriterion > 0 ? (
            <p className="text-sm text-slate-700">
              {report.decisionsWithoutBlockingCriterion.toLocaleString('en-US')} signed “not eligible”{' '}
              {report.decisionsWithoutBlockingCriterion === 1 ? 'decision rests' : 'decisions rest'} on the
              clinician&apos;s overall judgment rather than a single criterion.
            </p>
          ) : null}
        </CardBody>
      </Card>

      <Card aria-labelledby="conversion-heading">
        <CardHeader
          titleId="conversion-heading"
          headingLevel="h3"
          title="Conversion by referral source"
          description="Candidates on the trial's pipeline, those who reached Eligible, and those enrolled; percentages are of referred."
        />
        <CardBody>
          <div
            role="region"
            aria-labelledby="conversion-heading"
            tabIndex={0}
            className="overflow-x-auto rounded-md border border-slate-200"
          >
            <table className="w-full border-collapse text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50">
                <tr>
                  <th scope="col" className={TH}>
                    Referral source
                  </th>
                  <th scope="col" className={`${TH} text-right`}>
                    Referred
                  </th>
                  <th scope="col" className={`${TH} text-right`}>
                    Eligible
                  </th>
                  <th scope="col" className={`${TH} text-right`}>
                    Enrolled
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.conversion.map((row) => {
                  const isTotal = row.referralSource === 'ALL';
                  return (
                    <tr
                      key={row.referralSource}
                      className={
                        isTotal ? 'border-t-2 border-slate-300 bg-slate-50 font-semibold' : 'border-b border-slate-100'
                      }
                    >
                      <th
                        scope="row"
                        className={`${TD} text-left ${isTotal ? 'font-semibold' : 'font-medium'} text-slate-900`}
                      >
                        {sourceLabel(row)}
                      </th>
                      <td className={`${TD} text-right tabular-nums`}>{row.referred.toLocaleString('en-US')}</td>
                      <td className={`${TD} text-right tabular-nums`}>
                        {row.eligible.toLocaleString('en-US')}{' '}
                        <span className="text-slate-600">({share(row.eligibleRate)})</span>
                      </td>
                      <td className={`${TD} text-right tabular-nums`}>
                        {row.enrolled.toLocaleString('en-US')}{' '}
                        <span className="text-slate-600">({share(row.enrolledRate)})</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
