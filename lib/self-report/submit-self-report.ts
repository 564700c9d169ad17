import 'server-only';
import { prisma } from '@/lib/db';
import type { RequestContext } from '@/lib/auth/request-context';
import { assertNotGuessing } from './guess-throttle';
import { recordPatientAnswers, type PatientAnswersResult } from './record-patient-answers';
import { resolveLink } from './resolve-link';

/** The participant sends their answers through a link: once (410 after), checked and scored like staff entries. */
export async function submitSelfReport(options: {
  token: string;
  items: ReadonlyArray<number | null>;
  request: RequestContext;
}): Promise<PatientAnswersResult> {
  const { token, items, request } = options;
  await assertNotGuessing(request.ipAddress);
  return prisma.$transaction(async (tx) => {
    const link = await resolveLink({ db: tx, token, ip: request.ipAddress, lock: true });
    return recordPatientAnswers({
      tx,
      link,
      items,
      channel: 'LINK',
      meta: { requestId: request.requestId, ipAddress: request.ipAddress },
    });
  });
}
