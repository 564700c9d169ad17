import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { ProtocolVersionComparison } from '@/lib/trials/compare-protocol-versions';
import type { ChangeKind, ValueChange } from '@/lib/trials/diff-protocol-versions';
import { formatInstant } from './format';
import { instrumentLabel } from './labels';

const CHANGE_BADGES: Record<ChangeKind, { label: string; tone: 'success' | 'danger' | 'warning' }> = {
  added: { label: 'Added', tone: 'success' },
  removed: { label: 'Removed', tone: 'danger' },
  changed: { label: 'Changed', tone: 'warning' },
};

function ChangeBadge({ change }: { change: ChangeKind }) {
  return <Badge tone={CHANGE_BADGES[change].tone}>{CHANGE_BADGES[change].label}</Badge>;
}

function BeforeAfter({ before, after }: { before: string | null; after: string | null }) {
  return (
    <dl className="grid gap-1 text-sm sm:grid-cols-[6rem_1fr]">
      {before !== null ? (
        <>
          <dt className="font-medium text-slate-600">Before</dt>
          <dd className="break-words text-slate-900">
            <del className="decoration-red-700">{before}</del>
          </dd>
        </>
      ) : null}
      {after !== null ? (
        <>
          <dt className="font-medium text-slate-600">After</dt>
          <dd className="break-words text-slate-900">
            <ins className="no-underline">{after}</ins>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function ValueTable({ caption, values }: { caption: string; values: ValueChange[] }) {
  if (values.length === 0) return null;
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="py-2 text-left font-semibold text-slate-900">{caption}</caption>
      <thead className="border-y border-slate-200 bg-slate-50">
        <tr>
          <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
            Field
          </th>
          <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
            Before
          </th>
          <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
            After
          </th>
        </tr>
      </thead>
      <tbody>
        {values.map((value) => (
          <tr key={value.field} className="border-b border-slate-100">
            <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
              {value.label}
            </th>
            <td className="px-3 py-2 break-all text-slate-800">{value.before ?? '—'}</td>
            <td className="px-3 py-2 break-all text-slate-800">{value.after ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function VersionCard({
  label,
  version,
  timeZone,
}: {
  label: string;
  version: ProtocolVersionComparison['from'];
  timeZone: string;
}) {
  return (
    <div className="rounded-md border border-slate-200 bg-white p-4 text-sm">
      <p className="font-semibold text-slate-900">
        {label}: version {version.number}
      </p>
      <p className="text-slate-700">
        {formatInstant(version.createdAt, timeZone)} · {version.createdBy?.name ?? 'System'}
      </p>
      <p className="mt-1 text-slate-800">
        <span className="font-medium">Reason: </span>
        {version.reason ?? (version.number === 1 ? 'Original protocol' : 'No reason recorded')}
      </p>
    </div>
  );
}

/** The changes between two protocol versions, as compareProtocolVersions returned them. */
/** `timeZone`: the clinic settings' zone, from the page. */
export function VersionDiff({ diff, timeZone }: { diff: ProtocolVersionComparison; timeZone: string }) {
  const isSame =
    diff.criteria.length === 0 &&
    diff.arms.length === 0 &&
    diff.assessmentPlan.length === 0 &&
    !diff.isArmDosingWithheld;
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-4 md:grid-cols-2">
        <VersionCard label="From" version={diff.from} timeZone={timeZone} />
        <VersionCard label="To" version={diff.to} timeZone={timeZone} />
      </div>
      {isSame ? <Alert tone="info">These versions have the same criteria, dosing and assessment plan.</Alert> : null}

      <Card aria-labelledby="diff-criteria-heading">
        <CardHeader titleId="diff-criteria-heading" title={`Eligibility criteria (${diff.criteria.length} changed)`} />
        <CardBody>
          {diff.criteria.length === 0 ? (
            <p className="text-sm text-slate-700">No criterion changed.</p>
          ) : (
            <ol className="flex flex-col gap-4">
              {diff.criteria.map((item) => (
                <li
                  key={`${item.kind}-${item.numberBefore}-${item.numberAfter}`}
                  className="border-b border-slate-100 pb-3"
                >
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    <ChangeBadge change={item.change} />
                    {item.kind === 'INCLUSION' ? 'Inclusion' : 'Exclusion'} criterion{' '}
                    {item.numberAfter ?? item.numberBefore}
                    {item.numberBefore !== null && item.numberAfter !== null && item.numberBefore !== item.numberAfter
                      ? ` (was ${item.numberBefore})`
                      : null}
                  </p>
                  {item.change === 'changed' ? (
                    <div className="mt-2 flex flex-col gap-2">
                      {item.isTextChanged ? (
                        <BeforeAfter before={item.textBefore} after={item.textAfter} />
                      ) : (
                        <p className="text-sm text-slate-800">{item.textAfter}</p>
                      )}
                      {item.isRuleChanged ? (
                        <div>
                          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Rule</p>
                          <BeforeAfter before={item.ruleBefore} after={item.ruleAfter} />
                        </div>
                      ) : null}
                    </div>
                  ) : (
                    <div className="mt-2 text-sm text-slate-800">
                      <p>{item.textAfter ?? item.textBefore}</p>
                      <p className="text-slate-600">Rule: {item.ruleAfter ?? item.ruleBefore}</p>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
        </CardBody>
      </Card>

      <Card aria-labelledby="diff-dosing-heading">
        <CardHeader titleId="diff-dosing-heading" title="Dosing and session schedule" />
        <CardBody className="flex flex-col gap-4">
          {diff.isArmDosingWithheld ? (
            <Alert tone="warning" live="none">
              Changes that differ between arms are not shown: this trial is masked and you are not unblinded for it.
            </Alert>
          ) : null}
          {diff.arms.length === 0 && !diff.isArmDosingWithheld ? (
            <p className="text-sm text-slate-700">No confirmed dosing or schedule changed.</p>
          ) : null}
          {diff.arms.map((arm) => (
            <section key={arm.armLabel ?? 'all-arms'} aria-label={arm.armLabel ?? 'All arms'}>
              <h3 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                <ChangeBadge change={arm.change} />
                {arm.armLabel ? `Arm “${arm.armLabel}”` : 'All arms alike'}
              </h3>
              <div className="overflow-x-auto">
                <ValueTable caption="Dosing" values={arm.dosing} />
                <ValueTable caption="Session schedule" values={arm.schedule} />
              </div>
            </section>
          ))}
        </CardBody>
      </Card>

      <Card aria-labelledby="diff-plan-heading">
        <CardHeader titleId="diff-plan-heading" title={`Assessment plan (${diff.assessmentPlan.length} changed)`} />
        <CardBody>
          {diff.assessmentPlan.length === 0 ? (
            <p className="text-sm text-slate-700">No assessment changed.</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {diff.assessmentPlan.map((item) => (
                <li key={`${item.instrument}-${item.timepoint}`} className="text-sm">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    <ChangeBadge change={item.change} />
                    {instrumentLabel(item.instrument)} · {item.timepointLabel}
                  </p>
                  <p className="text-slate-700">
                    Window: <BeforeAfterInline before={item.windowBefore} after={item.windowAfter} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
    </div>
  );
}

function BeforeAfterInline({ before, after }: { before: string | null; after: string | null }) {
  if (before !== null && after !== null && before !== after)
    return (
      <>
        <del>{before}</del> → <ins className="no-underline">{after}</ins>
      </>
    );
  return <>{after ?? before}</>;
}
