import { createHash } from 'node:crypto';

/** Key order never changes the hash: what is signed is the content, not its layout. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value instanceof Date ? value.toISOString() : value;
}

/** SHA-256 of the canonical JSON of what was signed; a signature is bound to it. */
export function contentHash(content: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(content)))
    .digest('hex');
}
