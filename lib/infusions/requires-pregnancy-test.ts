import 'server-only';
import type { Db, Tx } from '@/lib/db';

const PREGNANCY = /pregnan/i;

/**
 * A pregnancy test is required at check-in when the participant is female and the trial's
 * current protocol version excludes pregnancy (an exclusion criterion mentioning it).
 */
export async function requiresPregnancyTest(options: { db: Db | Tx; trialId: string; sex: string }): Promise<boolean> {
  if (options.sex !== 'FEMALE') return false;
  const version = await options.db.protocolVersion.findFirst({
    where: { trialId: options.trialId },
    orderBy: { number: 'desc' },
    select: { criteria: { where: { kind: 'EXCLUSION' }, select: { text: true } } },
  });
  return version?.criteria.some((criterion) => PREGNANCY.test(criterion.text)) ?? false;
}
