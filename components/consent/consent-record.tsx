import { formatCalendarDate } from '@/components/candidates/format';
import type { ConsentDto } from '@/lib/candidates/types';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { ConsentDocumentForm } from './lazy-forms';

type Props = {
  consent: ConsentDto;
  /** Whether the viewer may attach the signed form (pipeline.move). */
  canUpload: boolean;
  headingId: string;
  /** The clinic settings' zone, for upload times. */
  timeZone: string;
};

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The consent of one trial: version, who obtained it, and the signed form with its earlier revisions. */
export function ConsentRecord({ consent, canUpload, headingId, timeZone }: Props) {
  const [current, ...earlier] = consent.documents;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
      <h4 id={headingId} className="text-sm font-semibold text-slate-900">
        Consent
      </h4>
      <p className="text-sm text-slate-900">
        Signed <time dateTime={consent.consentedOn}>{formatCalendarDate(consent.consentedOn)}</time> on form version{' '}
        <span className="font-medium">{consent.formVersion.label}</span>
        {consent.formVersion.isRetired ? ' (since retired)' : ''}, obtained by {consent.obtainedBy.name}.
      </p>
      {current ? (
        <div className="text-sm">
          <p className="text-slate-900">
            Signed form:{' '}
            <a href={current.href} className="font-medium text-brand-700 underline underline-offset-2" download>
              {current.fileName}
            </a>{' '}
            <span className="text-slate-700">
              ({formatSize(current.byteSize)}, uploaded by {current.uploadedBy.name},{' '}
              <time dateTime={current.uploadedAt}>{formatClinicZoned(new Date(current.uploadedAt), timeZone)}</time>
              {current.revision > 1 ? `, revision ${current.revision}` : ''})
            </span>
          </p>
          {current.replaceReason ? <p className="text-slate-700">Replaced because: {current.replaceReason}</p> : null}
          <p className="text-xs text-slate-600">Every download is recorded in the access log.</p>
          {earlier.length > 0 ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-slate-700">Earlier revisions ({earlier.length})</summary>
              <ul className="mt-1 flex flex-col gap-1">
                {earlier.map((document) => (
                  <li key={document.id}>
                    <a href={document.href} className="text-brand-700 underline underline-offset-2" download>
                      Revision {document.revision}: {document.fileName}
                    </a>{' '}
                    <span className="text-slate-700">
                      uploaded by {document.uploadedBy.name},{' '}
                      <time dateTime={document.uploadedAt}>
                        {formatClinicZoned(new Date(document.uploadedAt), timeZone)}
                      </time>
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-700">No signed form attached yet.</p>
      )}
      {canUpload ? <ConsentDocumentForm consentId={consent.id} isReplacement={current !== undefined} /> : null}
    </section>
  );
}
