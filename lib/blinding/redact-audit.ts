import { canSeeAllocation, isMaskedTrial, type BlindingViewer } from './policy';

// The audit trail keeps everything; what a blinded reader of it gets does not. Events of
// dose verification, administration, enrolment and randomization carry the arm, the mg and
// the calculation, which would unblind a masked trial. Writers put `trialId` in `after`;
// the reader strips these keys from events of masked trials the viewer is blinded for, and
// from events whose trial cannot be told when the viewer is blinded for any masked trial.

/** Keys whose values can tell the arms of a masked trial apart. */
export const ALLOCATION_KEYS = new Set([
  'arm',
  'armId',
  'armLabel',
  'arms',
  'allocationSequence',
  'sequence',
  'blockNumber',
  'doseMg',
  'administeredDoseMg',
  'verifiedDoseMg',
  'uncappedDoseMg',
  'isCapped',
  'capped',
  'steps',
  'protocol',
  'volumeMl',
  'rateMlPerH',
  'contentHash',
  // Dispensing at a masked trial's visit: the amount drawn tells active from placebo.
  'changeMg',
  'balanceAfterMg',
  'openedVialRemainderMg',
  'lotId',
  'dispenseMovementId',
]);

export const WITHHELD = '[withheld: masked trial]';

type Json = unknown;

function strip(value: Json): Json {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, Json>).map(([key, inner]) => [
      key,
      ALLOCATION_KEYS.has(key) ? WITHHELD : strip(inner),
    ]),
  );
}

function trialIdOf(event: { entityType: string; entityId: string | null; before: Json; after: Json }): string | null {
  for (const side of [event.after, event.before]) {
    if (side && typeof side === 'object' && !Array.isArray(side)) {
      const id = (side as Record<string, Json>).trialId;
      if (typeof id === 'string') return id;
    }
  }
  return event.entityType === 'Trial' ? event.entityId : null;
}

/**
 * The events as `viewer` may read them. `maskingByTrial` holds every trial's masking
 * (a clinic has a handful of trials).
 */
export function redactAuditEvents<
  T extends { entityType: string; entityId: string | null; before: Json; after: Json },
>(options: { events: readonly T[]; viewer: BlindingViewer; maskingByTrial: ReadonlyMap<string, string | null> }): T[] {
  const { events, viewer, maskingByTrial } = options;
  const blindedTrialIds = [...maskingByTrial]
    .filter(([id, masking]) => isMaskedTrial(masking) && !canSeeAllocation({ viewer, trial: { id, masking } }))
    .map(([id]) => id);
  if (blindedTrialIds.length === 0) return [...events];
  const blinded = new Set(blindedTrialIds);
  return events.map((event) => {
    const trialId = trialIdOf(event);
    const mustStrip = trialId === null || blinded.has(trialId) || !maskingByTrial.has(trialId);
    return mustStrip ? { ...event, before: strip(event.before), after: strip(event.after) } : event;
  });
}
