import type { CurrentUser } from '@/lib/auth/current-user';
import { hasPermission } from '@/lib/auth/permissions';
import { listOpenDiscrepancies } from '@/lib/drug-inventory/list-open-discrepancies';
import { DiscrepancyPanel } from './discrepancy-panel';

/** On the admins' dashboard until reviewed: controlled-drug counts that did not match. */
export async function DashboardDiscrepancies({ user, timeZone }: { user: CurrentUser; timeZone: string }) {
  if (!hasPermission(user.role, 'drug.review')) return null;
  const discrepancies = await listOpenDiscrepancies();
  if (discrepancies.length === 0) return null;
  return (
    <div className="mb-8">
      <DiscrepancyPanel discrepancies={discrepancies} canReview timeZone={timeZone} />
    </div>
  );
}
