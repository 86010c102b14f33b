import { describe, expect, it } from 'vitest';
import { shardBatch } from './shard-batch.js';

const PIXELS = 3;

function batchOf(n: number): { xs: Float32Array; ys: Int32Array } {
  return {
    xs: Float32Array.from({ length: n * PIXELS }, (_, i) => i + 0.5),
    ys: Int32Array.from({ length: n }, (_, i) => 100 + i),
  };
}

describe('shardBatch', () => {
  it.each([
    [7, 2, [4, 3]],
    [6, 3, [2, 2, 2]],
    [5, 4, [2, 1, 1, 1]],
    [1, 2, [1]],
    [3, 1, [3]],
  ])('%i examples on %i workers: shards of %j, in order, covering the batch', (n, workers, sizes) => {
    const { xs, ys } = batchOf(n);
    const shards = shardBatch(xs, ys, PIXELS, workers);
    expect(shards.map((s) => s.count)).toEqual(sizes);
    // Concatenated, the shards are the batch again, each example's pixels beside its label.
    expect(shards.flatMap((s) => Array.from(s.ys))).toEqual(Array.from(ys));
    expect(shards.flatMap((s) => Array.from(s.xs))).toEqual(Array.from(xs));
    for (const s of shards) expect(s.xs.length).toBe(s.count * PIXELS);
  });

  it('gives each shard its own buffer, so transferring one leaves the batch intact', () => {
    const { xs, ys } = batchOf(4);
    const [a] = shardBatch(xs, ys, PIXELS, 2);
    expect(a.xs.buffer).not.toBe(xs.buffer);
    expect(a.ys.buffer).not.toBe(ys.buffer);
    a.xs[0] = -1;
    expect(xs[0]).toBe(0.5);
  });
});
