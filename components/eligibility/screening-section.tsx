import 'server-only';
import Link from 'next/link';
import { formatCalendarDate } from '@/components/candidates/format';
import { LinkButton } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { CurrentUser } from '@/lib/auth/current-user';
import { getPageContext } from '@/lib/auth/page-context';
import { hasPermission } from '@/lib/auth/permissions';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { listChecks } from '@/lib/eligibility/list-checks';
import { isAppError } from '@/lib/errors/app-error';
import { listMeasurements } from '@/lib/screening/list-measurements';
import { loadCandidateTrials } from '@/lib/eligibility/load-candidate-trials';
import { OVERALL_LABELS } from './labels';
import { formatMeasurementValue, latestByGroup } from './latest-measurements';
import { MEASURE_GROUP_LABELS } from './measure-catalog';
import { OverallBadge } from './result-badges';
import { RunCheckButton } from './run-check-button';

/** `timeZone`: the clinic settings' zone, from the page, so check and signature times read on the clinic clock. */
type Props = { candidateId: string; user: CurrentUser; timeZone: string };

const TH = 'px-3 py-2 font-semibold text-slate-700';
const TD = 'px-3 py-2 align-top';

/**
 * The candidate page's screening and eligibility section: the latest value of
 * each measure with its date and who entered it, the saved eligibility checks,
 * and (by permission) the ways to add data and run a check.
 */
