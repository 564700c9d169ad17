import type { InstrumentResults } from '@/lib/results/get-trial-outcomes';
import { formatChange, formatNumber, formatPercentChange, shortInstrumentName, timepointLabel } from './format';
import { ReportTable } from './results-tables';

const TD = 'px-3 py-2 text-slate-800';
const NUM = 'px-3 py-2 text-right tabular-nums text-slate-800';

/** The two % figures are labelled in full everywhere: they answer different questions and are easy to confuse. */
export const MEAN_OF_INDIVIDUAL_LABEL = 'Mean of individual % changes';
export const PERCENT_OF_MEANS_LABEL = '% change of group means';

/** Change between the report's two timepoints per group: points, and (on ratio scales) both % figures. */
export function ChangeTable({ results }: { results: InstrumentResults }) {
  const change = results.change;
  if (change === null) return null;
  const name = shortInstrumentName(results.instrument);
  const span = `${timepointLabel(change.from)} → ${timepointLabel(change.to)}`;
  const percentHead = change.isTScore
    ? []
    : [
        { label: `${MEAN_OF_INDIVIDUAL_LABEL} (n)`, numeric: true },
        { label: PERCENT_OF_MEANS_LABEL, numeric: true },
      ];
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-base font-semibold text-slate-900">Change {span}</h3>
      <ReportTable
        caption={`${name}: change ${span} by arm`}
        head={[
          { label: 'Arm' },
          { label: 'Paired n', numeric: true },
          { label: `Mean at ${timepointLabel(change.from)}`, numeric: true },
          { label: `Mean at ${timepointLabel(change.to)}`, numeric: true },
          { label: 'Mean change, points (SD)', numeric: true },
          ...percentHead,
        ]}
      >
        {change.groups.map((row) => (
          <tr key={row.group}>
            <th scope="row" className={`${TD} font-medium`}>
              {row.group}
            </th>
            <td className={NUM}>{row.nPaired}</td>
            <td className={NUM}>{formatNumber(row.meanFrom, 2)}</td>
            <td className={NUM}>{formatNumber(row.meanTo, 2)}</td>
            <td className={NUM}>
              {formatChange(row.meanChangePoints, 2)} ({formatNumber(row.sdChangePoints, 2)})
            </td>
            {change.isTScore ? null : (
              <>
                <td className={NUM}>
                  {formatPercentChange(row.meanOfIndividualPercentChange)} ({row.nIndividualPercentChange})
                </td>
                <td className={NUM}>{formatPercentChange(row.percentChangeOfMeans)}</td>
              </>
            )}
          </tr>
        ))}
      </ReportTable>
      <p className="text-sm text-slate-600">
        {change.isTScore
          ? 'T-scores have no true zero, so the change is given in points only; a % change would be meaningless.'
          : `Only participants with a score at both timepoints count. ${MEAN_OF_INDIVIDUAL_LABEL}: each participant's own % change, averaged (a score of 0 at the start has no % change). ${PERCENT_OF_MEANS_LABEL}: the change of the group's mean score relative to its starting mean.`}
        {change.isPlannedAtBoth ? '' : ' This questionnaire is not planned at both timepoints.'}
      </p>
    </div>
  );
}
