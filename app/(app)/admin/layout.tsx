import type { ReactNode } from 'react';
import { AdminNav } from '@/components/shell/admin-nav';
import { adminLinksFor } from '@/components/shell/nav-items';
import { getCurrentUser } from '@/lib/auth/current-user';

// Only the sub-navigation. Each admin page calls requirePageUser with its own
// permission (user.manage for users, audit.read for the audit trail), so a role
// with just one of them still reaches that page.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const links = user ? adminLinksFor(user.role) : [];
  return (
    <>
      {links.length > 1 ? <AdminNav links={links} /> : null}
      {children}
    </>
  );
}
