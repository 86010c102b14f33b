import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { syntheticDataset } from './synthetic-dataset.js';
import { syntheticSample } from './synthetic-sample.js';

const sha = (a: ArrayBufferView) =>
  createHash('sha256')
    .update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
    .digest('hex');

describe('syntheticDataset', () => {
  it('gives identical bytes for the same options and balanced classes', () => {
    const a = syntheticDataset({ count: 40, size: 32, seed: 9 });
    const b = syntheticDataset({ count: 40, size: 32, seed: 9 });
    expect(sha(a.images)).toBe(sha(b.images));
    expect(a.labels).toEqual(b.labels);
    expect(a.images.length).toBe(40 * 32 * 32 * 3);
    expect(a.classNames).toEqual(['ring', 'triangle', 'horizontal_bar', 'cross']);
    const counts = [0, 0, 0, 0];
    for (const l of a.labels) counts[l]++;
    expect(counts).toEqual([10, 10, 10, 10]);
    expect(sha(syntheticDataset({ count: 40, size: 32, seed: 10 }).images)).not.toBe(sha(a.images));
  });

  it('packs sample start+i at position i', () => {
    const d = syntheticDataset({ count: 3, start: 100, size: 24, seed: 2 });
    for (let i = 0; i < 3; i++) {
      const s = syntheticSample(100 + i, { size: 24, seed: 2 });
      expect(d.images.subarray(i * 24 * 24 * 3, (i + 1) * 24 * 24 * 3)).toEqual(s.image);
      expect(d.boxes[i]).toEqual(s.box);
      expect(d.masks[i]).toEqual(s.mask);
      expect(d.labels[i]).toBe(s.label);
    }
  });

  it('rejects a bad count', () => {
    expect(() => syntheticDataset({ count: -1 })).toThrow(/count must be an integer/);
  });
});
