import type { Metadata } from 'next';
import Link from 'next/link';
import { UserCreateForm } from '@/components/admin/lazy-forms';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/require-page-user';

export const metadata: Metadata = { title: 'New user' };

export default async function NewUserPage() {
  await requirePageUser('user.manage');
  return (
    <>
      <PageHeader
        title="New user"
        description="The account can sign in at once. Give them the initial password in person or by phone, never by email."
        eyebrow={
          <Link href="/admin/users" className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> Users
          </Link>
        }
      />
      <Card as="div">
        <CardBody>
          <UserCreateForm />
        </CardBody>
      </Card>
    </>
  );
}
