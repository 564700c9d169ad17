import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocationBlockSizes,
  generateAllocationList,
  type AllocationArm,
  type AllocationListEntry,
} from './generate-allocation-list';
import { createSeededRandom, hashSeed } from './seeded-random';

const ONE_TO_ONE: AllocationArm[] = [
  { id: 'arm-ketamine', allocationWeight: 1 },
  { id: 'arm-midazolam', allocationWeight: 1 },
];
const TWO_TO_ONE: AllocationArm[] = [
  { id: 'arm-a', allocationWeight: 2 },
  { id: 'arm-b', allocationWeight: 1 },
];

function blocksOf(entries: AllocationListEntry[]): AllocationListEntry[][] {
  const blocks = new Map<number, AllocationListEntry[]>();
  for (const entry of entries) blocks.set(entry.blockNumber, [...(blocks.get(entry.blockNumber) ?? []), entry]);
  return [...blocks.values()];
}

function countByArm(entries: AllocationListEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of entries) counts[entry.armId] = (counts[entry.armId] ?? 0) + 1;
  return counts;
}

function expectBlocksKeepRatio(entries: AllocationListEntry[], arms: AllocationArm[], sizes: number[]) {
  const sum = arms.reduce((s, arm) => s + arm.allocationWeight, 0);
  for (const block of blocksOf(entries)) {
    expect(sizes).toContain(block.length);
    const counts = countByArm(block);
    for (const arm of arms) expect(counts[arm.id] ?? 0).toBe((arm.allocationWeight * block.length) / sum);
  }
}

describe('seeded random', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = createSeededRandom('trial-1');
    const b = createSeededRandom('trial-1');
    const c = createSeededRandom('trial-2');
    const first = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(first);
    expect(Array.from({ length: 50 }, () => c())).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
    expect(hashSeed('abc')).toBe(hashSeed('abc'));
    expect(hashSeed('abc')).not.toBe(hashSeed('abd'));
  });
});

describe('allocationBlockSizes', () => {
  it('uses multiples of the weight sum with no block smaller than 4', () => {
    expect(allocationBlockSizes(ONE_TO_ONE)).toEqual([4, 6]);
    expect(allocationBlockSizes(TWO_TO_ONE)).toEqual([6, 9]);
    expect(
      allocationBlockSizes([
        { id: 'a', allocationWeight: 3 },
        { id: 'b', allocationWeight: 2 },
      ]),
    ).toEqual([5, 10]);
  });

  it('refuses weights that are not whole numbers from 1, and no arms', () => {
    expect(() => allocationBlockSizes([{ id: 'a', allocationWeight: 0 }])).toThrow(RangeError);
    expect(() => allocationBlockSizes([{ id: 'a', allocationWeight: 1.5 }])).toThrow(RangeError);
    expect(() => allocationBlockSizes([])).toThrow(RangeError);
  });
});

describe('generateAllocationList', () => {
  it('keeps the 1:1 ratio exactly in every block, numbered 1.. in sequence', () => {
    const entries = generateAllocationList({ arms: ONE_TO_ONE, seed: 'seed-1', minEntries: 100 });
    expect(entries.length).toBeGreaterThanOrEqual(100);
    expect(entries.map((e) => e.sequence)).toEqual(entries.map((_, i) => i + 1));
    expectBlocksKeepRatio(entries, ONE_TO_ONE, [4, 6]);
    expect(new Set(blocksOf(entries).map((b) => b.length))).toEqual(new Set([4, 6]));
  });

  it('keeps a 2:1 ratio exactly in every block', () => {
    const entries = generateAllocationList({ arms: TWO_TO_ONE, seed: 'seed-2', minEntries: 60 });
    expectBlocksKeepRatio(entries, TWO_TO_ONE, [6, 9]);
    const totals = countByArm(entries);
    expect(totals['arm-a']).toBe(2 * totals['arm-b']);
  });

  it('is reproducible from its seed, whatever order the arms arrive in', () => {
    const once = generateAllocationList({ arms: ONE_TO_ONE, seed: 'reproducible', minEntries: 40 });
    const again = generateAllocationList({ arms: [...ONE_TO_ONE].reverse(), seed: 'reproducible', minEntries: 40 });
    expect(again).toEqual(once);
  });

  it('differs for a different seed', () => {
    const a = generateAllocationList({ arms: ONE_TO_ONE, seed: 'seed-a', minEntries: 40 });
    const b = generateAllocationList({ arms: ONE_TO_ONE, seed: 'seed-b', minEntries: 40 });
    expect(b.map((e) => e.armId)).not.toEqual(a.map((e) => e.armId));
  });

  it('extends without changing the entries already generated', () => {
    const short = generateAllocationList({ arms: TWO_TO_ONE, seed: 'prefix', minEntries: 12 });
    const long = generateAllocationList({ arms: TWO_TO_ONE, seed: 'prefix', minEntries: 90 });
    expect(long.slice(0, short.length)).toEqual(short);
  });

  it('honours explicit block sizes and refuses ones that break the ratio', () => {
    const entries = generateAllocationList({ arms: ONE_TO_ONE, seed: 'fixed', minEntries: 8, blockSizes: [2] });
    expectBlocksKeepRatio(entries, ONE_TO_ONE, [2]);
    expect(() => generateAllocationList({ arms: TWO_TO_ONE, seed: 'x', minEntries: 5, blockSizes: [4] })).toThrow(
      RangeError,
    );
    expect(() => generateAllocationList({ arms: ONE_TO_ONE, seed: 'x', minEntries: 0 })).toThrow(RangeError);
  });

  it('property: any weights and seed give whole blocks that keep the ratio exactly, reproducibly', () => {
    const armsArbitrary = fc
      .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 })
      .map((weights) => weights.map((allocationWeight, i) => ({ id: `arm-${i}`, allocationWeight })));
    fc.assert(
      fc.property(
        armsArbitrary,
        fc.string({ minLength: 1, maxLength: 24 }),
        fc.integer({ min: 1, max: 120 }),
        (arms, seed, minEntries) => {
          const entries = generateAllocationList({ arms, seed, minEntries });
          expect(entries.length).toBeGreaterThanOrEqual(minEntries);
          expectBlocksKeepRatio(entries, arms, allocationBlockSizes(arms));
          expect(generateAllocationList({ arms, seed, minEntries })).toEqual(entries);
        },
      ),
      { numRuns: 200 },
    );
  });
});
