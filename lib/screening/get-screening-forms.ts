import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { getClinicClock } from '@/lib/clinic/clock';
import { trialLabel } from '@/lib/candidates/mappers';
import { prisma } from '@/lib/db';
import { loadTrialCriteria } from '@/lib/eligibility/load-trial-criteria';
import { AppError } from '@/lib/errors/app-error';
import { loadCandidateData } from './load-candidate-data';
import { isAppError } from '@/lib/errors/app-error';
import { buildScreeningFields } from './screening-form-model';
import type { ScreeningForm, ScreeningForms } from './types';

type Options = {
  candidateId: string;
  /** In the order the forms are shown; an unknown trial is a 404. */
  trialIds: readonly string[];
  ctx: ActorContext;
  /** Defaults to today on the clinic clock. */
  asOf?: string;
};

/**
 * The screening form of each trial for one candidate: what each trial's current rules need, with the
 * candidate's latest values and whether they are current, stale or missing on the clinic's today.
 * Read in one transaction and logged as a view of the candidate's measurements.
 */
export async function getScreeningForms({
  candidateId,
  trialIds,
  ctx,
  asOf: givenAsOf,
}: Options): Promise<ScreeningForms> {
  const clock = await getClinicClock();
  const asOf = givenAsOf ?? clock.today();
  return prisma.$transaction(async (tx) => {
    const forms: ScreeningForm[] = [];
    const [candidate] = await loadCandidateData({ tx, selection: { candidateIds: [candidateId] }, asOf });
    if (!candidate)
      throw new AppError('NOT_FOUND', 'This candidate does not exist.', {
        fields: { candidateId: ['Choose an existing candidate.'] },
      });
    for (const trialId of trialIds) {
      const criteria = await loadTrialCriteria({ tx, trialId }).catch((error: unknown) => {
        // A trial without a protocol or criteria yet has nothing to screen for: say so instead of failing the page.
        if (isAppError(error) && error.code === 'CONFLICT') return { trialId, unavailable: error.message };
        throw error;
      });
      if ('unavailable' in criteria) {
        const trial = await tx.trial.findUniqueOrThrow({
          where: { id: trialId },
          select: { screeningWindowDays: true, acronym: true, shortTitle: true, title: true },
        });
        forms.push({
          trial: { id: trialId, label: trialLabel(trial) },
          protocolVersion: null,
          screeningWindowDays: trial.screeningWindowDays,
          fields: [],
          counts: { missing: 0, stale: 0, current: 0 },
          unavailable: criteria.unavailable,
        });
        continue;
      }
      const fields = buildScreeningFields({
        criteria: criteria.criteria,
        screeningWindowDays: criteria.screeningWindowDays,
        candidate: candidate.data,
        asOf,
      });
      const counts = { missing: 0, stale: 0, current: 0 };
      for (const field of fields) counts[field.status] += 1;
      forms.push({
        trial: criteria.trial,
        protocolVersion: criteria.protocolVersion,
        screeningWindowDays: criteria.screeningWindowDays,
        fields,
        counts,
        unavailable: null,
      });
    }
    await ctx.audit(tx, { action: 'measurement.view', entityType: 'Candidate', entityId: candidateId });
    return { candidateId, asOf, timeZone: clock.timeZone, forms };
  });
}
