import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import type { OpenDiscrepancy } from '@/lib/drug-inventory/list-open-discrepancies';
import { DiscrepancyReviewForm } from './lazy-forms';

/** The admins' alert: witnessed counts that did not match the book balance, until reviewed. `timeZone`: the clinic settings'. */
export function DiscrepancyPanel({
  discrepancies,
  canReview,
  timeZone,
}: {
  discrepancies: OpenDiscrepancy[];
  canReview: boolean;
  timeZone: string;
}) {
  if (discrepancies.length === 0) return null;
  return (
    <Alert tone="warning" title={`Controlled-drug count discrepancies to review (${discrepancies.length})`}>
      <ul className="mt-2 flex flex-col gap-3">
        {discrepancies.map((item) => {
          const label = `count of lot ${item.lotNumber} on ${formatClinicZoned(new Date(item.at), timeZone)}`;
          return (
            <li key={item.id} className="flex flex-col gap-2">
              <p>
                <Link href={`/drug-inventory/${item.lotId}`} className="font-medium underline">
                  {item.drug}, lot {item.lotNumber}
                </Link>
                : counted {item.countedMg} mg against a balance of {item.expectedMg} mg (
                {item.discrepancyMg > 0 ? '+' : ''}
                {item.discrepancyMg} mg) by {item.actor}, witnessed by {item.witness},{' '}
                {formatClinicZoned(new Date(item.at), timeZone)}.
              </p>
              {canReview ? <DiscrepancyReviewForm countId={item.id} label={label} /> : null}
            </li>
          );
        })}
      </ul>
    </Alert>
  );
}
