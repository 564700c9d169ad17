import type { Metadata } from 'next';
import { DiscrepancyPanel } from '@/components/drug-inventory/discrepancy-panel';
import { LotsTable } from '@/components/drug-inventory/lots-table';
import { ReceiveLotForm } from '@/components/drug-inventory/lazy-forms';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicClock } from '@/lib/clinic/clock';
import { listLots } from '@/lib/drug-inventory/list-lots';
import { listOpenDiscrepancies } from '@/lib/drug-inventory/list-open-discrepancies';

export const metadata: Metadata = { title: 'Drug record' };

export default async function DrugInventoryPage() {
  const user = await requirePageUser('drug.read');
  const canReceive = hasPermission(user.role, 'drug.receive');
  const canReview = hasPermission(user.role, 'drug.review');
  const [lots, discrepancies, clock] = await Promise.all([
    listLots(),
    canReview ? listOpenDiscrepancies() : Promise.resolve([]),
    getClinicClock(),
  ]);
  const today = clock.today();
  return (
    <>
      <PageHeader
        title="Controlled-drug record"
        description="Ketamine is a Schedule III controlled substance: every lot received, dose given, waste and count is recorded here, witnessed where the law asks for it, and never edited or deleted."
      />
      <div className="flex flex-col gap-6">
        <DiscrepancyPanel discrepancies={discrepancies} canReview={canReview} timeZone={clock.timeZone} />
        <Card aria-labelledby="lots-heading">
          <CardHeader
            titleId="lots-heading"
            title="Lots"
            description="Open a lot for its full log, waste and counts."
          />
          <CardBody>
            <LotsTable lots={lots} />
          </CardBody>
        </Card>
        {canReceive ? (
          <Card aria-labelledby="receive-heading">
            <CardHeader
              titleId="receive-heading"
              title="Receive a lot"
              description="Enter what the label says and the vials counted in."
            />
            <CardBody>
              <ReceiveLotForm today={today} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
