import { describe, expect, it } from 'vitest';
import { openSnapshot } from '@/lib/db-snapshot';

// The cursor the candidate export streams through (lib/db-snapshot.ts). Each batch is handed
// over to the consumer (pg's own result lets go of it, so it can die young), which must not
// change what the consumer sees: every row once, in order, each batch its own array.
const series = (count: number) => ({
  text: 'SELECT i AS n, md5(i::text) AS hash FROM generate_series(1, $1::int) AS i ORDER BY i',
  values: [count],
});

describe('openSnapshot().stream', () => {
  it('yields every row once, in order, in batches of the asked size, each kept intact after the next arrives', async () => {
    const snapshot = await openSnapshot();
    const batches: Array<Array<{ n: number; hash: string }>> = [];
    for await (const batch of snapshot.stream<{ n: number; hash: string }>(series(1_250), 500)) batches.push(batch);
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 250]);
    expect(batches.flat().map((row) => row.n)).toEqual(Array.from({ length: 1_250 }, (_, i) => i + 1));
    expect(batches[0][0]).toEqual({ n: 1, hash: 'c4ca4238a0b923820dcc509a6f75849b' });
    await snapshot.close();
  });

  it('ends after a batch that is exactly full when nothing follows, and a consumer may stop early', async () => {
    const exact = await openSnapshot();
    const sizes: number[] = [];
    for await (const batch of exact.stream(series(1_000), 500)) sizes.push(batch.length);
    expect(sizes).toEqual([500, 500]);

    const early = await openSnapshot();
    const ids = await early.query<{ n: number }>(series(3));
    expect(ids.map((row) => row.n)).toEqual([1, 2, 3]);
    for await (const batch of early.stream<{ n: number }>(series(10_000), 100)) {
      expect(batch[0].n).toBe(1);
      break; // the generator's finally closes the snapshot
    }
    await expect(early.close()).resolves.toBeUndefined();
  });
});
