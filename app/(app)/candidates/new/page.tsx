import type { Metadata } from 'next';
import Link from 'next/link';
import { CandidateForm } from '@/components/candidates/lazy-forms';
import { coordinatorOptions, trialOptions } from '@/components/candidates/options';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicClock } from '@/lib/clinic/clock';

export const metadata: Metadata = { title: 'New referral' };

export default async function NewReferralPage() {
  const user = await requirePageUser('candidate.edit');
  const [trials, coordinators, clock] = await Promise.all([trialOptions(), coordinatorOptions(), getClinicClock()]);

  return (
    <>
      <PageHeader
        title="New referral"
        description="Who was referred, how to reach them and who referred them. Starred fields are required; everything else can be added later."
        eyebrow={
          <Link href="/candidates" className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> Candidates
          </Link>
        }
      />
      <CandidateForm
        mode="create"
        today={clock.today()}
        trials={trials.map(({ value, label, isRecruiting }) => ({
          value,
          label: isRecruiting ? label : `${label} (not recruiting)`,
        }))}
        coordinators={coordinators}
        defaultCoordinatorId={coordinators.some((option) => option.value === user.id) ? user.id : null}
      />
    </>
  );
}
