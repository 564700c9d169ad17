import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { isAppError } from '@/lib/errors/app-error';
import { getProtocolVersion, getTrial } from '@/lib/trials/get-trial';
import { trialIdParamsSchema } from '@/lib/validations/trials';

/**
 * The trial for a page under /trials/[id]; a bad id or a missing trial (or
 * protocol version) is a 404. cache() lets metadata and page share one read.
 */
export const loadTrial = cache(async (rawId: string, versionNumber?: number) => {
  const params = trialIdParamsSchema.safeParse({ id: rawId });
  if (!params.success) notFound();
  try {
    return versionNumber === undefined
      ? await getTrial(params.data.id)
      : await getProtocolVersion(params.data.id, versionNumber);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

/** `?version=2` → 2; anything else → the current version. */
export function readVersionParam(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 ? number : undefined;
}
