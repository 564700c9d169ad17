import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { SelfReportNotice, SelfReportShell } from '@/components/self-report/self-report-shell';
import { TabletRunner } from '@/components/self-report/tablet-runner';
import { isAppError } from '@/lib/errors/app-error';
import { getTabletQueue, TABLET_COOKIE } from '@/lib/self-report/tablet-session';

export const metadata: Metadata = { title: 'Questionnaires' };

// Clinic tablet mode: the participant answers their queued questionnaires; nothing else of
// the app is reachable (the staff session cookie was removed when the mode started).
export default async function TabletPage() {
  const token = (await cookies()).get(TABLET_COOKIE)?.value;
  try {
    const queue = await getTabletQueue({ token });
    return (
      <SelfReportShell>
        <TabletRunner queue={queue} />
      </SelfReportShell>
    );
  } catch (error) {
    if (!isAppError(error) || error.code !== 'UNAUTHENTICATED') throw error;
    return (
      <SelfReportShell>
        <SelfReportNotice title="Tablet mode is not active">
          Please hand the tablet back to a member of staff.{' '}
          <Link href="/signin" className="text-sky-800 underline">
            Staff sign-in
          </Link>
        </SelfReportNotice>
      </SelfReportShell>
    );
  }
}
