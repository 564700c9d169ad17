// Prisma reports a unique-index violation as P2002; with the pg driver adapter
// the violated columns sit in meta (target, or the adapter's constraint fields)
// and in the message. This says whether a given column was the one.

type PrismaLikeError = { code?: unknown; message?: unknown; meta?: unknown };

function describeMeta(meta: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(meta ?? {}, (_key, value: unknown) => {
    if (value && typeof value === 'object') {
      if (seen.has(value)) return undefined;
      seen.add(value);
      // Error objects keep their details in non-enumerable or own fields; copy what is there.
      if (value instanceof Error)
        return { ...value, message: value.message, cause: (value as { cause?: unknown }).cause };
    }
    return value;
  });
}

export function isUniqueViolation(error: unknown, column?: string): boolean {
  const candidate = error as PrismaLikeError | null;
  if (!candidate || typeof candidate !== 'object' || candidate.code !== 'P2002') return false;
  if (!column) return true;
  return String(candidate.message ?? '').includes(column) || describeMeta(candidate.meta).includes(column);
}
