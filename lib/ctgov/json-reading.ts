// Defensive readers for untrusted registry JSON: wrong types read as "absent", never throw.

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asRecords(value: unknown): JsonRecord[] {
  return asArray(value).flatMap((item) => {
    const record = asRecord(item);
    return record === null ? [] : [record];
  });
}

/** A trimmed, non-empty string, else null. */
export function asText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function asTexts(value: unknown): string[] {
  return asArray(value).flatMap((item) => {
    const text = asText(item);
    return text === null ? [] : [text];
  });
}

/** Reads a dotted path such as "statusModule.startDateStruct.date". */
export function pick(record: JsonRecord | null, path: string): unknown {
  let current: unknown = record;
  for (const key of path.split('.')) {
    const next = asRecord(current);
    if (next === null) return undefined;
    current = next[key];
  }
  return current;
}

/** Fits text into a field's length limit; warns instead of silently dropping the overflow. */
export function fitText(options: {
  value: string | null;
  max: number;
  field: string;
  warnings: string[];
}): string | null {
  const { value, max, field, warnings } = options;
  if (value === null || value.length <= max) return value;
  warnings.push(`${field} was longer than ${max} characters and was shortened.`);
  return `${value.slice(0, max - 1).trimEnd()}…`;
}
