import { Badge } from '@/components/ui/badge';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import type { SignatureView } from '@/lib/eligibility/check-view';

/**
 * The e-signature as recorded: who, when (server clock, shown in the clinic settings' `timeZone` with
 * the zone named), what it means, and whether it still matches the content.
 */
export function SignatureBlock({ signature, timeZone }: { signature: SignatureView; timeZone: string }) {
  return (
    <section aria-labelledby="signature-heading" className="rounded-lg border-2 border-slate-300 bg-white p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="signature-heading" className="text-base font-semibold text-slate-900">
          Electronic signature
        </h2>
        {signature.isValid ? (
          <Badge tone="success">
            <span aria-hidden="true" className="mr-1">
              ✓
            </span>
            Signature verified
          </Badge>
        ) : (
          <Badge tone="danger">Signature does not match the signed content</Badge>
        )}
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium text-slate-600">Signed by</dt>
        <dd className="font-semibold text-slate-900">{signature.signerName}</dd>
        <dt className="font-medium text-slate-600">Signed at</dt>
        <dd className="text-slate-900">
          <time dateTime={signature.signedAt}>
            {formatClinicZoned(new Date(signature.signedAt), timeZone, 'precise')}
          </time>{' '}
          (server time)
        </dd>
        <dt className="font-medium text-slate-600">Meaning</dt>
        <dd className="text-slate-900">{signature.meaning}</dd>
      </dl>
      {!signature.isValid ? (
        <p className="mt-3 text-sm font-medium text-red-800">
          The check&apos;s content no longer matches the hash recorded when it was signed. Treat this decision as
          unreliable and tell the study lead.
        </p>
      ) : null}
    </section>
  );
}
