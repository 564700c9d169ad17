import { after } from 'next/server';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hasPermission } from '@/lib/auth/permissions';
import { getAuditChainStatus, runFullAuditCheck } from '@/lib/audit/get-audit-chain-status';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';

/**
 * The admins' tamper alarm: new audit events are verified on each load (only those since
 * the last checkpoint), a full walk runs in the background once a day, and any failure
 * any check has found stays on the dashboard. `timeZone`: the clinic settings'.
 */
export async function AuditChainPanel({ user, timeZone }: { user: Pick<CurrentUser, 'role'>; timeZone: string }) {
  if (!hasPermission(user.role, 'audit.read')) return null;
  const status = await getAuditChainStatus();
  if (status.isFullCheckDue) after(() => runFullAuditCheck());
  const lastFull = status.lastFullCheckAt ? formatClinicZoned(status.lastFullCheckAt, timeZone) : 'not yet';

  if (!status.isValid)
    return (
      <section
        role="alert"
        aria-labelledby="audit-chain-heading"
        className="mb-8 rounded-lg border-2 border-red-400 bg-red-50 p-4"
      >
        <h2 id="audit-chain-heading" className="text-lg font-semibold text-red-950">
          The audit trail failed verification
        </h2>
        <p className="mt-2 text-sm text-red-950">{status.failure}</p>
        <p className="mt-2 text-sm text-red-900">
          {status.failureFoundAt ? `Found ${formatClinicZoned(status.failureFoundAt, timeZone)}. ` : ''}
          Someone changed the trail outside TrialDesk. Keep the database as it is, run{' '}
          <code className="font-mono">npm run audit:verify</code> and compare with a backup.
        </p>
      </section>
    );

  return (
    <p className="mb-6 text-sm text-slate-700">
      Audit trail verified through event #{status.verifiedThrough}
      {status.isPartial ? ' (more events are being verified)' : ''}; last full check: {lastFull}.
    </p>
  );
}
