import { keyedHmac } from '@/lib/audit/audit-key';

/** Key order never changes the value: what is sealed is the content, not its layout. */
function canonical(value: unknown): unknown {
  // An array of strings, numbers, booleans and nulls is already canonical: no copy (an export's
  // access-log entry lists ~100,000 ids).
  if (Array.isArray(value)) return value.every(isScalar) ? value : value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value instanceof Date ? value.toISOString() : value;
}

function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/** The canonical JSON text of a value: sorted keys, dates as ISO strings. */
export function canonicalJson(content: unknown): string {
  return JSON.stringify(canonical(content));
}

/**
 * HMAC-SHA256 of the canonical JSON of what was signed; a signature is bound to it.
 * Keyed by AUDIT_KEY (outside the database), so whoever edits a signed row cannot
 * recompute a value that verifies: a plain SHA-256 of the edited content does not match.
 */
export function contentHash(content: unknown): string {
  return keyedHmac('signature', canonicalJson(content));
}
