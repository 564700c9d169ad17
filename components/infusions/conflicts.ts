import type { ErrorBody } from '@/lib/errors/app-error';

export type Conflict = { sessionNumber: number; code: string; message: string };

/** The conflicts a 409 from booking or rescheduling carries in error.details.conflicts. */
export function conflictsOf(error: ErrorBody['error']): Conflict[] {
  const raw = error.details?.conflicts;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (item): item is Conflict =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Conflict).message === 'string' &&
      typeof (item as Conflict).sessionNumber === 'number',
  );
}