export async function EligibilitySection({ candidateId, user, timeZone }: Props) {
  const ctx = await getPageContext(user);
  let loaded;
  try {
    loaded = await Promise.all([
      listMeasurements({ candidateId, ctx }),
      listChecks({ candidateId, ctx }),
      loadCandidateTrials(candidateId),
    ]);
  } catch (error) {
    // A voided record keeps its data for the audit trail, but no new work happens on it.
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      return (
        <Card aria-labelledby="eligibility-heading" id="eligibility">
          <CardHeader titleId="eligibility-heading" title="Screening data and eligibility" />
          <CardBody>
            <p className="text-sm text-slate-700">
              This record is voided: screening data cannot be entered and eligibility checks cannot be run.
            </p>
          </CardBody>
        </Card>
      );
    }
    throw error;
  }
  const [measurements, checks, trials] = loaded;
  const groups = latestByGroup(measurements);
  const canRecord = hasPermission(user.role, 'screening.record');
  const canCheck = hasPermission(user.role, 'eligibility.check');

  return (
    <Card aria-labelledby="eligibility-heading" id="eligibility">
      <CardHeader
        titleId="eligibility-heading"
        title="Screening data and eligibility"
        description="Latest value of each measure, and every eligibility check with its result."
        actions={
          canRecord ? (
            <LinkButton href={`/candidates/${candidateId}/eligibility/measurements/new`} variant="primary">
              Enter screening data
            </LinkButton>
          ) : null
        }
      />
      <CardBody className="flex flex-col gap-6">
        <section aria-labelledby="latest-measurements-heading" className="flex flex-col gap-3">
          <h3 id="latest-measurements-heading" className="text-sm font-semibold text-slate-900">
            Latest screening values
          </h3>
          {groups.length === 0 ? (
            <p className="text-sm text-slate-700">
              No screening measurements are on file.{canRecord ? ' Use “Enter screening data” to add them.' : ''}
            </p>
          ) : (
            <div className="grid gap-4 lg:grid-cols-2">
              {groups.map((group) => (
                <div
                  key={group.id}
                  role="region"
                  aria-labelledby={`measure-group-${group.id}`}
                  tabIndex={0}
                  className="overflow-x-auto rounded-md border border-slate-200"
                >
                  <table className="w-full border-collapse text-left text-sm">
                    <caption
                      id={`measure-group-${group.id}`}
                      className="bg-slate-50 px-3 py-2 text-left text-sm font-semibold text-slate-900"
                    >
                      {MEASURE_GROUP_LABELS[group.id]}
                    </caption>
                    <thead className="border-b border-slate-200">
                      <tr>
                        <th scope="col" className={TH}>
                          Measure
                        </th>
                        <th scope="col" className={TH}>
                          Value
                        </th>
                        <th scope="col" className={TH}>
                          Date
                        </th>
                        <th scope="col" className={TH}>
                          Entered by
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {group.items.map((m) => (
                        <tr key={m.id} className="border-b border-slate-100 last:border-b-0">
                          <th scope="row" className={`${TD} font-medium text-slate-900`}>
                            {m.label}
                          </th>
                          <td className={`${TD} text-slate-900`}>{formatMeasurementValue(m)}</td>
                          <td className={`${TD} whitespace-nowrap text-slate-700`}>
                            <time dateTime={m.measuredOn}>{formatCalendarDate(m.measuredOn)}</time>
                          </td>
                          <td className={`${TD} text-slate-700`}>{m.enteredBy.name}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
            </div>
          )}
        </section>

        <section aria-labelledby="eligibility-checks-heading" className="flex flex-col gap-3">
          <h3 id="eligibility-checks-heading" className="text-sm font-semibold text-slate-900">
            Eligibility checks
          </h3>
          {canCheck ? (
            trials.length === 0 ? (
              <p className="text-sm text-slate-700">Add the candidate to a trial to run an eligibility check.</p>
            ) : (
              <ul className="flex flex-col gap-2" aria-label="Run an eligibility check">
                {trials.map((trial) => (
                  <li
                    key={trial.trialId}
                    className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-2"
                  >
                    <span className="text-sm font-medium text-slate-900">{trial.label}</span>
                    <RunCheckButton candidateId={candidateId} trial={trial} variant="secondary" size="sm" />
                  </li>
                ))}
              </ul>
            )
          ) : null}
          {checks.length === 0 ? (
            <p className="text-sm text-slate-700">No eligibility check has been run for this candidate.</p>
          ) : (
            <div
              role="region"
              aria-labelledby="eligibility-checks-heading"
              tabIndex={0}
              className="overflow-x-auto rounded-md border border-slate-200"
            >
              <table className="w-full border-collapse text-left text-sm">
                <thead className="border-b border-slate-200 bg-slate-50">
                  <tr>
                    <th scope="col" className={TH}>
                      Trial
                    </th>
                    <th scope="col" className={TH}>
                      Checked
                    </th>
                    <th scope="col" className={TH}>
                      Result
                    </th>
                    <th scope="col" className={TH}>
                      Signed
                    </th>
                    <th scope="col" className={TH}>
                      <span className="sr-only">Open</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {checks.map((check) => (
                    <tr key={check.id} className="border-b border-slate-100 last:border-b-0">
                      <td className={`${TD} text-slate-900`}>
                        {check.trial.label}
                        <span className="block text-xs text-slate-600">
                          Protocol version {check.protocolVersionNumber}
                        </span>
                      </td>
                      <td className={`${TD} whitespace-nowrap text-slate-700`}>
                        <time dateTime={check.createdAt}>{formatClinicZoned(new Date(check.createdAt), timeZone)}</time>
                        <span className="block text-xs text-slate-600">by {check.createdBy.name}</span>
                      </td>
                      <td className={TD}>
                        <OverallBadge overall={check.overall} />
                      </td>
                      <td className={`${TD} text-slate-700`}>
                        {check.isSigned && check.signedAt ? (
                          <>
                            {check.signerName}
                            <span className="block text-xs text-slate-600">
                              <time dateTime={check.signedAt}>
                                {formatClinicZoned(new Date(check.signedAt), timeZone)}
                              </time>
                            </span>
                          </>
                        ) : (
                          'Not signed'
                        )}
                      </td>
                      <td className={`${TD} text-right`}>
                        <Link
                          href={`/candidates/${candidateId}/eligibility/${check.id}`}
                          className="inline-flex min-h-9 items-center font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
                        >
                          View check
                          <span className="sr-only">
                            : {check.trial.label}, {OVERALL_LABELS[check.overall]},{' '}
                            {formatClinicZoned(new Date(check.createdAt), timeZone)}
                          </span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </CardBody>
    </Card>
  );
}
