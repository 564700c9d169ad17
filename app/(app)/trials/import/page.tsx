import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportForm } from '@/components/trials/lazy-forms';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/require-page-user';

export const metadata: Metadata = { title: 'Import from ClinicalTrials.gov' };

export default async function ImportTrialsPage() {
  await requirePageUser('trial.edit');
  return (
    <>
      <PageHeader
        title="Import from ClinicalTrials.gov"
        description="Paste or upload a study record from the ClinicalTrials.gov API (version 2). Importing an NCT id that is already here updates that trial in place; the preview shows what would change."
        eyebrow={
          <Link href="/trials" className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> Trials
          </Link>
        }
      />
      <div className="max-w-5xl">
        <ImportForm />
      </div>
    </>
  );
}
