import type { Metadata } from 'next';
import Link from 'next/link';
import { TrialForm } from '@/components/trials/lazy-forms';
import { emptyTrialValues } from '@/components/trials/trial-form-values';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/require-page-user';

export const metadata: Metadata = { title: 'New trial' };

export default async function NewTrialPage() {
  await requirePageUser('trial.edit');
  return (
    <>
      <PageHeader
        title="New trial"
        description="For a study that is not on ClinicalTrials.gov, or to enter one by hand. A registered study is quicker to import."
        eyebrow={
          <Link href="/trials" className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> Trials
          </Link>
        }
        actions={
          <Link href="/trials/import" className="text-sm font-medium text-brand-700 underline underline-offset-2">
            Import from ClinicalTrials.gov instead
          </Link>
        }
      />
      <div className="max-w-5xl">
        <TrialForm mode="create" defaultValues={emptyTrialValues()} />
      </div>
    </>
  );
}
