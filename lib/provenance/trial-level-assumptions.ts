import type { Trial } from '@/lib/generated/prisma/client';
import type { TrialLevelAssumptionSource } from './list-assumptions';

type TrialRow = Trial & {
  screeningWindowConfirmedBy?: { name: string } | null;
  subjectIdPatternConfirmedBy?: { name: string } | null;
};

/**
 * Trial-level values that can be clinic assumptions, listed in the trial page's Assumptions panel beside the
 * protocol's own. Each keeps its value and confirmation on the Trial row and is confirmed by its own audited
 * action (the screening window on the criteria section); add one entry per such value here.
 */
export const TRIAL_LEVEL_ASSUMPTION_SOURCES: ReadonlyArray<TrialLevelAssumptionSource<TrialRow>> = [
  {
    field: 'screeningWindowDays',
    // No seeded protocol page states a screening window: the default is the clinic's until an admin confirms it.
    // It is used meanwhile (older data is UNKNOWN, never qualifying), so it is listed, not blocking.
    read: (trial) => ({
      subject: 'Screening window',
      note: `${trial.screeningWindowDays} days: screening data older than this on the day of a check counts as unknown.`,
      effect: 'LISTED',
      confirmedByName: trial.screeningWindowConfirmedBy?.name ?? null,
      confirmedAt: trial.screeningWindowConfirmedAt?.toISOString() ?? null,
    }),
  },
  {
    field: 'subjectIdPattern',
    // No protocol page states how the clinic numbers its participants: the pattern (the default, the migration's
    // or the demo seed's) is the clinic's until an admin sets or confirms it under "Consent forms and subject IDs".
    read: (trial) => ({
      subject: 'Subject ID pattern',
      note: `${trial.subjectIdPattern}: each enrolment gets the next number in this format.`,
      effect: 'LISTED',
      confirmedByName: trial.subjectIdPatternConfirmedBy?.name ?? null,
      confirmedAt: trial.subjectIdPatternConfirmedAt?.toISOString() ?? null,
    }),
  },
];
