import type { DosingProtocol } from '@/lib/validations/dosing';
import { BLINDED_DRUG_LABEL } from './policy';

/**
 * What blinded staff see at a masked trial's infusion: "study drug per protocol", and a
 * volume and rate only when they are the same for every arm of the trial (a fixed bag of
 * the same size run over the same time). A volume that follows the dose (concentration ×
 * mg) would tell a placebo (0 mL of drug) from the active arm, so it is never shown.
 */
export type BlindedPreparation = {
  label: typeof BLINDED_DRUG_LABEL;
  volumeMl: number | null;
  rateMlPerH: number | null;
};

export function blindedPreparation(
  protocols: readonly Pick<DosingProtocol, 'diluentVolumeMl' | 'infusionMinutes' | 'concentrationMgPerMl'>[],
): BlindedPreparation {
  const blank: BlindedPreparation = { label: BLINDED_DRUG_LABEL, volumeMl: null, rateMlPerH: null };
  const first = protocols[0];
  if (!first || first.diluentVolumeMl === null || first.infusionMinutes === null) return blank;
  const isSameForEveryArm = protocols.every(
    (protocol) =>
      protocol.diluentVolumeMl === first.diluentVolumeMl &&
      protocol.infusionMinutes === first.infusionMinutes &&
      protocol.concentrationMgPerMl === null,
  );
  if (!isSameForEveryArm) return blank;
  return {
    label: BLINDED_DRUG_LABEL,
    volumeMl: first.diluentVolumeMl,
    rateMlPerH: Math.round((first.diluentVolumeMl / (first.infusionMinutes / 60)) * 10) / 10,
  };
}
