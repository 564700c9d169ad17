import { asRecord, asText, pick } from './json-reading';

// ClinicalTrials.gov stamps every record version with lastUpdatePostDateStruct.date ("2024-05-03" or "2024-05").
// Importing an older version over a newer one would quietly undo the registry's later changes.

/** The record's last-update-posted date, or null when the document has none. */
export function readLastUpdatePosted(document: unknown): string | null {
  const date = asText(
    pick(asRecord(asRecord(document)?.protocolSection), 'statusModule.lastUpdatePostDateStruct.date'),
  );
  return date !== null && /^\d{4}-\d{2}(?:-\d{2})?$/.test(date) ? date : null;
}

/**
 * True when `incoming` is strictly older than `stored`. A month-only date is not older than a full date in
 * that same month ("2024-05" vs "2024-05-03"): the registry does not say which is newer.
 */
export function isOlderRegistryVersion(incoming: string | null, stored: string | null): boolean {
  if (incoming === null || stored === null) return false;
  const length = Math.min(incoming.length, stored.length);
  return incoming.slice(0, length) < stored.slice(0, length);
}

export function olderVersionWarning(nctId: string, incoming: string, stored: string): string {
  return (
    `This is an older registry version of ${nctId} (last updated ${incoming}) than the one already imported (last updated ${stored}). ` +
    'Importing it would undo the later changes; the import asks for your explicit go-ahead.'
  );
}
