import type { Shard } from './protocol.js';

/**
 * Splits a batch of `ys.length` examples (`pixels` values each in `xs`) into at most `workers`
 * contiguous shards whose sizes differ by at most one, larger ones first; a batch smaller than
 * `workers` gives one shard per example. Each shard owns fresh copies, so they can be transferred.
 */
export function shardBatch(xs: Float32Array, ys: Int32Array, pixels: number, workers: number): Shard[] {
  const batch = ys.length;
  const used = Math.min(workers, batch);
  const shards: Shard[] = [];
  let start = 0;
  for (let k = 0; k < used; k++) {
    const count = Math.floor(batch / used) + (k < batch % used ? 1 : 0);
    shards.push({
      xs: xs.slice(start * pixels, (start + count) * pixels),
      ys: ys.slice(start, start + count),
      count,
    });
    start += count;
  }
  return shards;
}
