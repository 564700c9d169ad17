import type { Metadata } from 'next';
import Link from 'next/link';
import { PrescreenPanel } from '@/components/eligibility/prescreen-panel';
import { ScreenFailReportView } from '@/components/eligibility/screen-fail-report';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { getScreenFailReport } from '@/lib/eligibility/screen-fail-report';
import { loadTrial } from '../load-trial';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageUser('eligibility.check');
  const trial = await loadTrial((await params).id);
  return { title: `Pre-screen · ${trial.shortTitle ?? trial.title}` };
}

export default async function TrialPrescreenPage({ params }: Props) {
  await requirePageUser('eligibility.check');
  const trial = await loadTrial((await params).id);
  const report = await getScreenFailReport(trial.id);

  return (
    <>
      <PageHeader
        title="Pre-screen and screen failures"
        eyebrow={
          <Link href={`/trials/${trial.id}`} className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> {trial.shortTitle ?? trial.title}
          </Link>
        }
        description={`${trial.nctId ? `${trial.nctId} · ` : ''}Protocol version ${trial.protocolVersion.number}. Find who may be eligible, what rules candidates out, and what data is still missing.`}
      />
      <div className="flex flex-col gap-10">
        <PrescreenPanel trialId={trial.id} timeZone={await getClinicTimeZone()} />
        <section aria-labelledby="screen-fail-heading" className="flex flex-col gap-4">
          <div>
            <h2 id="screen-fail-heading" className="text-lg font-semibold text-slate-900">
              Screen-fail report
            </h2>
            <p className="text-sm text-slate-600">
              From saved eligibility checks, signed decisions and the trial&apos;s pipeline.
            </p>
          </div>
          <ScreenFailReportView report={report} />
        </section>
      </div>
    </>
  );
}
