import 'server-only';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { toCsv } from '@/lib/csv/to-csv';
import { getLotLog } from './get-lot-log';

const HEADER = [
  'Time',
  'Movement',
  'Movement code',
  'Amount (mg)',
  'Balance after (mg)',
  'By',
  'Witness',
  'Participant',
  'Trial',
  'Session',
  'Reason',
  'Reverses',
  'Reversed by',
  'Movement id',
];

/**
 * The lot's record as an inspector reads it: every movement with time, who, witness,
 * amount and running balance (oldest first), then the witnessed counts. Masked-trial
 * rows are shown as the viewer may see them (see getLotLog). Times are on the clinic settings'
 * `timeZone`, with the zone named.
 */
export async function exportLotLogCsv(options: {
  lotId: string;
  viewerId: string;
  timeZone: string;
}): Promise<{ filename: string; csv: string }> {
  const { lotId, viewerId, timeZone } = options;
  const log = await getLotLog({ lotId, viewerId });
  const { lot } = log;
  const movementRows = log.entries.map((entry) => [
    entry.isMasked ? `${entry.at} (masked trial)` : formatClinicZoned(new Date(entry.at), timeZone, 'precise'),
    entry.kindLabel,
    entry.kind,
    entry.changeMg,
    entry.balanceAfterMg,
    entry.actor.name,
    entry.witness?.name ?? '',
    entry.isMasked ? 'Masked trial participant' : (entry.visit?.participant ?? ''),
    entry.visit?.trialLabel ?? '',
    entry.visit?.sessionNumber ?? '',
    entry.reason ?? '',
    entry.reversesId ?? '',
    entry.reversedById ?? '',
    entry.id,
  ]);
  const countRows = log.counts.map((count) => [
    formatClinicZoned(new Date(count.at), timeZone, 'precise'),
    count.discrepancyMg === 0 ? 'Count (matches)' : 'Count (discrepancy)',
    count.discrepancyMg === 0 ? 'COUNT' : 'COUNT_DISCREPANCY',
    count.discrepancyMg,
    count.expectedMg,
    count.actor,
    count.witness,
    '',
    '',
    '',
    count.reviewNote ? `Counted ${count.countedMg} mg; reviewed: ${count.reviewNote}` : `Counted ${count.countedMg} mg`,
    '',
    '',
    count.id,
  ]);
  const title = [
    [`${lot.drug} — NDC ${lot.ndc} — lot ${lot.lotNumber} — expires ${lot.expiresOn} — on hand ${lot.onHandMg} mg`],
  ];
  const csv = toCsv([
    ...title,
    HEADER,
    ...movementRows,
    ...(countRows.length > 0 ? [[], ['Witnessed counts'], ...countRows] : []),
  ]);
  const safeLot = lot.lotNumber.replace(/[^A-Za-z0-9._-]/g, '_');
  return { filename: `drug-log-${safeLot}.csv`, csv: `${csv}\r\n` };
}
