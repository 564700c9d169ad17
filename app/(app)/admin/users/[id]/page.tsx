import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { UserEditForm } from '@/components/admin/lazy-forms';
import { UserMfaResetButton } from '@/components/admin/user-mfa-reset-button';
import { UserPasswordForm } from '@/components/admin/lazy-forms';
import { describeUserStatus } from '@/components/admin/user-status';
import { UserStatusControl } from '@/components/admin/user-status-control';
import { UserUnlockButton } from '@/components/admin/user-unlock-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { hasPermission, ROLE_LABELS } from '@/lib/auth/permissions';
import { isLocked } from '@/lib/auth/lockout';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { isAppError } from '@/lib/errors/app-error';
import { getUser } from '@/lib/users/get-user';
import { userIdSchema } from '@/lib/validations/auth';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Metadata and page both need the user; cache() makes it one query per request.
const loadUser = cache(async (rawId: string) => {
  const id = userIdSchema.safeParse(rawId);
  if (!id.success) notFound();
  try {
    return await getUser(id.data);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Checked here too so the title cannot reveal a name to someone without access.
  await requirePageUser('user.manage');
  const user = await loadUser((await params).id);
  return { title: user.name };
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="text-sm font-medium text-slate-600 sm:w-36 sm:shrink-0">{term}</dt>
      <dd className="text-sm break-all text-slate-900">{children}</dd>
    </div>
  );
}

export default async function UserPage({ params, searchParams }: Props) {
  const viewer = await requirePageUser('user.manage');
  const user = await loadUser((await params).id);
  const isJustCreated = (await searchParams).created === '1';
  const isSelf = viewer.id === user.id;
  const timeZone = await getClinicTimeZone();
  const now = new Date();
  const status = describeUserStatus(user, now, timeZone);
  const isAccountLocked = user.isActive && isLocked(user, now);

  return (
    <>
      <PageHeader
        title={user.name}
        description={user.email}
        eyebrow={
          <Link href="/admin/users" className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> Users
          </Link>
        }
        actions={
          hasPermission(viewer.role, 'audit.read') ? (
            <Link
              href={`/admin/audit?entityType=User&entityId=${encodeURIComponent(user.id)}`}
              className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              Audit history of this account
            </Link>
          ) : null
        }
      />
      {isJustCreated ? (
        <Alert tone="success" className="mb-6">
          Account created. Give {user.name} the initial password in person or by phone.
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="account-heading">
          <CardHeader title="Account" titleId="account-heading" />
          <CardBody>
            <dl className="flex flex-col gap-3">
              <Detail term="Email">{user.email}</Detail>
              <Detail term="Role">{ROLE_LABELS[user.role]}</Detail>
              <Detail term="Status">
                <Badge tone={status.tone}>{status.label}</Badge>
              </Detail>
              <Detail term="Last sign-in">
                {user.lastSignInAt ? formatClinicZoned(user.lastSignInAt, timeZone) : 'Never'}
              </Detail>
              <Detail term="Created">{formatClinicZoned(user.createdAt, timeZone)}</Detail>
            </dl>
          </CardBody>
        </Card>

        <Card aria-labelledby="edit-heading">
          <CardHeader title="Name and role" titleId="edit-heading" />
          <CardBody>
            <UserEditForm userId={user.id} name={user.name} role={user.role} isSelf={isSelf} />
          </CardBody>
        </Card>

        {isAccountLocked && user.lockedUntil ? (
          <Card aria-labelledby="lockout-heading">
            <CardHeader
              title="Sign-in lockout"
              titleId="lockout-heading"
              description={`Locked after too many failed sign-ins, until ${formatClinicZoned(user.lockedUntil, timeZone, 'time')}.`}
            />
            <CardBody>
              <UserUnlockButton userId={user.id} name={user.name} />
            </CardBody>
          </Card>
        ) : null}

        <Card aria-labelledby="mfa-heading">
          <CardHeader
            title="Two-factor sign-in"
            titleId="mfa-heading"
            description={
              user.mfaEnabledAt
                ? `On since ${formatClinicZoned(user.mfaEnabledAt, timeZone)}. Reset it when the phone is lost.`
                : 'Off. The user turns it on from their own account page.'
            }
          />
          {user.mfaEnabledAt ? (
            <CardBody>
              <UserMfaResetButton userId={user.id} name={user.name} />
            </CardBody>
          ) : null}
        </Card>

        <Card aria-labelledby="password-heading">
          <CardHeader
            title="Reset password"
            titleId="password-heading"
            description="For a forgotten password. Their current sessions end."
          />
          <CardBody>
            <UserPasswordForm userId={user.id} name={user.name} isSelf={isSelf} />
          </CardBody>
        </Card>

        <Card aria-labelledby="status-heading">
          <CardHeader title={user.isActive ? 'Deactivate account' : 'Reactivate account'} titleId="status-heading" />
          <CardBody>
            <UserStatusControl userId={user.id} name={user.name} isActive={user.isActive} isSelf={isSelf} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
