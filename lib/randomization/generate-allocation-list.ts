import { createSeededRandom, randomIndex } from './seeded-random';

// Permuted-block randomization. Each block holds every arm in proportion to its
// allocation weight (block size = a multiple of the weight sum), shuffled; the
// block size itself is drawn at random from a small set so the next assignment
// cannot be guessed from the ones already revealed. Everything follows from the
// seed: the same seed and arms always give the same list, and a longer list
// starts with the shorter one (the list can be extended without changing the past).

export type AllocationArm = { id: string; allocationWeight: number };
export type AllocationListEntry = { sequence: number; blockNumber: number; armId: string };

/** The smallest block we allow: a block of 2 in a 1:1 trial makes every second assignment predictable. */
const MIN_BLOCK_SIZE = 4;

function validateArms(arms: readonly AllocationArm[]) {
  if (arms.length === 0) throw new RangeError('A randomized trial needs at least one arm.');
  const ids = new Set<string>();
  for (const arm of arms) {
    if (!Number.isInteger(arm.allocationWeight) || arm.allocationWeight < 1) {
      throw new RangeError(
        `Arm ${arm.id} has allocation weight ${arm.allocationWeight}; weights are whole numbers from 1.`,
      );
    }
    if (ids.has(arm.id)) throw new RangeError(`Arm ${arm.id} is listed twice.`);
    ids.add(arm.id);
  }
}

export function weightSum(arms: readonly AllocationArm[]): number {
  return arms.reduce((sum, arm) => sum + arm.allocationWeight, 0);
}

/**
 * Block sizes for these weights: two consecutive multiples of the weight sum,
 * the smaller at least 4 (1:1 → [4, 6], 2:1 → [6, 9], 1:1:1:1 → [4, 8]).
 */
export function allocationBlockSizes(arms: readonly AllocationArm[]): number[] {
  validateArms(arms);
  const sum = weightSum(arms);
  const first = Math.max(1, Math.ceil(MIN_BLOCK_SIZE / sum));
  return [first * sum, (first + 1) * sum];
}

function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = randomIndex(random, i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export type GenerateAllocationListOptions = {
  arms: readonly AllocationArm[];
  seed: string;
  /** Whole blocks are generated until the list holds at least this many entries. */
  minEntries: number;
  /** Defaults to allocationBlockSizes(arms); each must be a multiple of the weight sum. */
  blockSizes?: readonly number[];
};

/** The list in sequence order (1-based), each entry with its block (1-based) and arm. */
export function generateAllocationList({
  arms,
  seed,
  minEntries,
  blockSizes,
}: GenerateAllocationListOptions): AllocationListEntry[] {
  validateArms(arms);
  if (!Number.isInteger(minEntries) || minEntries < 1)
    throw new RangeError('An allocation list needs at least one entry.');
  const sum = weightSum(arms);
  const sizes = [...(blockSizes ?? allocationBlockSizes(arms))];
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < sum || size % sum !== 0)) {
    throw new RangeError(`Block sizes must be whole multiples of the weight sum ${sum}; got [${sizes.join(', ')}].`);
  }
  // Arms in a fixed order whatever order the caller read them in, so the seed alone decides the list.
  const ordered = [...arms].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const random = createSeededRandom(seed);
  const entries: AllocationListEntry[] = [];
  for (let blockNumber = 1; entries.length < minEntries; blockNumber += 1) {
    const size = sizes[randomIndex(random, sizes.length)];
    const multiple = size / sum;
    const block = ordered.flatMap((arm) => Array.from({ length: arm.allocationWeight * multiple }, () => arm.id));
    for (const armId of shuffleInPlace(block, random))
      entries.push({ sequence: entries.length + 1, blockNumber, armId });
  }
  return entries;
}
