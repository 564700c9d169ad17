import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CountForm } from '@/components/drug-inventory/lazy-forms';
import { CountLog, MovementLog } from '@/components/drug-inventory/movement-log';
import { WasteForm } from '@/components/drug-inventory/lazy-forms';
import { PrintButton } from '@/components/schedule/print-button';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { getLotLog } from '@/lib/drug-inventory/get-lot-log';
import { isAppError } from '@/lib/errors/app-error';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import { drugIdParamsSchema } from '@/lib/validations/drug-inventory';

export const metadata: Metadata = { title: 'Drug lot' };

type Props = { params: Promise<{ lotId: string }> };

const mg = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

export default async function DrugLotPage({ params }: Props) {
  const user = await requirePageUser('drug.read');
  const parsed = drugIdParamsSchema.safeParse({ id: (await params).lotId });
  if (!parsed.success) notFound();
  const timeZone = await getClinicTimeZone();
  let log;
  try {
    log = await getLotLog({ lotId: parsed.data.id, viewerId: user.id });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const { lot } = log;
  const canWaste = hasPermission(user.role, 'drug.waste') && lot.onHandMg > 0;
  const canCount = hasPermission(user.role, 'drug.count');
  const canReverse = hasPermission(user.role, 'drug.reverse');

  return (
    <>
      <PageHeader
        eyebrow="Controlled-drug record"
        title={`${lot.drug}, lot ${lot.lotNumber}`}
        description={`NDC ${lot.ndc} · ${lot.vialsReceived} × ${mg.format(lot.vialVolumeMl)} mL at ${mg.format(lot.concentrationMgPerMl)} mg/mL (${lot.isMultiDoseVial ? 'multi-dose' : 'single-dose'} vials) · received ${formatDayLabel(lot.receivedOn)} by ${lot.receivedBy.name} · expires ${formatDayLabel(lot.expiresOn)}`}
        actions={
          <>
            <LinkButton href={`/api/v1/drug-inventory/lots/${lot.id}/log.csv`} variant="secondary" prefetch={false}>
              Download CSV
            </LinkButton>
            <PrintButton label="Print log" />
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <p className="text-lg">
          On hand: <strong className="tabular-nums">{mg.format(lot.onHandMg)} mg</strong> of {mg.format(lot.receivedMg)}{' '}
          mg received {lot.isExpired ? <Badge tone="danger">Expired: cannot be used for a dose</Badge> : null}
        </p>
        <Card aria-labelledby="log-heading">
          <CardHeader
            titleId="log-heading"
            title="Log"
            description="Every movement, oldest first. Nothing is edited or deleted: a wrong movement is reversed, witnessed, with a reason."
          />
          <CardBody>
            <MovementLog lotId={lot.id} entries={log.entries} canReverse={canReverse} timeZone={timeZone} />
          </CardBody>
        </Card>
        <Card aria-labelledby="counts-heading">
          <CardHeader titleId="counts-heading" title="Witnessed counts" />
          <CardBody className="flex flex-col gap-6">
            <CountLog counts={log.counts} timeZone={timeZone} />
            {canCount ? (
              <div className="print:hidden">
                <CountForm lotId={lot.id} />
              </div>
            ) : null}
          </CardBody>
        </Card>
        {canWaste ? (
          <Card aria-labelledby="waste-heading" className="print:hidden">
            <CardHeader
              titleId="waste-heading"
              title="Waste"
              description="Drug that is drawn up or opened and not given, broken vials, expired stock: wasted in front of a second clinician."
            />
            <CardBody>
              <WasteForm lotId={lot.id} onHandMg={lot.onHandMg} />
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
