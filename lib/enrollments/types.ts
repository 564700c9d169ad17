import type { UserRef } from '@/lib/candidates/types';
import type { ConsentFormVersionDto } from '@/lib/consent/types';

// DTOs of a trial's enrolment records: its subject ID pattern, with its consent form versions for the trial page.

export type SubjectIdSettingsDto = {
  pattern: string;
  /** The ID the next enrolment gets, e.g. "KET-008". */
  nextSubjectId: string | null;
  /** How many subject IDs the trial has handed out; once any, the pattern cannot change. */
  assignedCount: number;
  /** Null while the pattern is a clinic assumption (the default or a seeded one). */
  confirmed: { by: UserRef; at: string } | null;
};

export type TrialEnrolmentRecordsDto = {
  subjectIds: SubjectIdSettingsDto;
  /** Active first (newest approval first), then retired. */
  consentForms: ConsentFormVersionDto[];
};
