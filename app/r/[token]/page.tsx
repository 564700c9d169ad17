import type { Metadata } from 'next';
import { SelfReportShell, SelfReportNotice } from '@/components/self-report/self-report-shell';
import { SelfReportStepper } from '@/components/self-report/self-report-stepper';
import { getRequestContext } from '@/lib/auth/request-context';
import { isAppError } from '@/lib/errors/app-error';
import { getSelfReport } from '@/lib/self-report/get-self-report';

export const metadata: Metadata = { title: 'Your questionnaire', referrer: 'no-referrer' };

type Props = { params: Promise<{ token: string }> };

// A participant's own questionnaire, opened from their link: no staff account, no app
// navigation, their first name at most.
export default async function SelfReportPage({ params }: Props) {
  const { token } = await params;
  const { ipAddress } = await getRequestContext();
  try {
    const view = await getSelfReport({ token, ip: ipAddress });
    return (
      <SelfReportShell>
        <SelfReportStepper token={token} firstName={view.firstName} form={view.form} />
      </SelfReportShell>
    );
  } catch (error) {
    if (!isAppError(error) || !['NOT_FOUND', 'GONE', 'RATE_LIMITED'].includes(error.code)) throw error;
    const title =
      error.code === 'GONE'
        ? 'This link no longer works'
        : error.code === 'RATE_LIMITED'
          ? 'Please wait a moment'
          : 'This link is not valid';
    return (
      <SelfReportShell>
        <SelfReportNotice title={title}>{error.message}</SelfReportNotice>
      </SelfReportShell>
    );
  }
}
