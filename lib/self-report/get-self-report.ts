import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { selfReportFormFor, type SelfReportForm } from './catalog';
import { assertNotGuessing } from './guess-throttle';
import { resolveLink } from './resolve-link';

/** What the participant's page shows: their first name at most (no MRN, no birth date), and the questions. */
export type SelfReportView = { firstName: string; form: SelfReportForm; expiresAt: string };

export async function getSelfReport(options: { token: string; ip: string | null }): Promise<SelfReportView> {
  await assertNotGuessing(options.ip);
  const link = await resolveLink({ db: prisma, ...options });
  const form = selfReportFormFor(link.instrument);
  if (!form)
    throw new AppError('GONE', 'This questionnaire is no longer offered online. Please contact your study team.');
  return { firstName: link.firstName, form, expiresAt: link.expiresAt.toISOString() };
}
