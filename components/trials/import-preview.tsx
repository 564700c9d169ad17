import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { describeRule } from '@/lib/eligibility/describe-rule';
import type { ImportPreviewItem, TrialChange } from '@/lib/trials/types';
import { describeDosing } from '@/lib/dosing/describe-dosing';
import { ARM_TYPE_LABELS, formatPhases, STATUS_LABELS } from './labels';

/** A changed value in words: text as is, lists joined, structured values as compact JSON. */
export function formatChangeValue(value: unknown): string {
  if (value === undefined) return '(not there)';
  if (value === null || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return value.length === 0 ? '(none)' : value.join(', ');
  }
  return JSON.stringify(value);
}

export type ChangesTableProps = { changes: TrialChange[]; caption: string; beforeLabel?: string; afterLabel?: string };

export function ChangesTable({
  changes,
  caption,
  beforeLabel = 'Now',
  afterLabel = 'After import',
}: ChangesTableProps) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
              Field
            </th>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
              {beforeLabel}
            </th>
            <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
              {afterLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.path} className="border-b border-slate-100 last:border-b-0">
              <th scope="row" className="px-3 py-2 text-left align-top font-medium text-slate-900">
                {change.label}
              </th>
              <td className="max-w-sm px-3 py-2 align-top break-words text-slate-700">
                {formatChangeValue(change.before)}
              </td>
              <td className="max-w-sm px-3 py-2 align-top break-words text-slate-900">
                {formatChangeValue(change.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums">{value}</dd>
    </div>
  );
}

/** What importing one study will save: identity, counts, criteria with suggested rules, suggested dosing, and changes for a re-import. */
export function ImportPreviewCard({ item, index }: { item: ImportPreviewItem; index: number }) {
  const { draft } = item;
  const headingId = `import-study-${index}`;
  const withSuggestion = draft.criteria.filter((criterion) => criterion.suggestedRule !== null).length;
  const isUpdate = item.existingTrialId !== null;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="font-mono text-sm text-slate-700">{draft.nctId}</p>
          <h3 id={headingId} className="text-lg font-semibold text-slate-900">
            {draft.shortTitle ?? draft.title}
          </h3>
          {draft.shortTitle ? <p className="text-sm text-slate-700">{draft.title}</p> : null}
          <p className="mt-1 text-sm text-slate-700">
            {STATUS_LABELS[draft.overallStatus]} · {formatPhases(draft.phases)}
            {draft.leadSponsor ? ` · ${draft.leadSponsor}` : ''}
          </p>
          <p className="text-sm text-slate-700">
            Registry record last updated {item.registryVersion.incoming ?? '(not stated)'}
            {item.registryVersion.stored !== null ? ` · already imported: ${item.registryVersion.stored}` : ''}
          </p>
        </div>
        {item.registryVersion.isOlder ? (
          <Badge tone="danger">Older registry version</Badge>
        ) : isUpdate ? (
          <Badge tone="warning">Updates an existing trial</Badge>
        ) : (
          <Badge tone="success">New trial</Badge>
        )}
      </div>

      {isUpdate ? (
        <p className="mt-2 text-sm text-slate-700">
          This NCT id is already in TrialDesk:{' '}
          <Link
            href={`/trials/${item.existingTrialId}`}
            className="font-medium text-brand-700 underline underline-offset-2"
          >
            open the current record
          </Link>
          . Confirmed rules and dosing are kept where the criterion or arm is unchanged.
        </p>
      ) : null}
      {item.amendsProtocol ? (
        <Alert tone="warning" live="none" className="mt-3" title="This import amends the protocol">
          People have been screened for this trial, so the changed criteria or dosing are saved as a new protocol
          version. Their screenings keep the version they used.
        </Alert>
      ) : null}
      {item.warnings.length > 0 ? (
        <Alert
          tone="warning"
          live="none"
          className="mt-3"
          title={item.warnings.length === 1 ? '1 import warning' : `${item.warnings.length} import warnings`}
        >
          <ul className="list-disc pl-5">
            {item.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <dl className="mt-4 grid grid-cols-2 gap-2 sm:grid-cols-5">
        <Count label="Arms" value={draft.arms.length} />
        <Count label="Interventions" value={draft.interventions.length} />
        <Count label="Criteria" value={draft.criteria.length} />
        <Count label="Suggested rules" value={withSuggestion} />
        <Count label="Sites" value={draft.sites.length} />
      </dl>

      {isUpdate ? (
        <section aria-labelledby={`${headingId}-changes`} className="mt-5">
          <h4 id={`${headingId}-changes`} className="mb-2 text-sm font-semibold text-slate-900">
            What changes
          </h4>
          {item.changes.length === 0 ? (
            <p className="text-sm text-slate-700">Nothing: the record in TrialDesk already matches the registry.</p>
          ) : (
            <ChangesTable changes={item.changes} caption={`Changes to ${draft.nctId}`} />
          )}
        </section>
      ) : null}

      <section aria-labelledby={`${headingId}-arms`} className="mt-5">
        <h4 id={`${headingId}-arms`} className="mb-2 text-sm font-semibold text-slate-900">
          Arms and suggested dosing
        </h4>
        {draft.arms.length === 0 ? (
          <p className="text-sm text-slate-700">The registry lists no arms.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {draft.arms.map((arm) => (
              <li key={arm.label} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
                <span className="font-medium text-slate-900">{arm.label}</span>{' '}
                <span className="text-slate-600">({ARM_TYPE_LABELS[arm.type]})</span>
                {arm.dosing ? (
                  <p className="mt-1 text-slate-800">
                    <Badge tone="success">Confirmed dosing</Badge> {describeDosing(arm.dosing)}
                  </p>
                ) : arm.suggestedDosing ? (
                  <p className="mt-1 text-slate-800">
                    <Badge tone="warning">Suggested dosing</Badge> {describeDosing(arm.suggestedDosing)}
                  </p>
                ) : (
                  <p className="mt-1 text-slate-600">No dosing read from the registry text.</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={`${headingId}-criteria`} className="mt-5">
        <h4 id={`${headingId}-criteria`} className="mb-2 text-sm font-semibold text-slate-900">
          Eligibility criteria
        </h4>
        {draft.criteria.length === 0 ? (
          <p className="text-sm text-slate-700">The registry lists no eligibility criteria.</p>
        ) : (
          <ol className="flex flex-col gap-1.5">
            {draft.criteria.map((criterion, position) => (
              <li
                key={`${position}-${criterion.text}`}
                className="rounded-md border border-slate-100 px-3 py-2 text-sm"
              >
                <span className="mr-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                  {criterion.kind === 'INCLUSION' ? 'Inclusion' : 'Exclusion'}
                </span>
                <span className="whitespace-pre-line text-slate-900">{criterion.text}</span>
                {criterion.rule ? (
                  <p className="mt-1">
                    <Badge tone="success">Confirmed rule</Badge>{' '}
                    <span className="text-slate-900">{describeRule(criterion.rule)}</span>
                  </p>
                ) : criterion.suggestedRule ? (
                  <p className="mt-1">
                    <Badge tone="warning">Suggested rule</Badge>{' '}
                    <span className="text-slate-900">{describeRule(criterion.suggestedRule)}</span>
                  </p>
                ) : (
                  <p className="mt-1 text-slate-600">Clinician judgment</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
