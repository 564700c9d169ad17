import type { Prisma } from '@/lib/generated/prisma/client';

// Never store secrets in the trail, whatever a caller passes in.
const REDACTED_KEYS = new Set(['password', 'passwordHash', 'currentPassword', 'newPassword']);

/** The key an array item is copied under: an index is never a redacted name. */
const ARRAY_ITEM = '';

/** Thrown inside plainCopy when a value needs JSON.stringify's own rules (dates, toJSON, NaN, ...). */
const NOT_PLAIN = Symbol('not plain JSON');

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !('toJSON' in value);
}

/**
 * The JSON round trip of plain data, without the round trip: strings are immutable, so they are
 * shared instead of being written out and parsed back (an export's access-log entry holds ~100,000
 * ids: 9 MB of garbage, kept alive for the whole audit transaction, then promoted).
 */
function plainCopy(key: string, value: unknown): unknown {
  if (REDACTED_KEYS.has(key)) return '[redacted]';
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw NOT_PLAIN;
    return value === 0 ? 0 : value; // -0 is written as 0
  }
  if (typeof value !== 'object') throw NOT_PLAIN;
  if (Array.isArray(value)) {
    const items: unknown[] = new Array(value.length);
    for (let index = 0; index < value.length; index += 1) {
      if (value[index] === undefined) throw NOT_PLAIN; // JSON writes null for it (and for a hole)
      items[index] = plainCopy(ARRAY_ITEM, value[index]);
    }
    return items;
  }
  if (!isPlainObject(value)) throw NOT_PLAIN;
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined && !REDACTED_KEYS.has(name)) continue; // JSON drops undefined properties
    copy[name] = plainCopy(name, item);
  }
  return copy;
}

/**
 * What an audit event stores for `before`/`after`: the value as JSON would write it (dates as
 * strings, undefined properties dropped), secrets redacted, and a copy, so a caller changing its
 * object afterwards cannot change an event that is sealed at commit.
 */
export function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    return plainCopy('', value) as Prisma.InputJsonValue;
  } catch (error) {
    if (error !== NOT_PLAIN) throw error;
  }
  return JSON.parse(
    JSON.stringify(value, (key, v) => (REDACTED_KEYS.has(key) ? '[redacted]' : v)),
  ) as Prisma.InputJsonValue;
}
