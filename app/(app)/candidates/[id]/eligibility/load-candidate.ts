import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import type { CurrentUser } from '@/lib/auth/current-user';
import { getPageContext } from '@/lib/auth/page-context';
import { getCandidate } from '@/lib/candidates/get-candidate';
import { isAppError } from '@/lib/errors/app-error';
import { candidateIdParamsSchema } from '@/lib/validations/candidates';

/**
 * The candidate behind a page under /candidates/[id]/eligibility: a bad id or a
 * missing record is a 404. The read is logged as a view of the record; cache()
 * makes metadata and page share one read per request.
 */
export const loadEligibilityCandidate = cache(async (rawId: string, user: CurrentUser) => {
  const parsed = candidateIdParamsSchema.safeParse({ id: rawId });
  if (!parsed.success) notFound();
  try {
    return await getCandidate({ id: parsed.data.id, ctx: await getPageContext(user) });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});
