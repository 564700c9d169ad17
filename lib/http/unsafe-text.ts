import { AppError } from '@/lib/errors/app-error';

// PostgreSQL text cannot hold a NUL byte, and a lone UTF-16 surrogate is not a
// character at all: either one used to reach the database and come back as a
// 500 with a stack trace. They are refused at the edge as bad input instead.

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const UNSAFE_TEXT_MESSAGE = 'Contains a character that is not allowed (a NUL byte or an unpaired surrogate).';

export function isUnsafeText(text: string): boolean {
  return text.includes(NUL) || LONE_SURROGATE.test(text);
}

/**
 * The dotted path of the first string (or object key) in a parsed value that holds
 * unsafe text, or null when it is clean. Iterative, so a deeply nested body cannot
 * overflow the stack.
 */
export function findUnsafeText(value: unknown): string | null {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (pending.length > 0) {
    const next = pending.pop();
    if (!next) break;
    const { value: current, path } = next;
    if (typeof current === 'string') {
      if (isUnsafeText(current)) return path || '_';
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    for (const [key, child] of Object.entries(current)) {
      const childPath = path ? `${path}.${key}` : key;
      if (isUnsafeText(key)) return childPath;
      pending.push({ value: child, path: childPath });
    }
  }
  return null;
}

/** Throws the API's 400 (per-field message) when any part of the input holds unsafe text. */
export function rejectUnsafeText(value: unknown, prefix?: string): void {
  const path = findUnsafeText(value);
  if (path === null) return;
  const field = prefix ? (path === '_' ? prefix : `${prefix}.${path}`) : path;
  throw new AppError('VALIDATION_FAILED', undefined, { fields: { [field]: [UNSAFE_TEXT_MESSAGE] } });
}

/**
 * Why a raw URL (path and query, still percent-encoded) is refused, or null. Encoded
 * bytes must decode to UTF-8 (an encoded surrogate or a stray byte does not) and must
 * not hold NUL.
 */
export function urlTextProblem(pathname: string, search: string): string | null {
  const parts = [pathname, ...search.replace(/^\?/, '').split(/[&=]/)];
  for (const part of parts) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return 'The address contains an encoded byte sequence that is not valid UTF-8.';
    }
    if (isUnsafeText(decoded)) return 'The address contains a NUL byte or an unpaired surrogate.';
  }
  return null;
}
