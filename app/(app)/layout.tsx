import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { navItemsFor } from '@/components/shell/nav-items';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';

// No loading.tsx in this segment on purpose: without a Suspense boundary above
// the pages, a page's own permission check can still answer a real 403 status.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser('dashboard.read');
  // Only what the shell shows crosses to the browser.
  return (
    <AppShell user={{ name: user.name, roleLabel: ROLE_LABELS[user.role] }} items={navItemsFor(user.role)}>
      {children}
    </AppShell>
  );
}
