import type { Metadata } from 'next';
import { MfaSetupPanel } from '@/components/account/lazy-forms';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getMfaStatus } from '@/lib/auth/mfa/get-mfa-status';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';

export const metadata: Metadata = { title: 'Two-factor sign-in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TwoFactorPage({ searchParams }: Props) {
  const user = await requirePageUser('account.self');
  const [status, timeZone] = await Promise.all([getMfaStatus(user.id, user.role), getClinicTimeZone()]);
  const wasSentHere = (await searchParams).required === '1';

  return (
    <>
      <PageHeader
        title="Two-factor sign-in"
        description="A code from an app on your phone, asked for at every sign-in, so a stolen password alone cannot get in."
      />
      {wasSentHere && !status.isEnabled ? (
        <Alert tone="warning" className="mb-6">
          Your role must use two-factor sign-in. Set it up to continue using TrialDesk.
        </Alert>
      ) : null}
      <Card aria-labelledby="mfa-heading" className="max-w-xl">
        <CardHeader title={status.isEnabled ? 'On' : 'Off'} titleId="mfa-heading" />
        <CardBody>
          {status.isEnabled && status.enabledAt ? (
            <div className="flex flex-col gap-2 text-sm text-slate-700">
              <p>Turned on {formatClinicZoned(status.enabledAt, timeZone)}.</p>
              <p>
                {status.recoveryCodesLeft} unused recovery code{status.recoveryCodesLeft === 1 ? '' : 's'} left. Lost
                your phone? Ask an administrator to reset two-factor sign-in, then set it up again.
              </p>
            </div>
          ) : (
            <MfaSetupPanel />
          )}
        </CardBody>
      </Card>
    </>
  );
}
