import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hasPermission, ROLE_LABELS } from '@/lib/auth/permissions';
import { isMaskedTrial } from '@/lib/blinding/policy';
import { listUnblindedStaff } from '@/lib/blinding/unblinded-staff';
import { listUsers } from '@/lib/users/list-users';
import { UnblindedStaffForm } from './unblinded-staff-form';

/** A masked trial's unblinded staff, on the trial page; only admins manage (and see) the list. */
export async function UnblindedStaffSection({
  trial,
  user,
}: {
  trial: { id: string; masking: string | null };
  user: Pick<CurrentUser, 'role'>;
}) {
  if (!isMaskedTrial(trial.masking) || !hasPermission(user.role, 'blinding.manage')) return null;
  const [list, users] = await Promise.all([listUnblindedStaff({ trialId: trial.id }), listUsers()]);
  const people = users
    .filter((person) => person.isActive)
    .map((person) => ({ id: person.id, name: person.name, email: person.email, roleLabel: ROLE_LABELS[person.role] }));
  return (
    <Card aria-labelledby="unblinded-staff-heading" className="mb-6">
      <CardHeader
        titleId="unblinded-staff-heading"
        title="Unblinded staff"
        description={`This trial is masked (${trial.masking?.toLowerCase()}).`}
      />
      <CardBody>
        <UnblindedStaffForm trialId={trial.id} people={people} selected={list.staff.map((member) => member.userId)} />
      </CardBody>
    </Card>
  );
}
