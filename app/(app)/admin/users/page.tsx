import type { Metadata } from 'next';
import { describeUserStatus } from '@/components/admin/user-status';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { MfaRolesForm } from '@/components/admin/mfa-roles-form';
import { UsersTable, type UserTableRow } from '@/components/admin/users-table';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Button, LinkButton } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { listMfaRoleSettings } from '@/lib/auth/mfa/mfa-policy';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { listUsers } from '@/lib/users/list-users';
import { userListQuerySchema } from '@/lib/validations/auth';

export const metadata: Metadata = { title: 'Users' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  await requirePageUser('user.manage');
  const raw = await searchParams;
  const parsed = userListQuerySchema.safeParse({ q: typeof raw.q === 'string' ? raw.q : undefined });
  // An over-long search is ignored rather than answered with an error page.
  const q = parsed.success && parsed.data.q ? parsed.data.q : undefined;
  const [users, mfaRoles, timeZone] = await Promise.all([listUsers({ q }), listMfaRoleSettings(), getClinicTimeZone()]);

  const now = new Date();
  const rows: UserTableRow[] = users.map((user) => {
    const status = describeUserStatus(user, now, timeZone);
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      roleLabel: ROLE_LABELS[user.role],
      statusLabel: status.label,
      statusTone: status.tone,
      lastSignIn: user.lastSignInAt ? formatClinicZoned(user.lastSignInAt, timeZone) : 'Never',
    };
  });

  return (
    <>
      <PageHeader
        title="Users"
        description="Staff accounts, their roles and whether they can sign in."
        actions={
          <LinkButton href="/admin/users/new" variant="primary">
            New user
          </LinkButton>
        }
      />
      <form method="get" role="search" aria-label="Users" className="mb-4 flex flex-wrap items-end gap-3">
        <Field label="Search by name or email" className="w-full sm:w-80">
          <Input type="search" name="q" defaultValue={q ?? ''} autoComplete="off" />
        </Field>
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {q ? (
          <LinkButton href="/admin/users" variant="ghost">
            Clear search
          </LinkButton>
        ) : null}
      </form>
      <UsersTable rows={rows} isFiltered={Boolean(q)} />
      <Card aria-labelledby="mfa-roles-heading" className="mt-8 max-w-xl">
        <CardHeader
          title="Two-factor sign-in required for"
          titleId="mfa-roles-heading"
          description="Recommended for admins (they manage accounts) and clinicians (they sign eligibility and doses)."
        />
        <CardBody>
          <MfaRolesForm roles={mfaRoles} />
        </CardBody>
      </Card>
    </>
  );
}
