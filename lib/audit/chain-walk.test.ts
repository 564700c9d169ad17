import { describe, expect, it } from 'vitest';
import { eventHmac } from './audit-chain';
import { START_OF_CHAIN, type StoredEvent, walkChain } from './chain-walk';

function legacy(seq: number): StoredEvent {
  return {
    id: `legacy-${seq}`,
    seq,
    prevHmac: null,
    hmac: null,
    createdAt: new Date('2026-11-01T09:00:00.000Z'),
    actorId: null,
    actorLabel: null,
    action: 'user.create',
    entityType: 'User',
    entityId: `u${seq}`,
    before: null,
    after: null,
    reason: null,
    requestId: null,
    ipAddress: null,
  };
}

/** Seals events in order, the way recordAuditEvent does. */
function sealAfter(events: StoredEvent[], count: number): StoredEvent[] {
  const out = [...events];
  for (let i = 0; i < count; i += 1) {
    const seq = out.length + 1;
    const prevHmac = out.at(-1)?.hmac ?? '';
    const content = { ...legacy(seq), id: `sealed-${seq}`, after: { decision: 'INELIGIBLE' }, prevHmac };
    out.push({ ...content, hmac: eventHmac(content) });
  }
  return out;
}

describe('walkChain', () => {
  it('accepts events from before the chain, then sealed events linked to ""', () => {
    const events = sealAfter([legacy(1), legacy(2)], 3);
    expect(events[2].prevHmac).toBe('');
    expect(walkChain(events, START_OF_CHAIN)).toEqual({
      state: { lastSeq: 5, lastHmac: events[4].hmac, count: 5 },
      problem: null,
    });
  });

  it('names an unsealed event after the chain started as inserted', () => {
    const events = sealAfter([], 2);
    const result = walkChain([...events, legacy(3)], START_OF_CHAIN);
    expect(result.problem).toMatchObject({ kind: 'inserted', seq: 3, eventId: 'legacy-3' });
  });

  it('names a changed event, and a missing legacy event by the gap it leaves', () => {
    const events = sealAfter([legacy(1), legacy(2)], 2);
    const changed = events.map((e) => (e.seq === 4 ? { ...e, after: { decision: 'ELIGIBLE' } } : e));
    expect(walkChain(changed, START_OF_CHAIN).problem).toMatchObject({ kind: 'changed', seq: 4 });
    const withoutFirst = events.filter((e) => e.seq !== 1);
    expect(walkChain(withoutFirst, START_OF_CHAIN).problem).toMatchObject({
      kind: 'removed',
      seq: 2,
      message: expect.stringContaining('event #1 was removed'),
    });
  });

  it('continues from a checkpoint without re-reading earlier events', () => {
    const events = sealAfter([], 4);
    const first = walkChain(events.slice(0, 2), START_OF_CHAIN);
    const rest = walkChain(events.slice(2), first.state);
    expect(rest).toMatchObject({ problem: null, state: { lastSeq: 4, count: 4 } });
  });
});
