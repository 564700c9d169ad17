import { Alert } from '@/components/ui/alert';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hasPermission } from '@/lib/auth/permissions';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import type { CandidateEnrollment } from '@/lib/candidates/load-candidate-enrollments';
import { EmergencyUnblindForm } from './lazy-forms';

/**
 * A masked enrolment's blind on the participant's record: who broke it, when and why (for
 * everyone), and the emergency-unblinding form for clinicians still blinded. `timeZone`: the clinic settings'.
 */
export function BlindingStatus({
  enrollment,
  trialLabel,
  user,
  timeZone,
}: {
  enrollment: CandidateEnrollment;
  trialLabel: string;
  user: Pick<CurrentUser, 'role'>;
  timeZone: string;
}) {
  const broken = enrollment.emergencyUnblinding;
  const canUnblind = enrollment.isAllocationMasked && hasPermission(user.role, 'blinding.emergency_unblind');
  if (!broken && !canUnblind) return null;
  return (
    <div className="mb-6 flex flex-col gap-3">
      {broken ? (
        <Alert tone="warning" title={`Blind broken in an emergency (${trialLabel})`} live="none">
          By {broken.by} on {formatClinicZoned(new Date(broken.at), timeZone)}. Reason: {broken.reason}
          {enrollment.armLabel ? <span className="mt-1 block font-medium">Arm: {enrollment.armLabel}</span> : null}
        </Alert>
      ) : null}
      {canUnblind ? <EmergencyUnblindForm enrollmentId={enrollment.id} trialLabel={trialLabel} /> : null}
    </div>
  );
}
