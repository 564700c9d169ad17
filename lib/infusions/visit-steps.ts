import type { DosingProtocol } from '@/lib/validations/dosing';
import { POST_INFUSION_TIMEPOINT } from './discharge-policy';

// What each infusion-day step asks for, decided here so the page only renders it. Pure and
// client-safe.

/** Infusion length assumed for the vitals timepoints when the protocol is withheld or states none. */
export const DEFAULT_VITALS_INFUSION_MINUTES = 40;

/** Vitals timepoints after the start: 15 minutes in, the end of the infusion, after it and at discharge. */
export function vitalsTimepoints(infusionMinutes: number | null | undefined): string[] {
  const end = Math.round(infusionMinutes ?? DEFAULT_VITALS_INFUSION_MINUTES);
  return [...new Set(['T+15', `T+${end}`, POST_INFUSION_TIMEPOINT, 'DISCHARGE'])];
}

/**
 * Whether the dose step asks for a height: the basis weight needs one for ideal or adjusted body
 * weight, and when the protocol is withheld (masked trial) or missing the form cannot know, so it asks.
 */
export function isHeightNeeded(protocol: Pick<DosingProtocol, 'weightBasis'> | null): boolean {
  if (protocol === null) return true;
  const basis = protocol.weightBasis ?? null;
  return basis === 'IDEAL' || basis === 'ADJUSTED';
}
