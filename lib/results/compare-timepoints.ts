import { summarize } from '@/lib/outcomes/summarize';
import { hasPercentChange } from './change-policy';

/** One participant's primary score at the two timepoints (null = not recorded). */
export type PairedScore = { group: string; participantId: string; from: number | null; to: number | null };

export type GroupChange = {
  group: string;
  /** Participants in the group with a score at either timepoint. */
  nParticipants: number;
  /** Participants with a score at both timepoints: every figure below is over these people only. */
  nPaired: number;
  meanFrom: number | null;
  meanTo: number | null;
  /** Mean of each paired participant's own change (to − from), in score points; negative = lower score. */
  meanChangePoints: number | null;
  sdChangePoints: number | null;
  /**
   * Mean of the participants' individual % changes, 100 × (to − from) / from, averaged. Participants with
   * a score of 0 at `from` have no % change and are left out (see nIndividualPercentChange).
   * Null on a T-score scale.
   */
  meanOfIndividualPercentChange: number | null;
  nIndividualPercentChange: number;
  /** % change of the group means, 100 × (meanTo − meanFrom) / meanFrom, over the paired participants. Null on a T-score scale. */
  percentChangeOfMeans: number | null;
};

/**
 * Change between two timepoints per group, both as the mean of individual % changes and as the % change
 * of the means. They differ whenever participants start from different scores: 20 → 10 (−50 %) and
 * 10 → 8 (−20 %) give a mean of individual % changes of −35 % but a % change of means (15 → 9) of −40 %.
 * Only participants with both scores count, so both figures describe the same people.
 * On a T-score scale only the change in points is reported.
 */
export function compareTimepoints(options: {
  instrument: string;
  groups: readonly string[];
  scores: readonly PairedScore[];
}): GroupChange[] {
  const { instrument, groups, scores } = options;
  const isRatioScale = hasPercentChange(instrument);
  return groups.map((group) => {
    const inGroup = scores.filter((score) => score.group === group && (score.from !== null || score.to !== null));
    const ids = new Set<string>();
    for (const score of inGroup) {
      if (ids.has(score.participantId))
        throw new Error(`compareTimepoints: participant ${score.participantId} appears twice in "${group}".`);
      ids.add(score.participantId);
    }
    const paired = inGroup.filter(
      (score): score is PairedScore & { from: number; to: number } => score.from !== null && score.to !== null,
    );
    const fromSummary = summarize(paired.map((score) => score.from));
    const toSummary = summarize(paired.map((score) => score.to));
    const changes = summarize(paired.map((score) => score.to - score.from));
    const individual = paired
      .filter((score) => score.from !== 0)
      .map((score) => ((score.to - score.from) / score.from) * 100);
    const meanFrom = fromSummary.mean;
    const meanTo = toSummary.mean;
    const ofMeans =
      meanFrom === null || meanTo === null || meanFrom === 0 ? null : ((meanTo - meanFrom) / meanFrom) * 100;
    return {
      group,
      nParticipants: inGroup.length,
      nPaired: paired.length,
      meanFrom,
      meanTo,
      meanChangePoints: changes.mean,
      sdChangePoints: changes.sd,
      meanOfIndividualPercentChange: isRatioScale ? summarize(individual).mean : null,
      nIndividualPercentChange: isRatioScale ? individual.length : 0,
      percentChangeOfMeans: isRatioScale ? ofMeans : null,
    };
  });
}
