import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CandidateForm } from '@/components/candidates/lazy-forms';
import { candidateName } from '@/components/candidates/format';
import { coordinatorOptions } from '@/components/candidates/options';
import { PageHeader } from '@/components/ui/page-header';
import { getPageContext } from '@/lib/auth/page-context';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getCandidate } from '@/lib/candidates/get-candidate';
import { isAppError } from '@/lib/errors/app-error';
import { candidateIdParamsSchema } from '@/lib/validations/candidates';

export const metadata: Metadata = { title: 'Edit candidate' };

type Props = { params: Promise<{ id: string }> };

export default async function EditCandidatePage({ params }: Props) {
  const user = await requirePageUser('candidate.edit');
  const parsed = candidateIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  // Opening the edit form shows the record, so it is logged as a view too.
  const candidate = await getCandidate({ id: parsed.data.id, ctx: await getPageContext(user) }).catch(
    (error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
      throw error;
    },
  );
  const coordinators = await coordinatorOptions();
  // Keep the current coordinator choosable even if they are no longer an active coordinator.
  if (candidate.coordinator && !coordinators.some((option) => option.value === candidate.coordinator?.id)) {
    coordinators.unshift({ value: candidate.coordinator.id, label: candidate.coordinator.name });
  }

  return (
    <>
      <PageHeader
        title={`Edit ${candidateName(candidate)}`}
        description="Saving checks that nobody else changed the record since you opened this page."
        eyebrow={
          <Link href={`/candidates/${candidate.id}`} className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> {candidateName(candidate)}
          </Link>
        }
      />
      <CandidateForm
        // A new version (after Reload) remounts the form with the current values.
        key={candidate.version}
        mode="edit"
        candidateId={candidate.id}
        coordinators={coordinators}
        initial={{
          firstName: candidate.firstName,
          lastName: candidate.lastName,
          dateOfBirth: candidate.dateOfBirth,
          sex: candidate.sex,
          mrn: candidate.mrn,
          phone: candidate.phone ?? '',
          email: candidate.email ?? '',
          preferredContactMethod: candidate.preferredContactMethod,
          preferredLanguage: candidate.preferredLanguage ?? '',
          isVeteran: candidate.isVeteran,
          referralSource: candidate.referralSource,
          referringProvider: candidate.referringProvider ?? '',
          referringContact: candidate.referringContact ?? '',
          referralDate: candidate.referralDate,
          notes: candidate.notes ?? '',
          assignedCoordinatorId: candidate.assignedCoordinatorId ?? '',
          version: candidate.version,
        }}
      />
    </>
  );
}
