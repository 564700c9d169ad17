import type { Metadata } from 'next';
import Link from 'next/link';
import { TrialForm } from '@/components/trials/lazy-forms';
import { trialToFormValues } from '@/components/trials/trial-form-values';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { loadTrial } from '../load-trial';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requirePageUser('trial.edit');
  const trial = await loadTrial((await params).id);
  return { title: `Edit ${trial.shortTitle ?? trial.title}` };
}

export default async function EditTrialPage({ params }: Props) {
  await requirePageUser('trial.edit');
  const trial = await loadTrial((await params).id);
  // A masked trial gives no per-arm count: once anyone is enrolled, no arm can be removed.
  const enrollmentByArmId = Object.fromEntries(
    trial.arms.map((arm) => [arm.id, arm.enrollmentCount ?? trial.enrolledCount]),
  );
  return (
    <>
      <PageHeader
        title={`Edit ${trial.shortTitle ?? trial.title}`}
        description={`${trial.nctId ?? 'Local study'} · protocol version ${trial.protocolVersion.number}`}
        eyebrow={
          <Link href={`/trials/${trial.id}`} className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> {trial.shortTitle ?? trial.title}
          </Link>
        }
      />
      <div className="max-w-5xl">
        <TrialForm
          // A new key after every save, so the form never keeps values from before someone else's change.
          key={`${trial.id}-${trial.version}`}
          mode="edit"
          trialId={trial.id}
          defaultValues={trialToFormValues(trial)}
          hasScreenings={trial.hasScreenings}
          protocolVersion={trial.protocolVersion.number}
          enrollmentByArmId={enrollmentByArmId}
        />
      </div>
    </>
  );
}
