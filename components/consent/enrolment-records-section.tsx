import { formatCalendarDate } from '@/components/candidates/format';
import { Section } from '@/components/trials/section-frame';
import { formatInstant } from '@/components/trials/format';
import { Badge } from '@/components/ui/badge';
import { CardBody } from '@/components/ui/card';
import type { TrialEnrolmentRecordsDto } from '@/lib/enrollments/types';
import { ConsentFormVersionForm, RetireConsentFormButton, SubjectIdPatternForm } from './lazy-forms';

export const ENROLMENT_RECORDS_SECTION = { id: 'consent-and-subject-ids', label: 'Consent and subject IDs' } as const;

type Props = { trialId: string; records: TrialEnrolmentRecordsDto; canEdit: boolean; today: string; timeZone: string };

/** The trial page's consent form versions and subject ID pattern; admins manage both here. */
export function EnrolmentRecordsSection({ trialId, records, canEdit, today, timeZone }: Props) {
  const { subjectIds, consentForms } = records;
  return (
    <Section
      id={ENROLMENT_RECORDS_SECTION.id}
      title="Consent forms and subject IDs"
      description="Consent is recorded on one of these approved versions; each enrolment gets the next subject ID."
    >
      <CardBody className="flex flex-col gap-6">
        <section aria-labelledby="subject-ids-heading" className="flex flex-col gap-2">
          <h3 id="subject-ids-heading" className="text-base font-semibold text-slate-900">
            Subject IDs
          </h3>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-mono font-medium text-slate-900">{subjectIds.pattern}</span>
            {subjectIds.confirmed ? (
              <>
                <Badge tone="success">Confirmed</Badge>
                <span className="text-xs text-slate-600">
                  by {subjectIds.confirmed.by.name}, {formatInstant(subjectIds.confirmed.at, timeZone)}
                </span>
              </>
            ) : (
              <Badge tone="warning">Clinic assumption, not confirmed</Badge>
            )}
          </div>
          <p className="text-sm text-slate-700">
            {subjectIds.assignedCount === 0 ? 'No subject ID assigned yet.' : `${subjectIds.assignedCount} assigned.`}{' '}
            {subjectIds.nextSubjectId ? (
              <>
                Next: <span className="font-mono">{subjectIds.nextSubjectId}</span>.
              </>
            ) : null}{' '}
            IDs are assigned at enrolment and never change.
          </p>
          {canEdit ? (
            <SubjectIdPatternForm
              trialId={trialId}
              pattern={subjectIds.pattern}
              isConfirmed={subjectIds.confirmed !== null}
              isLocked={subjectIds.assignedCount > 0}
            />
          ) : null}
        </section>

        <section aria-labelledby="consent-forms-heading" className="flex flex-col gap-3">
          <h3 id="consent-forms-heading" className="text-base font-semibold text-slate-900">
            Approved consent form versions
          </h3>
          {consentForms.length === 0 ? (
            <p className="text-sm text-slate-700">
              None yet: consent cannot be recorded in this trial until an admin adds the approved version.
            </p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Version
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      IRB approval
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      IRB reference
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Consents
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Status
                    </th>
                    {canEdit ? (
                      <th scope="col" className="py-2 font-medium">
                        <span className="sr-only">Actions</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {consentForms.map((form) => (
                    <tr key={form.id}>
                      <td className="py-2 pr-4 font-medium text-slate-900">{form.label}</td>
                      <td className="py-2 pr-4">
                        {form.approvedOn ? formatCalendarDate(form.approvedOn) : 'Not recorded (from free text)'}
                      </td>
                      <td className="py-2 pr-4">{form.irbReference ?? '—'}</td>
                      <td className="py-2 pr-4">{form.consentCount}</td>
                      <td className="py-2 pr-4">
                        {form.retired ? (
                          <span className="flex flex-col gap-0.5">
                            <Badge tone="neutral">Retired {formatInstant(form.retired.at, timeZone)}</Badge>
                            {form.retired.reason ? (
                              <span className="text-xs text-slate-700">{form.retired.reason}</span>
                            ) : null}
                          </span>
                        ) : (
                          <Badge tone="success">In use</Badge>
                        )}
                      </td>
                      {canEdit ? (
                        <td className="py-2">
                          {form.retired ? null : (
                            <RetireConsentFormButton trialId={trialId} versionId={form.id} label={form.label} />
                          )}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canEdit ? <ConsentFormVersionForm trialId={trialId} today={today} /> : null}
        </section>
      </CardBody>
    </Section>
  );
}
