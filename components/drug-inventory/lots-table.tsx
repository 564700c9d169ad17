import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import type { LotDto } from '@/lib/drug-inventory/types';

const mg = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** Every lot with what it holds, soonest expiry first. */
export function LotsTable({ lots }: { lots: LotDto[] }) {
  if (lots.length === 0) return <p className="text-sm text-slate-700">No lots have been received yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <caption className="sr-only">Drug lots</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Lot
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Drug and NDC
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Label
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Expires
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Received (mg)
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              On hand (mg)
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lots.map((lot) => (
            <tr key={lot.id}>
              <td className="py-2 pr-3">
                <Link href={`/drug-inventory/${lot.id}`} className="font-medium text-sky-800 underline">
                  {lot.lotNumber}
                </Link>
              </td>
              <td className="py-2 pr-3">
                {lot.drug}
                <span className="block text-xs text-slate-600">NDC {lot.ndc}</span>
              </td>
              <td className="py-2 pr-3">
                {lot.vialsReceived} × {mg.format(lot.vialVolumeMl)} mL at {mg.format(lot.concentrationMgPerMl)} mg/mL
                <span className="block text-xs text-slate-600">
                  {lot.isMultiDoseVial ? 'Multi-dose vials' : 'Single-dose vials'}
                </span>
              </td>
              <td className="py-2 pr-3">
                <time dateTime={lot.expiresOn}>{formatDayLabel(lot.expiresOn)}</time>{' '}
                {lot.isExpired ? <Badge tone="danger">Expired</Badge> : null}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{mg.format(lot.receivedMg)}</td>
              <td className="py-2 text-right font-medium tabular-nums">{mg.format(lot.onHandMg)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
