import { type ChainedEvent, eventHmac } from './audit-chain';

// The pure part of verifying the audit chain: given events in seq order and where the
// walk stands, find the first event that was changed, removed or inserted.

export type StoredEvent = Omit<ChainedEvent, 'prevHmac'> & { id: string; prevHmac: string | null; hmac: string | null };

export type ChainProblemKind = 'changed' | 'removed' | 'inserted';

export type ChainProblem = { kind: ChainProblemKind; seq: number; eventId: string | null; message: string };

export type WalkState = {
  /** The last event accepted (0 before the first). */
  lastSeq: number;
  /** Its hmac; null while only events from before the chain have been seen. */
  lastHmac: string | null;
  count: number;
};

export const START_OF_CHAIN: WalkState = { lastSeq: 0, lastHmac: null, count: 0 };

const label = (event: StoredEvent) => `event #${event.seq} (${event.id}, ${event.action} on ${event.entityType})`;

/**
 * Walks `events` (ascending seq, continuing from `state`). `next` is the event after the
 * last one given, if any: with it, an event with a bad seal whose successor links past it
 * is told apart as inserted rather than changed.
 */
export function walkChain(
  events: StoredEvent[],
  state: WalkState,
  next?: StoredEvent,
): { state: WalkState; problem: ChainProblem | null } {
  let current = state;
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index];
    const following = events[index + 1] ?? next;
    const problem = checkOne(event, current, following);
    if (problem) return { state: current, problem };
    current = { lastSeq: event.seq, lastHmac: event.hmac, count: current.count + 1 };
  }
  return { state: current, problem: null };
}

function checkOne(event: StoredEvent, state: WalkState, following: StoredEvent | undefined): ChainProblem | null {
  const at = { seq: event.seq, eventId: event.id };
  if (event.seq <= state.lastSeq)
    return { kind: 'inserted', ...at, message: `${label(event)} repeats position #${event.seq}: it was inserted.` };
  if (event.seq !== state.lastSeq + 1) {
    const first = state.lastSeq + 1;
    const last = event.seq - 1;
    const range = first === last ? `event #${first} was` : `events #${first} to #${last} were`;
    return {
      kind: 'removed',
      ...at,
      message: `${range} removed (the trail jumps from #${state.lastSeq} to #${event.seq}).`,
    };
  }
  if (event.hmac === null || event.prevHmac === null) {
    // Unsealed events are the ones written before the chain existed, and only those.
    if (state.lastHmac === null) return null;
    return {
      kind: 'inserted',
      ...at,
      message: `${label(event)} has no seal: it was inserted or altered outside TrialDesk.`,
    };
  }
  const expectedPrev = state.lastHmac ?? '';
  const isSealValid = eventHmac({ ...event, prevHmac: event.prevHmac }) === event.hmac;
  if (!isSealValid) {
    const isSkippedBySuccessor = following?.prevHmac != null && following.prevHmac === expectedPrev;
    if (isSkippedBySuccessor)
      return {
        kind: 'inserted',
        ...at,
        message: `${label(event)} was inserted: its seal is invalid and the next event links past it.`,
      };
    // The newest event has no successor to tell an insertion from an edit.
    const what = following ? 'was changed' : 'was changed or inserted';
    return { kind: 'changed', ...at, message: `${label(event)} ${what}: its content does not match its seal.` };
  }
  if (event.prevHmac !== expectedPrev)
    return {
      kind: 'removed',
      ...at,
      message: `${label(event)} does not follow event #${state.lastSeq}: the event it was chained to was removed or replaced.`,
    };
  return null;
}
