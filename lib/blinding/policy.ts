import type { Masking } from '@/lib/generated/prisma/enums';

// Blinding policy: who may see a participant's allocation in a masked trial.
//
// In a masked trial (masking set and not NONE) allocation means anything that tells
// the arms apart for a participant: the arm id or label, the allocation list entry,
// the mg dose (0 mg is a placebo arm), placebo wording, and any volume or rate that
// differs between arms. Only staff an admin names as unblinded for the trial see it
// (typically the preparing pharmacist or nurse). Admins are blinded too unless they
// name themselves; naming is audited. A clinician who breaks the blind in an
// emergency sees that one participant's arm from then on; everyone else stays blinded.
//
// Every read that could carry allocation asks canSeeAllocation; nothing else decides.

/** What blinded staff see where the drug or dose would be named. */
export const BLINDED_DRUG_LABEL = 'Study drug per protocol';

/** What blinded staff see where an arm would be named. */
export const BLINDED_ARM_LABEL = 'Masked';

export type BlindingTrial = { id: string; masking: Masking | string | null };

/**
 * What the server knows about a viewer's access to allocation: the masked trials they
 * are named unblinded staff for, and the enrollments they broke the blind of.
 */
export type BlindingViewer = {
  userId: string;
  unblindedTrialIds: ReadonlySet<string>;
  emergencyUnblindedEnrollmentIds: ReadonlySet<string>;
};

/** A masked trial is one whose masking is set and is not NONE. */
export function isMaskedTrial(masking: Masking | string | null | undefined): boolean {
  return masking !== null && masking !== undefined && masking !== 'NONE';
}

/**
 * Whether `viewer` may see allocation in `trial` (for one participant when
 * `enrollmentId` is given, for the trial as a whole otherwise).
 */
export function canSeeAllocation(options: {
  viewer: BlindingViewer;
  trial: BlindingTrial;
  enrollmentId?: string | null;
}): boolean {
  const { viewer, trial, enrollmentId } = options;
  if (!isMaskedTrial(trial.masking)) return true;
  if (viewer.unblindedTrialIds.has(trial.id)) return true;
  return (
    enrollmentId !== undefined && enrollmentId !== null && viewer.emergencyUnblindedEnrollmentIds.has(enrollmentId)
  );
}

/** A viewer who sees no allocation in any masked trial (e.g. before anything is loaded). */
export function blindedViewer(userId: string): BlindingViewer {
  return { userId, unblindedTrialIds: new Set(), emergencyUnblindedEnrollmentIds: new Set() };
}
